import Broker
import Foundation
import Logging
import NATSTransporter
import Synchronization

/// What the MoleculerPy interop tests need: Python 3.12 with MoleculerPy 0.14.22 in a venv
/// under the build folder (made by `scripts/moleculerpy-venv.sh` on first use), a nats-server,
/// and a MoleculerPy node process. Missing Python or packages fail the test with the script's
/// message; nothing is skipped.
enum MoleculerPyEnvironment {
    private static let python = Mutex<String?>(nil)

    /// The venv's python, created once per test run.
    static func pythonPath() throws -> String {
        try python.withLock { cached in
            if let cached { return cached }
            let root = NATSServerProcess.repositoryRoot
            let venv = root.appendingPathComponent(".build/moleculerpy-venv").path
            let script = root.appendingPathComponent("scripts/moleculerpy-venv.sh").path
            let (status, output) = try NATSServerProcess.runScript(script, arguments: [venv])
            guard status == 0, FileManager.default.isExecutableFile(atPath: output) else {
                throw TestSetupFailure("MoleculerPy 0.14.22 on Python 3.12 could not be set up by \(script) (exit \(status)); see its message above")
            }
            cached = output
            return output
        }
    }

    /// Starts `Tests/Interop/moleculerpy_node.py` as node `id` on `server` and waits for READY.
    static func startNode(_ id: String, server: NATSServerProcess) async throws -> NodeProcess {
        let script = NATSServerProcess.repositoryRoot.appendingPathComponent("Tests/Interop/moleculerpy_node.py").path
        return try await NodeProcess(
            id: id, executable: URL(fileURLWithPath: try pythonPath()),
            arguments: ["-u", script, "--nats", server.url, "--node-id", id, "--heartbeat-interval", "1", "--heartbeat-timeout", "3"],
            ready: "READY \(id)", timeout: .seconds(60))
    }

    /// A Quark broker in this process on `server`: heartbeats every second, offline after 3 s.
    static func quarkBroker(_ id: String, server: NATSServerProcess, services: [ServiceSchema]) async throws -> ServiceBroker {
        var options = try NATSOptions(urls: [server.url])
        options.logger.logLevel = .error
        var configuration = BrokerConfiguration(nodeID: id, transporter: NATSTransporter(options: options))
        configuration.heartbeat.interval = .seconds(1)
        configuration.heartbeat.timeout = .seconds(3)
        configuration.requestTimeout = .seconds(10)
        configuration.lifecycle.discoveryWait = .milliseconds(300)
        configuration.lifecycle.stopDelay = .zero
        configuration.logger = Logger(label: "test.interop") { _ in SwiftLogNoOpLogHandler() }
        let broker = ServiceBroker(configuration)
        for service in services { try await broker.createService(service) }
        try await broker.start()
        return broker
    }
}
