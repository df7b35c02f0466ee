import Broker
import BrokerTesting
import Testing

@Suite("Starting and stopping services safely", .timeLimit(.minutes(1)))
struct LifecycleSafetyTests {
    @Test("stop waits for a running event handler, then runs stopped")
    func stopWaitsForEventHandlers() async throws {
        let started = Recorder<String>()
        let release = Recorder<String>()
        let log = Recorder<String>()
        let sink = ServiceSchema(
            name: "sink",
            events: [
                EventSchema("file.uploaded") { _ in
                    started.record("handling")
                    _ = await release.next()
                    log.record("handled")
                },
            ],
            stopped: { _ in log.record("stopped") })
        let cluster = try await TestCluster(["a": [], "b": [sink]])
        try await cluster.start()
        await cluster["a"].emit("file.uploaded")
        _ = await started.next()
        let broker = cluster["b"]
        let stopping = Task { await broker.stop() }
        // Once the service has left the registry, stop is draining: give it every chance to
        // run `stopped` early, then let the handler finish.
        for await view in broker.registryChanges where !view.services.contains(where: { $0.name == "sink" }) { break }
        for _ in 0..<200 { await Task.yield() }
        release.record("go")
        await stopping.value
        #expect(log.records == ["handled", "stopped"])
        await cluster["a"].stop()
    }

    @Test("a failing started: start throws naming the service, which is never announced; started ones are stopped")
    func failingStarted() async throws {
        let log = Recorder<String>()
        let goodUp = Recorder<Bool>()
        let good = ServiceSchema(
            name: "good", actions: [ActionSchema("ping") { _ in "pong" }],
            started: { _ in
                log.record("good started")
                goodUp.record(true)
            },
            stopped: { _ in log.record("good stopped") })
        let bad = ServiceSchema(
            name: "bad", actions: [ActionSchema("ping") { _ in "pong" }],
            started: { _ in
                _ = await goodUp.next()  // services start concurrently: fail once the other is up
                throw BrokerError.server("database is corrupt")
            },
            stopped: { _ in log.record("bad stopped") })
        let cluster = try await TestCluster(["a": [], "b": [good, bad]])
        try await cluster["a"].start()
        let error = await #expect(throws: BrokerError.self) { try await cluster["b"].start() }
        #expect(error?.message == "The service 'bad' failed to start: database is corrupt")
        #expect(!cluster["a"].registryView().services.contains { $0.name == "bad" })
        #expect(cluster["a"].registryView().action("bad.ping") == nil)
        #expect(log.records == ["good started", "good stopped"])
        await cluster["a"].stop()
    }
}
