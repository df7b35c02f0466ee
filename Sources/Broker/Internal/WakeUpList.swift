import Synchronization

/// Tasks waiting for a condition that another thread makes true and then announces with
/// ``wakeAll()``. The condition is checked under the list's lock, which `wakeAll` takes too, so
/// a change made before `wakeAll` is never missed.
final class WakeUpList: Sendable {
    private struct State {
        var next = 0
        var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Returns at once when `isDone()` holds, else at the next `wakeAll()` or on cancellation.
    func wait(unless isDone: @Sendable () -> Bool) async {
        let id = state.withLock { state in
            state.next += 1
            return state.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let done = state.withLock { state in
                    if isDone() || Task.isCancelled { return true }
                    state.waiting[id] = continuation
                    return false
                }
                if done { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiting.removeValue(forKey: id) }?.resume()
        }
    }

    func wakeAll() {
        let woken = state.withLock { state in
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for waiter in woken { waiter.resume() }
    }
}
