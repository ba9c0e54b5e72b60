import AmtsboteCore

/// Tells a burst of incoming requests from ordinary traffic by their rate over short windows.
/// A trickle (a few citizens, or the platforms' echoes of replies being delivered) must not
/// throttle background processing; only a rate the acknowledgements have to be protected from does.
struct BurstDetector {
    /// Requests per second from which intake counts as a burst.
    let threshold: Double
    /// Length of a measuring window.
    var window: Duration
    private var windowStart: (instant: ContinuousClock.Instant, arrivals: Int)?
    private(set) var isBurst = false

    init(threshold: Double, window: Duration) {
        self.threshold = threshold
        self.window = window
    }

    /// Feeds the running count of arrivals; returns whether the last full window was a burst.
    mutating func update(arrivals: Int, at now: ContinuousClock.Instant) -> Bool {
        guard let start = windowStart else {
            windowStart = (now, arrivals)
            return isBurst
        }
        let elapsed = now - start.instant
        guard elapsed >= window else { return isBurst }
        isBurst = Double(arrivals - start.arrivals) / elapsed.inSeconds >= threshold
        windowStart = (now, arrivals)
        return isBurst
    }
}
