import Broker
import BrokerTesting
import Services
import Testing

@Suite("The benchsink service")
struct BenchSinkServiceTests {
    @Test("counts the bench.* events it receives; reset sets the count back to zero")
    func countsEvents() async throws {
        // Emitted on the sink's own node: a local emit returns once the handler has run.
        let cluster = try await TestCluster(["node": [BenchSinkService.schema()]])
        try await cluster.start()
        let node = cluster["node"]
        #expect(try await node.call("benchsink.count") == 0)
        for index in 0..<3 { await node.emit("bench.event", ["i": .int(index)]) }
        await node.emit("other.event")
        #expect(try await node.call("benchsink.count") == 3)
        #expect(try await node.call("benchsink.reset") == true)
        #expect(try await node.call("benchsink.count") == 0)
        await cluster.stop()
    }
}
