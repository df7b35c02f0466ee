import Synchronization

/// Wake-ups inside the broker: "the registry changed" for `waitForServices`, and "a deadline
/// was added" for the deadline sweeper.
final class BrokerSignals: Sendable {
    private struct State {
        var version = 0
        var nextWaiter = 0
        var changeWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var deadlineWaiter: CheckedContinuation<Void, Never>?
        /// A deadline was added while nobody waited: the next wait returns at once.
        var deadlineSignalled = false
    }

    private let state = Mutex(State())

    var version: Int { state.withLock { $0.version } }

    func notify() {
        let waiters = state.withLock { state in
            state.version += 1
            defer { state.changeWaiters = [:] }
            return Array(state.changeWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
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
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state in
                    if state.version != version || Task.isCancelled { return true }
                    state.changeWaiters[id] = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.changeWaiters.removeValue(forKey: id) }?.resume()
        }
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
