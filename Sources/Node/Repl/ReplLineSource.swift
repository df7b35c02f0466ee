/// Where the REPL's lines come from: ``ReplLineEditor`` on a terminal, ``ReplInput`` otherwise.
protocol ReplLineSource: Sendable {
    /// The next line; `nil` at the end of input.
    func next() async -> String?
}
