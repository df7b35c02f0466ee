import Broker
import Synchronization

/// A clock that moves only when told to. Sleepers wake in deadline order as `advance` passes
/// their deadlines, so heartbeats, timeouts and backoffs run without real waiting.
public final class ManualClock: BrokerClock {
    private struct Sleeper {
        let id: Int
        let deadline: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Duration = .zero
        var sleepers: [Sleeper] = []
        var nextID = 0
    }

    private let state = Mutex(State())

    public init() {}

    public var now: Duration { state.withLock { $0.now } }

    public func sleep(until deadline: Duration) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let due = state.withLock { state in
                    if deadline <= state.now { return true }
                    if Task.isCancelled { return true }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return false
                }
                if due { continuation.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
        try Task.checkCancellation()
    }

    /// Moves time forward by `duration`, waking sleepers one deadline at a time and letting the
    /// woken tasks run before moving on.
    public func advance(by duration: Duration) async {
        let target = now + duration
        while true {
            let woken = state.withLock { state -> [Sleeper] in
                guard let next = state.sleepers.map(\.deadline).min(), next <= target else { return [] }
                state.now = max(state.now, next)
                let due = state.sleepers.filter { $0.deadline <= next }
                state.sleepers.removeAll { $0.deadline <= next }
                return due
            }
            if woken.isEmpty { break }
            for sleeper in woken { sleeper.continuation.resume() }
            await settle()
        }
        state.withLock { $0.now = max($0.now, target) }
        await settle()
    }

    /// Moves time forward in steps of `step`, so periodic work (heartbeats) interleaves the way
    /// it would in real time.
    public func advance(by duration: Duration, step: Duration) async {
        var left = duration
        while left > .zero {
            let move = min(step, left)
            await advance(by: move)
            left -= move
        }
    }

    /// How many tasks are sleeping on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Lets tasks that were just resumed run (the executor is shared, so this yields often).
    /// Moves time forward `step` at a time, at most `limit` in all, until `condition` holds;
    /// after each step it also waits a moment in real time, so that work woken on other threads
    /// (a sleeper that re-registers, a database write) catches up even on a loaded machine.
    /// Returns whether `condition` came to hold.
    public func advance(step: Duration, limit: Duration, until condition: () async -> Bool) async -> Bool {
        var moved = Duration.zero
        while !(await condition()) {
            guard moved < limit else { return false }
            await advance(by: step)
            moved += step
            try? await Task.sleep(for: .milliseconds(2))
        }
        return true
    }

    public func settle() async {
        for _ in 0..<50 { await Task.yield() }
    }
}
