import AmtsboteCore
import Crypto
import Foundation

/// Recognises the echo of a reply part on Instagram, whose Send API takes no `metadata` to name
/// the outbox entry: the SHA-256 of the part's text, computed for the part in flight after a
/// crash and for each echo's text. Only the digest is stored, never the text a second time.
enum EchoDigest {
    /// Channels whose in-flight parts are held after a crash and recognised by this digest.
    static let channels: Set<Channel> = [.instagram]

    /// The digest of a part's text (surrounding whitespace ignored, in case the platform trims it).
    static func of(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return SHA256.hash(data: Data(trimmed.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The digest of the part of `reply` that follows the `partsSent` parts already recorded
    /// (the part that was in flight), or nil when the channel does not use digests or no such part exists.
    static func ofPartInFlight(_ reply: BotReply, channel: Channel, partsSent: Int) -> String? {
        guard channels.contains(channel) else { return nil }
        let parts = MessengerClient.parts(of: reply, channel: channel)
        guard parts.indices.contains(partsSent) else { return nil }
        return of(parts[partsSent])
    }
}
