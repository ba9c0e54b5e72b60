import AmtsboteStore

/// Names one part of an outbox entry's reply in what the platform repeats back: Messenger's
/// `metadata` (in the echo webhook) and WhatsApp's `biz_opaque_callback_data` (in status
/// webhooks). `amtsbote:<entry id>:<part index>` — nothing about the citizen or the text.
struct SendReference: Hashable, Sendable {
    var entryID: Int64
    var part: Int

    static let prefix = "amtsbote:"
    /// More parts than any reply has (a 1 MB text split at 640 characters has about 1,600); a
    /// larger number is no reference of ours (and `part + 1` must not overflow).
    static let partLimit = 100_000

    init(entryID: Int64, part: Int) {
        self.entryID = entryID
        self.part = part
    }

    /// Reads a reference; nil for anything else (metadata set by another app, say).
    init?(_ text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let fields = text.dropFirst(Self.prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, let entryID = Int64(fields[0]), let part = Int(fields[1]), entryID > 0, (0..<Self.partLimit).contains(part) else { return nil }
        self.init(entryID: entryID, part: part)
    }

    var text: String { "\(Self.prefix)\(entryID):\(part)" }

    /// The confirmation the reference gives when the platform repeats it: this part and the ones before.
    var confirmation: OutboxPartConfirmation { OutboxPartConfirmation(entryID: entryID, parts: part + 1) }
}
