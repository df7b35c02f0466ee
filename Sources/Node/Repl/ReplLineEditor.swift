import Foundation
import NodeKit
import Synchronization

/// The REPL's lines from a terminal: a prompt, line editing with the arrow keys and emacs keys,
/// the history of ``ReplHistoryFile`` (Up and Down), Tab completion of commands and of the
/// cluster's names, Ctrl-C to discard the line, Ctrl-D on an empty line to end.
///
/// libedit blocks while reading, so reads run on a serial queue of its own, never on a thread of
/// the concurrency pool. The mutex around the session is free whenever no read is in progress.
final class ReplLineEditor: ReplLineSource {
    private let queue = DispatchQueue(label: "quark.repl.editline")
    private let session: Mutex<EditLineSession>
    private let history: ReplHistoryFile
    private let completions: @Sendable () async -> ReplCompleter

    /// `completions` gives the names Tab completes; it is asked before each line.
    init(prompt: String, history: ReplHistoryFile, completions: @escaping @Sendable () async -> ReplCompleter) {
        session = Mutex(EditLineSession(prompt: prompt, entries: history.load(), limit: history.limit))
        self.history = history
        self.completions = completions
    }

    func next() async -> String? {
        let completer = await completions()
        EditLineKeys.completer.withLock { $0 = completer }
        let input = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.session.withLock { $0.read() }) }
        }
        switch input {
        case .line(let line):
            if !line.allSatisfy(\.isWhitespace) {
                session.withLock { $0.remember(line) }
                history.append(line)
            }
            return line
        case .interrupted:
            FileHandle.standardOutput.write(Data("^C\n".utf8))
            return ""
        case .end:
            FileHandle.standardOutput.write(Data("\n".utf8))
            return nil
        }
    }
}
