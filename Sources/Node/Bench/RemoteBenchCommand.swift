import ArgumentParser
import Broker
import Foundation
import ZeroMQTransporter

/// `quark bench remote`: `math.add` called on a second node PROCESS over the ZeroMQ mesh,
/// through the full broker path on both sides, next to the raw libzmq round trip (`raw-zmq`)
/// at the same number in flight, measured in the same run.
struct RemoteBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "math.add on a second quark node process over the ZeroMQ mesh.",
        discussion: "Example: quark bench remote --inflight 100 --seconds 5 --json"
    )

    @OptionGroup var options: BenchOptions

    func run() async throws {
        let baseline = try RawZeroMQBenchCommand.measure(options)
        let callee = try await ChildNode.start(services: ["math"])
        defer { callee.stop() }
        let caller = try await callee.client(nodeID: "bench-caller", waitingFor: "math")
        let params: JSON = ["a": 1, "b": 2]
        let result = try await BenchLoop.run(inflight: options.inflight, seconds: options.seconds, calls: options.calls) {
            _ = try await caller.call("math.add", params)
        }
        await caller.stop()
        var report = BenchReport(scenario: "remote", inflight: options.inflight, result: result)
        report.baseline = ("raw_zmq", baseline)
        report.print(json: options.json)
    }
}

/// A `quark node` child process, started and waited for until it prints its ready line.
struct ChildNode {
    let process: Process
    let endpoint: String

    /// Without `--id` the child ignores any ./nodes.yml and picks its own nodeID.
    static func start(services: [String], timeout: Duration = .seconds(20)) async throws -> ChildNode {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["node", "--services", services.joined(separator: ","), "--bind", "tcp://127.0.0.1:0", "--log-level", "error"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let reader = Task.detached { () -> String? in
            var buffer = ""
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return nil }
                buffer += String(decoding: chunk, as: UTF8.self)
                if let line = buffer.split(separator: "\n").first(where: { $0.hasPrefix("ready ") }) { return String(line) }
            }
        }
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            reader.cancel()
            process.terminate()
        }
        let line = await reader.value
        watchdog.cancel()
        guard let line, let endpoint = line.split(separator: " ").last.map(String.init) else {
            process.terminate()
            throw ValidationError("the child node (\(services.joined(separator: ","))) did not become ready within \(timeout)")
        }
        return ChildNode(process: process, endpoint: endpoint)
    }

    /// A started broker in this process that joins the child's mesh (through it as the seed)
    /// and has seen `service`.
    func client(nodeID: String, waitingFor service: String) async throws -> ServiceBroker {
        var mesh = ZeroMQOptions(bind: "tcp://127.0.0.1:0", seeds: [endpoint])
        mesh.logger.logLevel = .error
        var configuration = BrokerConfiguration(nodeID: nodeID, transporter: ZeroMQTransporter(options: mesh))
        configuration.lifecycle.discoveryWait = .milliseconds(100)
        configuration.logger.logLevel = .error
        let broker = ServiceBroker(configuration)
        try await broker.start()
        try await broker.waitForServices([service], timeout: .seconds(10))
        return broker
    }

    /// SIGTERM, then wait for the exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
