import AmtsboteCore
import AmtsboteStore
import Foundation
import Logging

/// Request–response channels (web chat, JSON API): store the message like any webhook, then
/// process it at once so the reply can go back in the same HTTP response.
struct DirectConversation: Sendable {
    let intake: Intake
    let processor: ConversationProcessor
    let logger: Logger

    /// The outcome for the client.
    enum Outcome: Sendable {
        /// Processed now: the logged reply (nil when dropped by the rate limit).
        case replied(MessageRecord?, BotReply?)
        /// The id was seen before; nothing new happened.
        case duplicate
        /// Stored, but not processed yet (e.g. no knowledge base loaded); the background processor will.
        case queued
    }

    func handle(_ message: InboundMessage) async throws -> Outcome {
        guard let id = try await intake.accept([message], wake: false).first else { return .duplicate }
        do {
            guard let processed = try await processor.process(eventID: id) else { return .queued }
            return .replied(processed.reply, processed.botReply)
        } catch {
            logger.error("direct processing failed; left for the background processor", metadata: ["event": "\(id)", "error": "\(error)"])
            await intake.wakeup.ring()
            return .queued
        }
    }
}
