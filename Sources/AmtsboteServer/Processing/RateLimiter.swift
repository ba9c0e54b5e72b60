import AmtsboteCore

/// Per-sender message limit over a sliding window. The first message over the limit gets one
/// polite notice; the rest are counted and dropped until the sender slows down.
actor RateLimiter {
    /// What to do with a message.
    enum Decision: Equatable, Sendable {
        case allow
        /// Over the limit for the first time in this window: answer with the notice.
        case notify
        case drop
    }

    private struct Sender: Hashable {
        var channel: Channel
        var id: String
    }

    private struct Window {
        var times: [ContinuousClock.Instant] = []
        var notified = false
    }

    private let limit: Int
    private let window: Duration
    private let clock = ContinuousClock()
    private var windows: [Sender: Window] = [:]
    private var checksSincePrune = 0
    /// Messages dropped since start (for logs).
    private(set) var dropped = 0

    init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
    }

    /// Counts the messages of a batch, in order, and decides for each.
    func check(_ senders: [(channel: Channel, senderID: String)]) -> [Decision] {
        senders.map { check(channel: $0.channel, senderID: $0.senderID) }
    }

    /// Counts a message from `senderID` and decides.
    func check(channel: Channel, senderID: String) -> Decision {
        let now = clock.now
        let key = Sender(channel: channel, id: senderID)
        var entry = windows[key] ?? Window()
        entry.times.removeAll { now - $0 > window }
        if entry.times.isEmpty { entry.notified = false }
        let decision: Decision
        if entry.times.count < limit {
            entry.times.append(now)
            decision = .allow
        } else if !entry.notified {
            entry.notified = true
            decision = .notify
        } else {
            dropped += 1
            decision = .drop
        }
        windows[key] = entry
        pruneOccasionally(now: now)
        return decision
    }

    /// Forgets idle senders now and then, so memory stays bounded.
    private func pruneOccasionally(now: ContinuousClock.Instant) {
        checksSincePrune += 1
        guard checksSincePrune >= 10_000 else { return }
        checksSincePrune = 0
        windows = windows.filter { _, entry in entry.times.contains { now - $0 <= window } }
    }
}
