import Foundation
import Synchronization

/// A running `quark up` whose output lines a test waits for, each wait with a deadline.
final class UpProcess: Sendable {
    private let process: Process
    private let stdoutLines = Mutex<[String]>([])
    private let stderrText = Mutex("")
    private let pending = Mutex(Data())

    var pid: Int32 { process.processIdentifier }

    /// Starts `quark up arguments...`.
    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = try QuarkProcess.binary
        process.arguments = ["up"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        self.process = process
        out.fileHandleForReading.readabilityHandler = { [self] handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil }
            let lines = self.pending.withLock { buffer -> [String] in
                buffer.append(chunk)
                var lines: [String] = []
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                    buffer.removeSubrange(buffer.startIndex...newline)
                }
                return lines
            }
            self.stdoutLines.withLock { $0 += lines }
        }
        err.fileHandleForReading.readabilityHandler = { [self] handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil }
            self.stderrText.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
        }
        try process.run()
    }

    /// Every complete line written on standard output so far.
    var lines: [String] { stdoutLines.withLock { $0 } }
    /// Standard error so far.
    var stderr: String { stderrText.withLock { $0 } }

    /// Waits until `count` lines on standard output satisfy `matches`; returns them.
    @discardableResult
    func waitForLines(
        _ count: Int = 1, timeout: Duration = .seconds(60), where matches: (String) -> Bool
    ) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let found = lines.filter(matches)
            if found.count >= count { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
        let output = lines.joined(separator: "\n")
        throw NodeProcessError(message: "quark up: no such line within \(timeout); stdout:\n\(output)\nstderr:\n\(stderr)")
    }

    /// Sends `signal`; then waits for the exit (SIGKILL after `timeout`) and returns its status.
    func stop(signal: Int32 = SIGTERM, timeout: Duration = .seconds(30)) async -> Int32 {
        if process.isRunning { kill(pid, signal) }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The pids of the `[up] started <id> pid <pid>` lines so far, by node id (latest wins).
    var childPIDs: [String: Int32] {
        var pids: [String: Int32] = [:]
        for line in lines where line.hasPrefix("[up] started ") {
            let words = line.split(separator: " ")
            if words.count == 5, let pid = Int32(words[4]) { pids[String(words[2])] = pid }
        }
        return pids
    }
}

/// Whether a process with this pid exists (zombies included).
func processExists(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 || errno != ESRCH else { return false }
    // A zombie (exited, not yet reaped by whoever adopted it) is gone too.
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    return !(stat.split(separator: ")").last?.trimmingPrefix(" ").hasPrefix("Z") ?? false)
}
