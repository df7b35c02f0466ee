import Broker
import Synchronization

/// Records what a test service receives, and lets the test await the next records instead of
/// sleeping. Records are handed out in arrival order, each once. A wait ends early when its task
/// is cancelled (a test's time limit), with the records there are, so a test whose records never
/// come fails instead of hanging.
public final class Recorder<Element: Sendable>: Sendable {
    private struct Waiter {
        let id: Int
        let count: Int
        let continuation: CheckedContinuation<[Element], Never>
    }

    private struct State {
        var all: [Element] = []
        var consumed = 0
        var waiters: [Waiter] = []
        var nextID = 0

        /// Hands out records to the first waiter when enough have arrived.
        mutating func serve() -> (CheckedContinuation<[Element], Never>, [Element])? {
            guard let waiter = waiters.first, all.count - consumed >= waiter.count else { return nil }
            waiters.removeFirst()
            let batch = Array(all[consumed..<(consumed + waiter.count)])
            consumed += waiter.count
            return (waiter.continuation, batch)
        }

        /// Removes a cancelled waiter and hands it what has arrived.
        mutating func cancel(_ id: Int) -> (CheckedContinuation<[Element], Never>, [Element])? {
            guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
            let waiter = waiters.remove(at: index)
            let batch = Array(all[consumed...])
            consumed = all.count
            return (waiter.continuation, batch)
        }
    }

    private let state = Mutex(State())

    public init() {}

    public func record(_ element: Element) {
        let ready = state.withLock { state in
            state.all.append(element)
            return state.serve()
        }
        if let (continuation, batch) = ready { continuation.resume(returning: batch) }
    }

    /// Everything recorded so far.
    public var records: [Element] { state.withLock { $0.all } }

    /// Waits for the next `count` records; on cancellation, returns the fewer there are.
    public func next(_ count: Int = 1) async -> [Element] {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state in
                    state.waiters.append(Waiter(id: id, count: count, continuation: continuation))
                    return Task.isCancelled ? state.cancel(id) : state.serve()
                }
                if let (continuation, batch) = ready { continuation.resume(returning: batch) }
            }
        } onCancel: {
            if let (continuation, batch) = state.withLock({ $0.cancel(id) }) { continuation.resume(returning: batch) }
        }
    }
}
