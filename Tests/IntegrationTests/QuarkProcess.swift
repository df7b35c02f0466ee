import Foundation

/// Runs the built `quark` executable as a real child process (tier-3 tests).
struct QuarkProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `quark` binary the tests run: `$QUARK_BINARY` when set, else the one SwiftPM links
    /// next to the test bundle. This target depends on the `Node` target, so every build that
    /// builds these tests (`swift test`, `swift build --build-tests`, `swift build --target
    /// IntegrationTests`) also links `quark` from the same sources, in the same directory.
    static var binary: URL {
        get throws(QuarkBinaryMissing) {
            if let path = ProcessInfo.processInfo.environment["QUARK_BINARY"], !path.isEmpty {
                guard FileManager.default.isExecutableFile(atPath: path) else {
                    throw QuarkBinaryMissing(description: "QUARK_BINARY=\(path) is not an executable file")
                }
                return URL(fileURLWithPath: path)
            }
            let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            var directory = bundle
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent("quark")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory.deleteLastPathComponent()
            }
            throw QuarkBinaryMissing(description: """
                no quark binary next to the test bundle (\(bundle.path)): build it with `swift build --build-tests` \
                (or run `swift test` without --skip-build), or set QUARK_BINARY to one
                """)
        }
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
        process.executableURL = try binary
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

/// Why the tests have no `quark` to run.
struct QuarkBinaryMissing: Error, CustomStringConvertible {
    let description: String
}
