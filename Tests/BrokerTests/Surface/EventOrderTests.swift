import Broker
import BrokerTesting
import Testing

@Suite("Event order", .timeLimit(.minutes(1)))
struct EventOrderTests {
    @Test("a burst from one sender is handled in the order it was sent, across event names")
    func burstKeepsOrder() async throws {
        let seen = Recorder<Int>()
        let cluster = try await TestCluster(["a": [], "b": [SequenceSink.schema(seen)]])
        try await cluster.start()
        await SequenceSink.emitBurst(from: cluster["a"], count: 500)
        #expect(await seen.next(500) == Array(0..<500))
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
