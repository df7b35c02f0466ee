import Broker
import Synchronization

/// Records what a test service receives, and lets the test await the next records instead of
/// sleeping. Records are handed out in arrival order, each once.
public final class Recorder<Element: Sendable>: Sendable {
    private struct Waiter {
        let count: Int
        let continuation: CheckedContinuation<[Element], Never>
    }

    private struct State {
        var all: [Element] = []
        var consumed = 0
        var waiters: [Waiter] = []

        /// Hands out records to the first waiter when enough have arrived.
        mutating func serve() -> (CheckedContinuation<[Element], Never>, [Element])? {
            guard let waiter = waiters.first, all.count - consumed >= waiter.count else { return nil }
            waiters.removeFirst()
            let batch = Array(all[consumed..<(consumed + waiter.count)])
            consumed += waiter.count
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

    /// Waits for the next `count` records.
    public func next(_ count: Int = 1) async -> [Element] {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                state.waiters.append(Waiter(count: count, continuation: continuation))
                return state.serve()
            }
            if let (continuation, batch) = ready { continuation.resume(returning: batch) }
        }
    }
}
