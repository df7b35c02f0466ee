import Foundation

extension QuarkProcess {
    /// Runs `quark arguments...` to completion with `input` as its standard input (a pipe, so
    /// not a terminal), killing it after `timeout`.
    static func run(_ arguments: [String], input: String, timeout: Duration = .seconds(60)) async throws -> Outcome {
        let stdin = Pipe()
        let (process, out, err, watchdog) = try launch(arguments, timeout: timeout, standardInput: stdin)
        try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errorReader = Task.detached { err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = await errorReader.value
        process.waitUntilExit()
        watchdog.cancel()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
