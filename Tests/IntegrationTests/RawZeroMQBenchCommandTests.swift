import Broker
import Foundation
import Testing

@Suite("quark bench raw-zmq", .timeLimit(.minutes(2)))
struct RawZeroMQBenchCommandTests {
    @Test("quark bench raw-zmq --json measures plain libzmq round trips")
    func json() async throws {
        let outcome = try await QuarkProcess.run(["bench", "raw-zmq", "--calls", "2000", "--inflight", "10", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let report = try JSONParser.parse(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(report["scenario"] == "raw-zmq")
        #expect(report["inflight"] == 10)
        // --calls counts per in-flight slot, as in the other scenarios.
        #expect(report["calls"] == 20_000)
        #expect((report["calls_per_sec"]?.intValue ?? 0) > 0)
        let p50 = try #require(report["p50_us"]?.doubleValue)
        let p99 = try #require(report["p99_us"]?.doubleValue)
        #expect(p50 > 0)
        #expect(p50 <= p99)
    }

    @Test("--inflight 0 is a clear error with exit code 64")
    func noInflight() async throws {
        let outcome = try await QuarkProcess.run(["bench", "raw-zmq", "--inflight", "0"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--inflight must be at least 1"))
    }
}
