import Foundation

/// The REPL's history file (`~/.quark_history`): one entry a line, oldest first, mode 0600,
/// cut down to its last `limit` entries when loaded.
struct ReplHistoryFile: Sendable {
    let path: String
    var limit = 1000

    /// The saved entries, oldest first. A file over the limit is rewritten with its last `limit`.
    func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let entries = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard entries.count > limit else { return entries }
        let kept = Array(entries.suffix(limit))
        let text = kept.map { $0 + "\n" }.joined()
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        return kept
    }

    /// Appends one entry, creating the file (mode 0600) if needed.
    func append(_ line: String) {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }
}
