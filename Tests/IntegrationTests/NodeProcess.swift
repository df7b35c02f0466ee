import Broker
import Foundation
import ZeroMQTransporter

/// A `quark node` child process kept running while a test drives it.
final class NodeProcess: @unchecked Sendable {
    // @unchecked: `process` and the pipes are only touched by the test that owns this value,
    // and `stderrText` is read after the process has exited.
    let id: String
    let port: Int
    private let process = Process()
    private let stdout = Pipe()
    private let stderr = Pipe()

    var endpoint: String { "tcp://127.0.0.1:\(port)" }
    var pid: Int32 { process.processIdentifier }

    /// Starts `quark node --config <config> --id <id>` (inside network namespace `namespace`
    /// when given) and waits for its ready line.
    init(config: String, id: String, port: Int, namespace: String? = nil, timeout: Duration = .seconds(30)) async throws {
        self.id = id
        self.port = port
        let command = ["node", "--config", config, "--id", id]
        if let namespace {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
            process.arguments = ["netns", "exec", namespace, QuarkProcess.binary.path] + command
        } else {
            process.executableURL = QuarkProcess.binary
            process.arguments = command
        }
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let reader = stdout.fileHandleForReading
        let ready = Task.detached { () -> Bool in
            var text = ""
            while !text.contains("\n") {
                let chunk = reader.availableData
                if chunk.isEmpty { return false }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text.hasPrefix("ready \(id) ")
        }
        let watchdog = Task { [process] in
            try await Task.sleep(for: timeout)
            if process.isRunning { process.terminate() }
        }
        let isReady = await ready.value
        watchdog.cancel()
        guard isReady else { throw NodeProcessError(message: "node \(id) did not become ready: \(stderrText)") }
    }

    /// Sends `signal` (SIGTERM: graceful stop; SIGKILL: a crash) and waits for the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What the node wrote to standard error (read once it has exited).
    var stderrText: String {
        String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
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
