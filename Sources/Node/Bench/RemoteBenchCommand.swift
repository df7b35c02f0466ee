import ArgumentParser
import Broker
import Foundation

/// `quark bench remote`: `math.add` called on a second node PROCESS, through the full broker
/// path on both sides. Over the ZeroMQ mesh the baseline is the raw libzmq round trip
/// (`raw-zmq`); over NATS it is two MoleculerPy nodes making the same calls on the same
/// nats-server. Both are measured in the same run, at the same number in flight.
struct RemoteBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "math.add on a second quark node process over the ZeroMQ mesh or NATS.",
        discussion: """
            Examples:
              quark bench remote --inflight 100 --seconds 5 --json
              quark bench remote --transporter nats://127.0.0.1:4222 --inflight 100 --rounds 3 --json
            The NATS baseline needs MoleculerPy: scripts/moleculerpy-venv.sh .build/moleculerpy-venv
            (make bench-nats does it all, with its own nats-server).
            """
    )

    @OptionGroup var options: BenchOptions

    @Option(help: "zmq, or a NATS server URL (nats://127.0.0.1:4222) to run both nodes on.")
    var transporter = "zmq"

    @Option(help: "The Python with MoleculerPy 0.14.22, for the NATS baseline.")
    var python = ".build/moleculerpy-venv/bin/python"

    @Option(help: "Measure the baseline and Quark this many times, alternating; the report is the round with the median ratio.")
    var rounds = 1

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() async throws {
        let nats = transporter == "zmq" ? nil : transporter
        let callee = try await ChildNode.start(services: ["math"], transporter: nats)
        defer { callee.stop() }
        let caller = try await callee.client(nodeID: "bench-caller-\(getpid())", waitingFor: ["math"], nats: nats)
        let params: JSON = ["a": 1, "b": 2]
        var measured: [Round] = []
        for _ in 0..<rounds {
            let baseline = try await measureBaseline(nats: nats)
            let result = try await BenchLoop.run(inflight: options.inflight, seconds: options.seconds, calls: options.calls) {
                _ = try await caller.call("math.add", params)
            }
            measured.append(Round(result: result, baseline: baseline))
        }
        await caller.stop()
        let median = measured.sorted { $0.ratio < $1.ratio }[measured.count / 2]
        var report = BenchReport(scenario: "remote", inflight: options.inflight, result: median.result)
        report.baseline = median.baseline
        if rounds > 1 { report.extra["rounds"] = .array(measured.map(\.json)) }
        report.print(json: options.json)
    }

    /// Over the mesh, the raw libzmq round trip; over NATS, two MoleculerPy nodes.
    private func measureBaseline(nats: String?) async throws -> (name: String, callsPerSecond: Double) {
        guard let nats else { return ("raw_zmq", try RawZeroMQBenchCommand.measure(options).callsPerSecond) }
        return ("moleculerpy_nats", try await MoleculerPyBaseline(python: python).measure(nats: nats, options: options))
    }

    /// One baseline measurement and the Quark measurement right after it.
    private struct Round {
        let result: BenchLoop.Result
        let baseline: (name: String, callsPerSecond: Double)

        var ratio: Double { baseline.callsPerSecond > 0 ? result.callsPerSecond / baseline.callsPerSecond : 0 }

        var json: JSON {
            [
                "calls_per_sec": .int(Int(result.callsPerSecond.rounded())),
                "baseline_calls_per_sec": .int(Int(baseline.callsPerSecond.rounded())),
                "ratio_to_baseline": .double((ratio * 10_000).rounded() / 10_000),
            ]
        }
    }
}
