import Broker
import BrokerTesting
import Testing

@Suite("Event order", .timeLimit(.minutes(1)))
struct EventOrderTests {
    /// Records `n` of every `order.*` event, suspending on some of them first.
    static func sink(_ seen: Recorder<Int>) -> ServiceSchema {
        ServiceSchema(name: "sink", events: [
            EventSchema("order.*") { ctx in
                let n = ctx.params["n"]?.intValue ?? -1
                if n % 3 == 0 { await Task.yield() }
                seen.record(n)
            },
        ])
    }

    @Test("a burst from one sender is handled in the order it was sent, across event names")
    func burstKeepsOrder() async throws {
        let seen = Recorder<Int>()
        let cluster = try await TestCluster(["a": [], "b": [Self.sink(seen)]])
        try await cluster.start()
        let count = 500
        for n in 0..<count {
            await cluster["a"].emit(n.isMultiple(of: 2) ? "order.created" : "order.paid", ["n": .int(n)])
        }
        #expect(await seen.next(count) == Array(0..<count))
        await cluster.stop()
    }

    @Test("a slow handler holds up only the events of its own sender")
    func sendersAreIndependent() async throws {
        let started = Recorder<String>()
        let release = Recorder<String>()
        let done = Recorder<String>()
        let sink = ServiceSchema(name: "sink", events: [
            EventSchema("job.*") { ctx in
                started.record(ctx.nodeID)
                if ctx.eventName == "job.slow" { _ = await release.next() }
                done.record("\(ctx.nodeID):\(ctx.eventName ?? "?")")
            },
        ])
        let cluster = try await TestCluster(["a": [], "c": [], "b": [sink]])
        try await cluster.start()
        await cluster["a"].emit("job.slow")
        await cluster["a"].emit("job.quick")
        #expect(await started.next() == ["a"])
        await cluster["c"].emit("job.quick")
        #expect(await done.next() == ["c:job.quick"])
        release.record("go")
        #expect(await done.next(2) == ["a:job.slow", "a:job.quick"])
        await cluster.stop()
    }
}
