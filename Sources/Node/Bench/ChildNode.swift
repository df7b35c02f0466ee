import ArgumentParser
import Broker
import Foundation
import NATSTransporter
import ZeroMQTransporter

/// A `quark` child process (`quark node`, or `quark up` for a whole cluster), started and
/// waited for until it prints its ready line. Its output is read to the end, so a chatty
/// child never blocks on a full pipe.
struct ChildNode {
    let process: Process
    /// The endpoint the ready line names (a `quark node`), or the seed given to ``launch``.
    let endpoint: String

    /// A `quark node` running `services`. Without `--id` the child ignores any ./nodes.yml and
    /// picks its own nodeID. With `nats` (a server URL) it runs on NATS instead of the mesh.
    static func start(services: [String], transporter nats: String? = nil, timeout: Duration = .seconds(20)) async throws -> ChildNode {
        let arguments = ["node", "--services", services.joined(separator: ","), "--bind", "tcp://127.0.0.1:0", "--log-level", "error"]
            + (nats.map { ["--transporter", $0] } ?? [])
        let line = try await launch(arguments, what: "the child node (\(services.joined(separator: ",")))", timeout: timeout) {
            $0.hasPrefix("ready ")
        }
        return ChildNode(process: line.process, endpoint: line.text.split(separator: " ").last.map(String.init) ?? "")
    }

    /// `quark <arguments>`, once it printed a line that `isReady`.
    static func launch(
        _ arguments: [String], what: String, timeout: Duration, isReady: @escaping @Sendable (String) -> Bool
    ) async throws -> (process: Process, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        Thread.detachNewThread {
            var buffer = ""
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer += String(decoding: chunk, as: UTF8.self)
                while let newline = buffer.firstIndex(of: "\n") {
                    continuation.yield(String(buffer[..<newline]))
                    buffer.removeSubrange(...newline)
                }
            }
            continuation.finish()
        }
        let waiter = Task { () -> String? in
            for await line in lines where isReady(line) { return line }
            return nil
        }
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            waiter.cancel()
        }
        let line = await waiter.value
        watchdog.cancel()
        guard let line else {
            process.terminate()
            throw ValidationError("\(what) did not become ready within \(timeout)")
        }
        return (process, line)
    }

    /// A started broker in this process that joins the child's mesh (through it as the seed),
    /// or its NATS server, and has seen `services`.
    func client(nodeID: String, waitingFor services: [String], nats: String? = nil) async throws -> ServiceBroker {
        let transporter: any Transporter
        if let nats {
            var options = try NATSOptions(urls: [nats])
            options.logger.logLevel = .error
            transporter = NATSTransporter(options: options)
        } else {
            var mesh = ZeroMQOptions(bind: "tcp://127.0.0.1:0", seeds: [endpoint])
            mesh.logger.logLevel = .error
            transporter = ZeroMQTransporter(options: mesh)
        }
        var configuration = BrokerConfiguration(nodeID: nodeID, transporter: transporter)
        configuration.lifecycle.discoveryWait = .milliseconds(100)
        configuration.logger.logLevel = .error
        let broker = ServiceBroker(configuration)
        try await broker.start()
        try await broker.waitForServices(services, timeout: .seconds(20))
        return broker
    }

    /// SIGTERM, then wait for the exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
