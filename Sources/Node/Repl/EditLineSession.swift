import CEditLine
import Foundation

/// One libedit editor on standard input and output: emacs key bindings, the arrow keys, an
/// in-memory history, and the keys of ``EditLineKeys`` (Tab completes, Ctrl-C discards the line).
///
/// Not copyable: it owns the editor and frees it once. Only one thread may use it at a time.
struct EditLineSession: ~Copyable {
    /// What one read gave.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line was discarded.
        case interrupted
        /// Ctrl-D on an empty line, or standard input closed.
        case end
    }

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let prompt: UnsafeMutablePointer<CChar>

    /// `prompt` may hold colour sequences; `entries` are the history so far, oldest first.
    init(prompt: String, entries: [String], limit: Int) {
        setlocale(LC_CTYPE, "")
        // The FILE streams live as long as the process: closing them would close 0, 1 and 2.
        editor = el_init(CommandLine.arguments.first ?? "quark", fdopen(0, "r"), fdopen(1, "w"), fdopen(2, "w"))
        history = history_init()
        self.prompt = strdup(Self.markingInvisible(prompt))
        quark_history_set_size(history, Int32(limit))
        for entry in entries { quark_history_enter(history, entry) }
        quark_el_set_editor(editor, "emacs")
        quark_el_set_history(editor, history)
        quark_el_set_client_data(editor, self.prompt)
        quark_el_set_prompt(editor) { editor in editor.flatMap { quark_el_client_data($0)?.assumingMemoryBound(to: CChar.self) } }
        quark_el_set_edit_tty(editor, "-isig")
        quark_el_bind(editor, "quark-complete", "complete a command or a name", { editor, _ in EditLineKeys.complete(editor) }, "^I")
        quark_el_bind(editor, "quark-interrupt", "discard the line", { _, _ in EditLineKeys.interrupt() }, "^C")
        el_source(editor, nil)
    }

    deinit {
        el_end(editor)
        history_end(history)
        free(prompt)
    }

    /// Blocks until a line is entered, the line is discarded, or the input ends.
    func read() -> Input {
        EditLineKeys.interrupted.store(false, ordering: .relaxed)
        var count: Int32 = 0
        let text = el_gets(editor, &count)
        if EditLineKeys.interrupted.load(ordering: .relaxed) { return .interrupted }
        guard let text, count > 0 else { return .end }
        var line = String(cString: text)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds a line to the history the arrow keys go through.
    func remember(_ line: String) {
        quark_history_enter(history, line)
    }

    /// The prompt with each colour sequence between \1 characters, which libedit does not count
    /// as columns.
    private static func markingInvisible(_ prompt: String) -> String {
        prompt.replacing(/\u{1B}\[[0-9;]*m/) { "\u{1}\($0.output)\u{1}" }
    }
}
