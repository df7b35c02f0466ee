import Synchronization

/// Wake-ups inside the broker: "the registry changed" for `waitForServices`, and "a deadline
/// was added" for the deadline sweeper.
final class BrokerSignals: Sendable {
    private struct State {
        var deadlineWaiter: CheckedContinuation<Void, Never>?
        /// A deadline was added while nobody waited: the next wait returns at once.
        var deadlineSignalled = false
    }

    private let state = Mutex(State())
    private let changes = Atomic<Int>(0)
    private let changeWaiters = WakeUpList()

    var version: Int { changes.load(ordering: .acquiring) }

    func notify() {
        changes.add(1, ordering: .acquiringAndReleasing)
        changeWaiters.wakeAll()
    }

    /// Returns when the version moves past `version`, at `deadline`, or on cancellation.
    func waitForChange(after version: Int, until deadline: Duration?, clock: any BrokerClock) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForChange(after: version) }
            if let deadline { group.addTask { try? await clock.sleep(until: deadline) } }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns when the version moves past `version`, or on cancellation.
    func waitForChange(after version: Int) async {
        await changeWaiters.wait { self.version != version }
    }

    func deadlineAdded() {
        state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.deadlineWaiter else {
                state.deadlineSignalled = true
                return nil
            }
            state.deadlineWaiter = nil
            return waiter
        }?.resume()
    }

    /// Suspends the sweeper until a deadline is added or the task is cancelled.
    func waitForDeadline() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state in
                    if Task.isCancelled || state.deadlineSignalled {
                        state.deadlineSignalled = false
                        return true
                    }
                    state.deadlineWaiter?.resume()
                    state.deadlineWaiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.deadlineWaiter = nil }
                return state.deadlineWaiter
            }?.resume()
        }
    }
}
