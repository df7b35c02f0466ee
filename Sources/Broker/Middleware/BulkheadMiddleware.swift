import Synchronization

/// Bulkhead options: at most `concurrency` calls of a local action run at once; up to
/// `maxQueueSize` more wait; beyond that calls fail with QueueIsFullError (429).
public struct BulkheadOptions: Sendable, Hashable {
    public var enabled: Bool
    public var concurrency: Int
    public var maxQueueSize: Int

    public init(enabled: Bool = false, concurrency: Int = 10, maxQueueSize: Int = 100) {
        self.enabled = enabled
        self.concurrency = concurrency
        self.maxQueueSize = maxQueueSize
    }
}

/// Applies the bulkhead of each local action (its own options, else the broker's).
struct BulkheadMiddleware: BrokerMiddleware {
    let defaults: BulkheadOptions

    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        let options = action.bulkhead ?? defaults
        guard options.enabled else { return next }
        let gate = BulkheadGate(options: options)
        return { ctx in
            try await gate.enter(action: action.name, nodeID: ctx.broker.nodeID)
            defer { gate.leave() }
            return try await next(ctx)
        }
    }
}

/// The counting gate of one action's bulkhead.
final class BulkheadGate: Sendable {
    private struct State {
        var running = 0
        var queue: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
        var nextID = 0
    }

    private let options: BulkheadOptions
    private let state = Mutex(State())

    init(options: BulkheadOptions) {
        self.options = options
    }

    /// Returns when the call may run; throws QueueIsFullError when the queue is full.
    func enter(action: String, nodeID: String) async throws {
        enum Admission { case run, wait(Int), reject(Int) }
        let admission: Admission = state.withLock { state in
            if state.running < options.concurrency {
                state.running += 1
                return .run
            }
            guard state.queue.count < options.maxQueueSize else { return .reject(state.queue.count) }
            state.nextID += 1
            return .wait(state.nextID)
        }
        switch admission {
        case .run: return
        case .reject(let size):
            throw BrokerError.queueIsFull(action: action, nodeID: nodeID, size: size, limit: options.maxQueueSize)
        case .wait(let id):
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    state.withLock { $0.queue.append((id, continuation)) }
                }
            } onCancel: {
                let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                    guard let index = state.queue.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.queue.remove(at: index).continuation
                }
                waiter?.resume(throwing: CancellationError())
            }
        }
    }

    /// Ends a call: hands its slot to the first waiter, if any.
    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard !state.queue.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.queue.removeFirst().continuation
        }
        next?.resume()
    }

    /// Calls running and waiting, for metrics and tests.
    var load: (running: Int, queued: Int) { state.withLock { ($0.running, $0.queue.count) } }
}
