import Logging

/// Answers Telegram callback queries (stops the button's spinner). Best effort: a lost
/// acknowledgement only leaves a spinner, so it is not queued durably.
struct CallbackAcknowledger: Sendable {
    let client: TelegramClient
    let logger: Logger

    func acknowledge(_ callbackID: String) {
        Task {
            do {
                try await client.answerCallbackQuery(id: callbackID)
            } catch {
                logger.warning("answerCallbackQuery failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
