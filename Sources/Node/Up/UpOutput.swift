import Foundation

/// Writes `quark up`'s lines: each child line prefixed with its node id (`[catalog] ...`), the
/// supervisor's own lines with `[up]`. The prefix is coloured when standard output is a terminal.
/// Used from the event loop only, so lines never interleave.
struct UpOutput {
    private let colours: [String: String]
    private let isTerminal: Bool

    init(nodeIDs: [String], isTerminal: Bool = isatty(STDOUT_FILENO) == 1) {
        let palette = ["36", "32", "33", "35", "34", "91", "92", "93", "94", "95", "96"]
        self.colours = Dictionary(uniqueKeysWithValues: nodeIDs.enumerated().map { ($1, palette[$0 % palette.count]) })
        self.isTerminal = isTerminal
    }

    /// A line of node `id`, on the stream it came from.
    func node(_ id: String, _ text: String, isError: Bool) {
        write(prefix(id, colour: colours[id] ?? "0") + text, toError: isError)
    }

    /// A line of the supervisor itself (`[up] ...`), on standard output.
    func supervisor(_ text: String) {
        write(prefix("up", colour: "1") + text, toError: false)
    }

    /// A line without prefix (the all-ready and gateway lines).
    func plain(_ text: String) {
        write(isTerminal ? "\u{1B}[1m\(text)\u{1B}[0m" : text, toError: false)
    }

    private func prefix(_ name: String, colour: String) -> String {
        isTerminal ? "\u{1B}[\(colour)m[\(name)]\u{1B}[0m " : "[\(name)] "
    }

    private func write(_ line: String, toError: Bool) {
        let handle = toError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data((line + "\n").utf8))
    }
}
