/// A doorbell for one background loop: `ring()` from anywhere, `wait(timeout:)` in the loop.
/// Rings coalesce, so a burst of work wakes the loop once; a ring while the loop is busy is kept.
actor Wakeup {
    private var rung = false
    private var waiter: CheckedContinuation<Void, Never>?

    init() {}

    /// Wakes the waiting loop, or the next wait.
    func ring() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
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
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.release()
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter = continuation
            }
        } onCancel: {
            Task { [weak self] in await self?.release() }
        }
        timer.cancel()
    }

    private func release() {
        waiter?.resume()
        waiter = nil
    }
}
