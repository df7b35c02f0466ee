import Foundation

/// A real `nats-server` on a free loopback port, for tests. The binary is Debian's
/// `nats-server` (`make` installs it; `scripts/install-nats-server.sh` is run when it is
/// missing). Stop it with ``stop()``; ``restart()`` brings it back on the same port.
public final class NATSServerProcess: @unchecked Sendable {
    // @unchecked: `process` is replaced only by restart(), which tests call from one task.
    public let port: Int
    public let arguments: [String]
    private var process: Process

    /// The server's process id (tests stall it with SIGSTOP).
    public var pid: Int32 { process.processIdentifier }

    /// `nats://127.0.0.1:<port>`.
    public var url: String { "nats://127.0.0.1:\(port)" }

    /// Starts a server; `arguments` are extra flags (for example `["--user", "u", "--pass", "p"]`).
    public init(arguments: [String] = []) async throws {
        self.arguments = arguments
        // A port that was free a moment ago may be taken by now (tests run in parallel): retry.
        var attempt = 1
        while true {
            let port = freePort()
            do {
                process = try await Self.launch(port: port, arguments: arguments)
                self.port = port
                return
            } catch where attempt < 3 {
                attempt += 1
            }
        }
    }

    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Stops the server and starts a new one on the same port.
    public func restart() async throws {
        stop()
        process = try await Self.launch(port: port, arguments: arguments)
    }

    deinit { stop() }

    private static func launch(port: Int, arguments: [String]) async throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = ["-a", "127.0.0.1", "-p", "\(port)"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if portAcceptsConnections(port) { return process }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw TestSetupFailure("nats-server did not start listening on 127.0.0.1:\(port)")
    }

    /// The path of nats-server, installed by the repository's script when missing.
    public static func binary() throws -> String {
        let known = ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"]
        if let path = known.first(where: FileManager.default.isExecutableFile(atPath:)) { return path }
        let script = repositoryRoot.appendingPathComponent("scripts/install-nats-server.sh").path
        let (status, output) = try runScript(script, arguments: [])
        guard status == 0, FileManager.default.isExecutableFile(atPath: output) else {
            throw TestSetupFailure("nats-server is missing and \(script) could not install it (exit \(status))")
        }
        return output
    }

    /// The repository this file belongs to.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a script; returns its exit status and its standard output, trimmed.
    public static func runScript(_ path: String, arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process.terminationStatus, output)
    }
}

/// A test could not set up what it needs (a server, a package): it fails with this message.
public struct TestSetupFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
