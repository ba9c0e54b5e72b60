/// A doorbell for one background loop: `ring()` from anywhere, `wait(timeout:)` in the loop.
/// Rings coalesce, so a burst of work wakes the loop once; a ring while the loop is busy is kept.
///
/// The loops wait hundreds of times a second while replies go out, nearly always woken by a ring
/// long before their timeout. So a wait does not start a timer of its own (each one a task and a
/// dispatch timer living until its deadline, even when cancelled): one timer is kept armed, and
/// a wait whose deadline is later than the armed one's reuses it, re-arming when it fires early.
actor Wakeup {
    private let clock = ContinuousClock()
    private var rung = false
    private var waiter: CheckedContinuation<Void, Never>?
    /// When the waiting loop must be released without a ring.
    private var waiterDeadline: ContinuousClock.Instant?
    /// The earliest deadline a timer is armed for, if any.
    private var armedDeadline: ContinuousClock.Instant?

    init() {}

    /// Wakes the waiting loop, or the next wait.
    func ring() {
        if waiter != nil {
            release()
        } else {
            rung = true
        }
    }

    /// Waits until rung, `timeout` passed, or the task is cancelled.
    func wait(timeout: Duration) async {
        if rung {
            rung = false
            return
        }
        if Task.isCancelled { return }
        let deadline = clock.now + timeout
        waiterDeadline = deadline
        arm(deadline)
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter = continuation
            }
        } onCancel: {
            Task { [weak self] in await self?.release() }
        }
    }

    /// Makes sure a timer fires no later than `deadline`.
    private func arm(_ deadline: ContinuousClock.Instant) {
        if let armedDeadline, armedDeadline <= deadline { return }
        armedDeadline = deadline
        Task { [weak self, clock] in
            try? await Task.sleep(until: deadline, clock: clock)
            await self?.timerFired(deadline)
        }
    }

    private func timerFired(_ deadline: ContinuousClock.Instant) {
        if armedDeadline == deadline { armedDeadline = nil }
        guard let waiterDeadline else { return }
        if waiterDeadline <= clock.now {
            release()
        } else {
            arm(waiterDeadline)
        }
    }

    private func release() {
        waiterDeadline = nil
        waiter?.resume()
        waiter = nil
    }
}
