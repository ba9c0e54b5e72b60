import Foundation

/// Whether, and until when, a platform still lets staff answer a citizen, measured from the
/// citizen's last message (Messenger, Instagram and WhatsApp allow free-form replies for 24 h;
/// Messenger and Instagram allow 7 days with the `HUMAN_AGENT` tag; WhatsApp then only templates).
public enum ReplyWindow: Sendable, Hashable {
    /// The channel has no reply window (Telegram, web chat, API).
    case unlimited
    /// A normal reply is allowed until the given time.
    case open(until: Date)
    /// Only a reply tagged `HUMAN_AGENT` is allowed, until the given time.
    case humanAgent(until: Date)
    /// No reply is allowed any more; `since` is when the last window closed (nil: the citizen never wrote).
    case closed(since: Date?)

    /// The platform tag Messenger and Instagram need for a staff reply after 24 hours.
    public static let humanAgentTag = "HUMAN_AGENT"

    /// The window for a reply on `channel` at `now`, given the citizen's last message.
    public static func evaluate(channel: Channel, lastInboundAt: Date?, now: Date) -> ReplyWindow {
        guard let standard = channel.replyWindow else { return .unlimited }
        guard let last = lastInboundAt else { return .closed(since: nil) }
        let standardEnd = last.addingTimeInterval(standard)
        if now < standardEnd { return .open(until: standardEnd) }
        if let extended = channel.humanAgentWindow {
            let extendedEnd = last.addingTimeInterval(extended)
            if now < extendedEnd { return .humanAgent(until: extendedEnd) }
            return .closed(since: extendedEnd)
        }
        return .closed(since: standardEnd)
    }

    /// Whether a reply may be sent now.
    public var allowsReply: Bool {
        if case .closed = self { return false }
        return true
    }

    /// The message tag the reply must carry, if any.
    public var tag: String? {
        if case .humanAgent = self { return Self.humanAgentTag }
        return nil
    }

    /// When replying stops being possible, if limited and still open.
    public var deadline: Date? {
        switch self {
        case .open(let until), .humanAgent(let until): return until
        case .unlimited, .closed: return nil
        }
    }

    /// A stable name for JSON output: `unlimited`, `open`, `human_agent`, `closed`.
    public var state: String {
        switch self {
        case .unlimited: return "unlimited"
        case .open: return "open"
        case .humanAgent: return "human_agent"
        case .closed: return "closed"
        }
    }
}
