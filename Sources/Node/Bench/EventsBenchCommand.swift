import ArgumentParser
import Broker

/// `quark bench events`: balanced events emitted to a second node process over the ZeroMQ
/// mesh; the rate is events delivered per second (emit to last arrival), with the count lost.
struct EventsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Balanced events to a second quark node process over the ZeroMQ mesh, and how many were lost.",
        discussion: "Example: quark bench events --calls 200000 --json"
    )

    @OptionGroup var options: BenchOptions

    func run() async throws {
        let sink = try await ChildNode.start(services: ["benchsink"])
        defer { sink.stop() }
        let emitter = try await sink.client(nodeID: "bench-emitter", waitingFor: ["benchsink"])
        let total = options.calls ?? 100_000
        let start = ContinuousClock.now
        var histogram = LatencyHistogram()
        for index in 0..<total {
            let before = Nanoseconds.now
            await emitter.emit("bench.tick", ["n": .int(index)])
            histogram.record(nanoseconds: Nanoseconds.now - before)
        }
        var delivered = 0
        let deadline = ContinuousClock.now + .seconds(max(10, options.seconds))
        while ContinuousClock.now < deadline {
            // A congested link refuses the call for a moment (QueueIsFull): ask again.
            delivered = (try? await emitter.call("benchsink.count"))?.intValue ?? delivered
            if delivered >= total { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let elapsed = ContinuousClock.now - start
        await emitter.stop()
        var report = BenchReport(
            scenario: "events", inflight: 1,
            result: BenchLoop.Result(calls: delivered, elapsed: elapsed, histogram: histogram))
        report.extra = ["events_sent": .int(total), "events_lost": .int(total - delivered)]
        report.print(json: options.json)
    }
}
