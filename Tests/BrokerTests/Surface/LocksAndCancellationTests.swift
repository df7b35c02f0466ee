@testable import Broker
import BrokerTesting
import Metrics
import MetricsTestKit
import Synchronization
import Testing

@Suite("No user code under the registry lock; cancelled and timed calls", .timeLimit(.minutes(1)))
struct LocksAndCancellationTests {
    /// Set once the broker exists, for hooks that read its state.
    final class BrokerBox: Sendable {
        let broker = Mutex<ServiceBroker?>(nil)
        var names: [String] { broker.withLock { $0 }?.localServiceNames ?? [] }
    }

    /// Reads the broker's state each time it wraps a remote endpoint.
    struct PeekingMiddleware: BrokerMiddleware {
        let box: BrokerBox
        let seen: BrokerTesting.Recorder<String>

        func wrapRemoteAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
            seen.record("\(action.name) seen with \(box.registryActions) actions known")
            return next
        }
    }

    static func hanging(_ started: BrokerTesting.Recorder<String>) -> ServiceSchema {
        ServiceSchema(name: "work", actions: [
            ActionSchema("hang") { ctx in
                started.record("hang")
                try await ctx.broker.clock.sleep(for: .seconds(3600))
                return "late"
            },
        ])
    }

    @Test("a middleware reading the broker's registry from wrapRemoteAction does not deadlock")
    func middlewareReadsRegistry() async throws {
        let box = BrokerBox()
        let seen = BrokerTesting.Recorder<String>()
        let cluster = try await TestCluster(["a": [], "b": [MathServiceStub.schema]]) { configuration in
            if configuration.nodeID == "a" { configuration.middlewares = [PeekingMiddleware(box: box, seen: seen)] }
        }
        box.broker.withLock { $0 = cluster["a"] }
        try await cluster.start()
        #expect(seen.records.contains { $0.hasPrefix("stub.add seen with") })
        #expect(try await cluster["a"].call("stub.add", ["a": 1, "b": 2]) == 3)
        await cluster.stop()
    }

    @Test("a metrics factory reading the broker's state while an endpoint is wrapped does not deadlock")
    func metricsFactoryReadsBroker() async throws {
        let box = BrokerBox()
        let factory = PeekingMetrics(box: box)
        let cluster = try await TestCluster(["a": [], "b": [MathServiceStub.schema]]) { $0.metricsFactory = factory }
        box.broker.withLock { $0 = cluster["a"] }
        try await cluster.start()
        #expect(try await cluster["a"].call("stub.add", ["a": 2, "b": 2]) == 4)
        #expect(factory.peeks.load(ordering: .relaxed) > 0)
        await cluster.stop()
    }

    @Test("cancelling the caller of a remote call fails it at once and leaves nothing pending")
    func cancelledCaller() async throws {
        let started = BrokerTesting.Recorder<String>()
        let cluster = try await TestCluster(["a": [], "b": [Self.hanging(started)]])
        try await cluster.start()
        let broker = cluster["a"]
        let call = Task { try await broker.call("work.hang") }
        _ = await started.next()
        #expect(broker.pending.withLock { $0.entries.count } == 1)
        call.cancel()
        #expect(await call.result.failed)
        #expect(broker.pending.withLock { $0.isEmpty })
        await cluster.stop()
    }

    @Test("a call made by an already cancelled task leaves nothing pending")
    func alreadyCancelledCaller() async throws {
        let cluster = try await TestCluster(["a": [], "b": [Self.hanging(BrokerTesting.Recorder())]])
        try await cluster.start()
        let broker = cluster["a"]
        let call = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await broker.call("work.hang")
        }
        #expect(await call.result.failed)
        #expect(broker.pending.withLock { $0.isEmpty })
        await cluster.stop()
    }

    @Test("a local call with a timeout runs its handler in the caller's task, not a task of its own")
    func localTimeoutNeedsNoTask() async throws {
        let probe = ServiceSchema(name: "probe", actions: [
            ActionSchema("task", timeout: .seconds(5)) { _ in .int(withUnsafeCurrentTask { $0?.hashValue } ?? 0) },
        ])
        let cluster = try await TestCluster(["solo": [probe]])
        try await cluster.start()
        let mine = withUnsafeCurrentTask { $0?.hashValue } ?? -1
        #expect(try await cluster["solo"].call("probe.task") == .int(mine))
        await cluster.stop()
    }
}

extension LocksAndCancellationTests.BrokerBox {
    var registryActions: Int { broker.withLock { $0 }?.registryView().actions.count ?? 0 }
}

/// `stub.add`: a + b, for the tests above.
enum MathServiceStub {
    static let schema = ServiceSchema(name: "stub", actions: [
        ActionSchema("add") { ctx in .int((ctx.params["a"]?.intValue ?? 0) + (ctx.params["b"]?.intValue ?? 0)) },
    ])
}

/// Forwards to `TestMetrics`, reading the broker's services each time a counter is made.
final class PeekingMetrics: MetricsFactory, Sendable {
    let box: LocksAndCancellationTests.BrokerBox
    let base = TestMetrics()
    let peeks = Atomic<Int>(0)

    init(box: LocksAndCancellationTests.BrokerBox) {
        self.box = box
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        if !box.names.isEmpty { peeks.add(1, ordering: .relaxed) }
        return base.makeCounter(label: label, dimensions: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        base.makeRecorder(label: label, dimensions: dimensions, aggregate: aggregate)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        base.makeTimer(label: label, dimensions: dimensions)
    }

    func destroyCounter(_ handler: any CounterHandler) { base.destroyCounter(handler) }
    func destroyRecorder(_ handler: any RecorderHandler) { base.destroyRecorder(handler) }
    func destroyTimer(_ handler: any TimerHandler) { base.destroyTimer(handler) }
}

extension Result {
    var failed: Bool {
        if case .failure = self { return true }
        return false
    }
}
