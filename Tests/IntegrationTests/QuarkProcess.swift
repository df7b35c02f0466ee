import Foundation

/// Runs the built `quark` executable as a real child process (tier-3 tests).
struct QuarkProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `quark` binary next to the test bundle (`swift build --build-tests` builds both),
    /// or `$QUARK_BINARY`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["QUARK_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("quark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/quark")
    }

    /// Runs `quark arguments...` to completion, with `environment` added to this process's,
    /// killing it after `timeout`.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60)
    ) async throws -> Outcome {
        let (process, out, err, watchdog) = try launch(arguments, timeout: timeout, environment: environment)
        return finish(process, out: out, err: err, watchdog: watchdog)
    }

    /// Reads what is left of the output, waits for the exit and stops the watchdog.
    static func finish(
        _ process: Process, out: Pipe, err: Pipe, watchdog: Task<Void, any Error>, stdoutSoFar: Data = Data()
    ) -> Outcome {
        let stdout = stdoutSoFar + out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

extension QuarkProcess {
    /// Starts `quark arguments...`, waits for its "ready" line, sends SIGTERM and waits for the
    /// exit (a process that never becomes ready is killed after `timeout`).
    static func runUntilReady(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> Outcome {
        let (process, out, err, watchdog) = try launch(arguments, timeout: timeout)
        var stdout = Data()
        while !String(decoding: stdout, as: UTF8.self).contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stdout.append(chunk)
        }
        if process.isRunning { process.terminate() }
        return finish(process, out: out, err: err, watchdog: watchdog, stdoutSoFar: stdout)
    }
}

extension QuarkProcess {
    /// Starts `quark arguments...` with piped output and a watchdog that terminates it after
    /// `timeout`; `environment` is added to this process's.
    static func launch(
        _ arguments: [String], timeout: Duration, standardInput: Pipe? = nil, environment: [String: String] = [:]
    ) throws -> (Process, Pipe, Pipe, Task<Void, any Error>) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        if let standardInput { process.standardInput = standardInput }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            if process.isRunning { process.terminate() }
        }
        return (process, out, err, watchdog)
    }
}
