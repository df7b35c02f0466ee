import Foundation

/// `quark` run on a pseudo-terminal, as a user at a terminal would run it: standard input,
/// output and error are the terminal; the test types on it and reads the screen output back.
final class PtyProcess {
    private let process = Process()
    private let master: Int32
    /// Everything written to the terminal so far, escape sequences included.
    private(set) var screen = ""

    /// Starts `quark arguments...` with `environment` as its whole environment.
    init(_ arguments: [String], environment: [String: String]) throws {
        master = Pty.openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, Pty.grant(master) == 0, Pty.unlock(master) == 0, let name = Pty.slaveName(master) else {
            throw NodeProcessError(message: "no pseudo-terminal: errno \(errno)")
        }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        let slaveFD = open(name, O_RDWR | O_NOCTTY)
        guard slaveFD >= 0 else { throw NodeProcessError(message: "cannot open \(String(cString: name)): errno \(errno)") }
        let slave = FileHandle(fileDescriptor: slaveFD, closeOnDealloc: true)
        defer { try? slave.close() }
        process.executableURL = try QuarkProcess.binary
        process.arguments = arguments
        process.environment = environment
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        close(master)
    }

    /// Types `keys` on the terminal.
    func type(_ keys: String) {
        var bytes = Array(keys.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 { bytes = bytes.dropFirst(written) } else if errno != EAGAIN && errno != EINTR { return }
        }
    }

    /// Waits until `text` has appeared `count` times on the screen.
    func waitFor(_ text: String, count: Int = 1, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while screen.components(separatedBy: text).count - 1 < count {
            guard ContinuousClock.now < deadline else {
                throw NodeProcessError(message: "not on the terminal within \(timeout): \(text.debugDescription); screen:\n\(screen.debugDescription)")
            }
            if !readAvailable() { try await Task.sleep(for: .milliseconds(20)) }
        }
    }

    /// Waits for the exit (SIGKILL after `timeout`) and returns the status.
    func exitStatus(timeout: Duration = .seconds(20)) async -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            _ = readAvailable()
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Reads what the terminal has; `false` when it had nothing.
    private func readAvailable() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        screen += String(decoding: buffer[..<count], as: UTF8.self)
        return true
    }
}

/// glibc's pseudo-terminal functions, looked up at run time: the Glibc module leaves them out
/// (its headers declare them only with _XOPEN_SOURCE).
private enum Pty {
    static let openMaster = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grant = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlock = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let slaveName = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)

    private static func function<F>(_ name: String, as type: F.Type) -> F {
        unsafeBitCast(dlsym(nil, name), to: type)
    }
}
