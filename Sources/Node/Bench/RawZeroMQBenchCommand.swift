import ArgumentParser
import ZeroMQTransporter

/// `quark bench raw-zmq`: the physical baseline of the ZeroMQ scenarios. DEALER/ROUTER round
/// trips of 200-byte messages over tcp loopback with plain libzmq, no broker and no async/await
/// (see `RawZeroMQBenchmark`). Synchronous: the measurement blocks this thread, not a task's.
struct RawZeroMQBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raw-zmq",
        abstract: "Plain libzmq DEALER/ROUTER round trips of 200-byte messages, no broker (the physical baseline).",
        discussion: """
            One DEALER keeps --inflight messages out to an echo ROUTER on 127.0.0.1; with --calls it makes \
            --calls × --inflight round trips. Example: quark bench raw-zmq --inflight 100 --json
            """
    )

    @OptionGroup var options: BenchOptions

    func validate() throws {
        guard options.inflight >= 1 else { throw ValidationError("--inflight must be at least 1.") }
        guard options.seconds > 0 else { throw ValidationError("--seconds must be positive.") }
        if let calls = options.calls, calls < 1 { throw ValidationError("--calls must be at least 1.") }
    }

    func run() throws {
        BenchReport(scenario: "raw-zmq", inflight: options.inflight, result: try Self.measure(options)).print(json: options.json)
    }

    /// Runs the raw benchmark with the scenario options; `bench remote` uses it as its baseline.
    static func measure(_ options: BenchOptions) throws -> BenchLoop.Result {
        let raw = try RawZeroMQBenchmark.run(
            inflight: options.inflight,
            duration: options.calls == nil ? .milliseconds(Int64(options.seconds * 1000)) : nil,
            messages: options.calls.map { $0 * options.inflight })
        // The same histogram as the other scenarios, so that their percentiles compare.
        var histogram = LatencyHistogram()
        for latency in raw.latenciesNanoseconds { histogram.record(nanoseconds: latency) }
        return BenchLoop.Result(calls: raw.roundTrips, elapsed: raw.elapsed, histogram: histogram)
    }
}
