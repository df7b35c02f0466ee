import Broker
import Foundation
import ZeroMQTransporter

/// A node child process kept running while a test drives it: `quark node`, or any program
/// that prints a ready line (a MoleculerPy node). Its standard error goes to a temporary file,
/// so a chatty node never blocks on a full pipe.
final class NodeProcess: @unchecked Sendable {
    // @unchecked: `process` and the pipe are only touched by the test that owns this value.
    let id: String
    let port: Int
    private let process = Process()
    private let stdout = Pipe()
    private let stderrURL = FileManager.default.temporaryDirectory.appendingPathComponent("node-\(UUID().uuidString).err")

    var endpoint: String { "tcp://127.0.0.1:\(port)" }
    var pid: Int32 { process.processIdentifier }

    /// Starts `quark node --config <config> --id <id>` (inside network namespace `namespace`
    /// when given) and waits for its ready line.
    convenience init(config: String, id: String, port: Int, namespace: String? = nil, timeout: Duration = .seconds(30)) async throws {
        let command = ["node", "--config", config, "--id", id]
        if let namespace {
            try await self.init(
                id: id, port: port, executable: URL(fileURLWithPath: "/usr/sbin/ip"),
                arguments: ["netns", "exec", namespace, try QuarkProcess.binary.path] + command, ready: "ready \(id) ", timeout: timeout)
        } else {
            try await self.init(id: id, port: port, executable: try QuarkProcess.binary, arguments: command, ready: "ready \(id) ", timeout: timeout)
        }
    }

    /// Starts `executable` and waits until its first line of output starts with `ready`.
    init(id: String, port: Int = 0, executable: URL, arguments: [String], ready: String, timeout: Duration = .seconds(30)) async throws {
        self.id = id
        self.port = port
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = stdout
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        let reader = stdout.fileHandleForReading
        let isReady = Task.detached { () -> Bool in
            var text = ""
            while !text.contains("\n") {
                let chunk = reader.availableData
                if chunk.isEmpty { return false }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text.hasPrefix(ready)
        }
        let watchdog = Task { [process] in
            try await Task.sleep(for: timeout)
            if process.isRunning { process.terminate() }
        }
        let readyInTime = await isReady.value
        watchdog.cancel()
        guard readyInTime else { throw NodeProcessError(message: "node \(id) did not become ready: \(stderrText)") }
    }

    deinit { try? FileManager.default.removeItem(at: stderrURL) }

    /// Sends `signal` (SIGTERM: graceful stop; SIGKILL: a crash) and waits for the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What the node has written to standard error so far.
    var stderrText: String {
        (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
    }
}

struct NodeProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The test process as a node of the mesh (no services): heartbeats every 500 ms, offline after
/// 2 s, retries on; started and waiting until `nodeIDs` are online.
func meshCaller(bind: String, seed: String, waitingFor nodeIDs: [String]) async throws -> ServiceBroker {
    var mesh = ZeroMQOptions(bind: bind, seeds: [seed])
    mesh.logger.logLevel = .error
    var configuration = BrokerConfiguration(nodeID: "tester", transporter: ZeroMQTransporter(options: mesh))
    configuration.heartbeat.interval = .milliseconds(500)
    configuration.heartbeat.timeout = .seconds(2)
    configuration.retryPolicy = RetryPolicy(enabled: true, retries: 5, delay: .milliseconds(100))
    configuration.lifecycle.discoveryWait = .milliseconds(200)
    configuration.logger.logLevel = .error
    let caller = ServiceBroker(configuration)
    try await caller.start()
    try await caller.waitForNodes(nodeIDs, timeout: .seconds(20))
    return caller
}
