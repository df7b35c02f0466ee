import Foundation

/// The REPL's lines from standard input. Each line is read on a queue of its own, so a blocking
/// read never holds a thread of the concurrency pool; with a prompt (a terminal) the prompt is
/// written first and the line is appended to the history file.
struct ReplInput: Sendable {
    let prompt: String?
    let historyPath: String?
    private let queue = DispatchQueue(label: "quark.repl.stdin")

    init(prompt: String?, historyPath: String?) {
        self.prompt = prompt
        self.historyPath = historyPath
    }

    /// The next line; `nil` at the end of input.
    func next() async -> String? {
        if let prompt { FileHandle.standardOutput.write(Data(prompt.utf8)) }
        let line = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: readLine()) }
        }
        if line == nil, prompt != nil { FileHandle.standardOutput.write(Data("\n".utf8)) }
        if let line, let historyPath, !line.allSatisfy(\.isWhitespace) { Self.append(line, to: historyPath) }
        return line
    }

    private static func append(_ line: String, to path: String) {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }
}
