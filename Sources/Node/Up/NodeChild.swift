import Foundation

/// One running `quark node` process of `quark up`. Its output lines and its exit are reported
/// as ``UpEvent``s; the process itself is only signalled.
struct NodeChild: Sendable {
    let id: String
    /// The process id, for logs and for `kill`.
    let pid: Int32

    /// Spawns `executable arguments...` with its standard output and error piped into `events`.
    static func spawn(
        id: String, executable: URL, arguments: [String], events: AsyncStream<UpEvent>.Continuation
    ) throws -> NodeChild {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        // The child stops by itself if this process dies, even by SIGKILL (see ParentWatch).
        process.environment = ProcessInfo.processInfo.environment.merging([ParentWatch.environmentKey: "\(getpid())"]) { _, new in new }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let started = ContinuousClock.now
        process.terminationHandler = { process in
            events.yield(.exited(
                id: id, status: process.terminationStatus,
                signalled: process.terminationReason == .uncaughtSignal, uptime: ContinuousClock.now - started))
        }
        try process.run()
        // The child holds its own copies; ours would keep the readers from seeing end of file.
        try? stdout.fileHandleForWriting.close()
        try? stderr.fileHandleForWriting.close()
        LineReader.attach(to: stdout.fileHandleForReading) { events.yield(.line(id: id, text: $0, isError: false)) }
        LineReader.attach(to: stderr.fileHandleForReading) { events.yield(.line(id: id, text: $0, isError: true)) }
        return NodeChild(id: id, pid: process.processIdentifier)
    }

    /// Sends `signal` to the process (it may have exited already; then nothing happens).
    func send(_ signal: Int32) {
        kill(pid, signal)
    }
}
