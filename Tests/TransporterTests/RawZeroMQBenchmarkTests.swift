import Testing
import ZeroMQTransporter

@Suite("Raw ZeroMQ benchmark", .timeLimit(.minutes(1)))
struct RawZeroMQBenchmarkTests {
    @Test(
        "every message comes back, checked, with its latency",
        arguments: [(inflight: 1, messages: 300, payloadSize: 200), (10, 2000, 200), (8, 3, 16), (10, 200, 65_536)])
    func everyMessageComesBack(inflight: Int, messages: Int, payloadSize: Int) throws {
        let result = try RawZeroMQBenchmark.run(inflight: inflight, messages: messages, payloadSize: payloadSize)
        #expect(result.roundTrips == messages)
        #expect(result.latenciesNanoseconds.count == messages)
        #expect(result.latenciesNanoseconds == result.latenciesNanoseconds.sorted())
        #expect(result.latency(at: 0) > .zero)
        #expect(result.latency(at: 0.5) <= result.latency(at: 0.99))
        #expect(result.latency(at: 1) <= result.elapsed)
        #expect(result.roundTripsPerSecond > 0)
    }

    @Test("a duration ends the run once it has passed and every reply is in")
    func duration() throws {
        let result = try RawZeroMQBenchmark.run(inflight: 4, duration: .milliseconds(200))
        #expect(result.roundTrips > 4)
        #expect(result.latenciesNanoseconds.count == result.roundTrips)
        #expect(result.elapsed >= .milliseconds(199))
        #expect(result.elapsed < .seconds(5))
    }
}
