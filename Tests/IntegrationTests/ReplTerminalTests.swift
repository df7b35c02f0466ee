import Foundation
import Testing

/// `quark repl` on a pseudo-terminal against a real node: line editing, Tab completion from the
/// live cluster, history, Ctrl-C and Ctrl-D.
@Suite("quark repl on a terminal", .timeLimit(.minutes(2)))
struct ReplTerminalTests {
    @Test("Tab completes an action, Up recalls the line, Ctrl-C discards one, Ctrl-D exits 0; the history file keeps the lines")
    func editing() async throws {
        let worker = try await WorkerNode.start()
        defer { worker.stop() }
        let home = "\(worker.directory)/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let historyPath = "\(home)/.quark_history"
        let old = (0..<1005).map { "info \($0)\n" }.joined()
        _ = FileManager.default.createFile(atPath: historyPath, contents: Data(old.utf8), attributes: [.posixPermissions: 0o600])

        let repl = try PtyProcess(["repl", "--seeds", worker.node.endpoint], environment: ["HOME": home, "TERM": "xterm"])
        try await repl.waitFor("quark>")
        repl.type("call math.a\t")
        try await repl.waitFor("math.a\r\u{1B}[19Gdd ")  // libedit moves to column 19 and writes the rest
        repl.type(#"{"a": 1, "b": 2}"# + "\n")
        try await repl.waitFor("\u{1B}[33m3\u{1B}[0m")
        try await repl.waitFor("quark>", count: 2)

        repl.type("\u{1B}[A")
        try await repl.waitFor(#"call math.add {"a": 1, "b": 2}"#)
        repl.type("\u{1B}[D\u{7F}5\n")  // left, backspace, 5: b becomes 5
        try await repl.waitFor("\u{1B}[33m6\u{1B}[0m")
        try await repl.waitFor("quark>", count: 3)

        repl.type("call math.\t\t")
        try await repl.waitFor("math.add  math.div  math.mult  math.sub")
        repl.type("\u{03}")
        try await repl.waitFor("^C")
        // Each listing redraws the prompt (4 and 5); the 6th is the fresh read after Ctrl-C.
        // Typing Ctrl-D before it would land between reads, in cooked mode, and be lost.
        try await repl.waitFor("quark>", count: 6)
        repl.type("\u{04}")
        #expect(await repl.exitStatus() == 0, "screen: \(repl.screen.debugDescription)")
        #expect(!repl.screen.contains("error"), "the discarded line did not run")

        let saved = try String(contentsOfFile: historyPath, encoding: .utf8).split(separator: "\n")
        #expect(saved.count == 1002, "cut to its last 1000 entries, then the 2 new lines")
        #expect(saved.first == "info 5")
        #expect(saved.suffix(2) == [#"call math.add {"a": 1, "b": 2}"#, #"call math.add {"a": 1, "b": 5}"#])
        let mode = try FileManager.default.attributesOfItem(atPath: historyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
