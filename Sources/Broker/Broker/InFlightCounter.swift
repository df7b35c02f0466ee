import Synchronization

/// Counts the work a stopping broker waits for: requests from peers, event lanes and event
/// handlers. Beginning and ending are one atomic operation each; only reaching zero takes the
/// lock, to wake whoever waits.
final class InFlightCounter: Sendable {
    private struct Waiters {
        var next = 0
        var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let count = Atomic<Int>(0)
    private let waiters = Mutex(Waiters())

    var value: Int { count.load(ordering: .acquiring) }

    func begin() {
        count.add(1, ordering: .acquiringAndReleasing)
    }

    func end() {
        guard count.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 else { return }
        let woken = waiters.withLock { waiters in
            defer { waiters.waiting = [:] }
            return Array(waiters.waiting.values)
        }
        for waiter in woken { waiter.resume() }
    }

    /// Returns once nothing is in flight, or after `timeout` on `clock`; true when drained.
    func drained(timeout: Duration, clock: any BrokerClock) async -> Bool {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForZero() }
            group.addTask { try? await clock.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        return value == 0
    }

    /// Returns when the count is zero or the task is cancelled.
    private func waitForZero() async {
        let id = waiters.withLock { waiters in
            waiters.next += 1
            return waiters.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Checked under the lock `end` takes after reaching zero, so no wake-up is missed.
                let done = waiters.withLock { waiters in
                    if count.load(ordering: .acquiring) == 0 || Task.isCancelled { return true }
                    waiters.waiting[id] = continuation
                    return false
                }
                if done { continuation.resume() }
            }
        } onCancel: {
            waiters.withLock { $0.waiting.removeValue(forKey: id) }?.resume()
        }
    }
}
