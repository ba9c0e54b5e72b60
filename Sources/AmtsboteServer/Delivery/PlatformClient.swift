import AmtsboteCore

/// Sends a reply to one citizen on one platform. Implementations are small and stateless;
/// tests point them at a fake platform server on 127.0.0.1.
public protocol PlatformClient: Sendable {
    /// Sends `message`, split and formatted as the platform needs, starting with part
    /// `firstPart` (the earlier ones were delivered before); `progress` hears of each part the
    /// platform confirmed.
    /// - Throws: `DeliveryError` (other errors count as temporary).
    func send(_ message: OutboundMessage, from firstPart: Int, progress: PartProgress) async throws
}

/// Told after each confirmed part of a split reply.
public typealias PartProgress = @Sendable (_ sent: PartsSent) async throws -> Void

/// How far a split reply has got, as the client that split it knows.
public struct PartsSent: Sendable, Equatable {
    /// Parts the platform confirmed so far, those of earlier attempts included.
    public var count: Int
    /// Parts in all.
    public var total: Int
    /// The text of the part that goes out next, as the platform receives it; nil after the last.
    public var nextText: String?

    public init(count: Int, total: Int, nextText: String? = nil) {
        self.count = count
        self.total = total
        self.nextText = nextText
    }
}

extension PlatformClient {
    /// Sends the whole of `message`.
    public func send(_ message: OutboundMessage) async throws {
        try await send(message, from: 0, progress: { _ in })
    }

    /// Sends `parts[firstPart...]` one after the other with `sendPart`, reporting each to
    /// `progress` with the text (`text(part)`) of the part after it.
    func sendParts<Part>(
        _ parts: [Part], from firstPart: Int, progress: PartProgress, text: (Part) -> String,
        sendPart: (Part) async throws -> Void
    ) async throws {
        for index in parts.indices where index >= firstPart {
            try await sendPart(parts[index])
            let next = parts.indices.contains(index + 1) ? text(parts[index + 1]) : nil
            try await progress(PartsSent(count: index + 1, total: parts.count, nextText: next))
        }
    }
}

/// A reply addressed to a citizen.
public struct OutboundMessage: Sendable, Hashable {
    public var channel: Channel
    /// The platform's id of the citizen.
    public var recipientID: String
    public var address: ReplyAddress
    public var reply: BotReply
    /// Platform message tag for sends outside the standard window (e.g. `HUMAN_AGENT`).
    public var tag: String?
    /// The outbox entry this reply comes from; where the platform repeats a reference in its
    /// echo or status webhooks (Messenger, WhatsApp), each part carries a `SendReference` to it.
    public var outboxID: Int64?

    public init(
        channel: Channel, recipientID: String, address: ReplyAddress, reply: BotReply, tag: String? = nil, outboxID: Int64? = nil
    ) {
        self.channel = channel
        self.recipientID = recipientID
        self.address = address
        self.reply = reply
        self.tag = tag
        self.outboxID = outboxID
    }
}

/// Why a send failed, and whether trying again can help.
public enum DeliveryError: Error, CustomStringConvertible, Equatable {
    /// Timeouts, 5xx, rate limits: try again (after `retryAfter` seconds when the platform says so).
    case temporary(String, retryAfter: Double? = nil)
    /// Blocked user, closed window, bad token, invalid request: retrying cannot help.
    case permanent(String)
    /// No answer to a request that may have reached the platform (a timeout, a connection lost
    /// while waiting): retried like `temporary`, but on channels that confirm sends by webhook
    /// only once the platform has had `confirmationWait` to confirm it (a quick retry sent the
    /// part twice when the confirmation came later, under a backlog).
    case uncertain(String)

    /// Whether a retry can help (everything but `permanent`).
    var isRetryable: Bool {
        if case .permanent = self { return false }
        return true
    }

    /// The wait the platform asked for, if any.
    var retryAfter: Double? {
        if case .temporary(_, let retryAfter) = self { return retryAfter }
        return nil
    }

    public var description: String {
        switch self {
        case .temporary(let reason, let retryAfter):
            return "temporary: \(reason)" + (retryAfter.map { " (retry after \($0) s)" } ?? "")
        case .permanent(let reason): return "permanent: \(reason)"
        case .uncertain(let reason): return "uncertain: \(reason)"
        }
    }
}

/// The "client" of channels whose replies are read from the message log (web chat, JSON API):
/// nothing to send, so delivery succeeds at once.
struct LogOnlyClient: PlatformClient {
    func send(_ message: OutboundMessage, from firstPart: Int, progress: PartProgress) async throws {}
}
