/// One word of a REPL line, after quotes are removed.
struct ReplToken: Sendable, Equatable {
    /// The word's text, without its quotes.
    var text: String
    /// Some of the word was quoted: its value stays a string (`--zip "01234"`).
    var isQuoted = false
    /// The word began with a quote, so a leading `-` is text, not an option.
    var startsQuoted = false
    /// The word is a JSON object or array, taken whole (`{"a": 1, "b": 2}`).
    var isJSON = false

    /// An option such as `--a`, `-f` or `-ad`: begins with an unquoted `-` and is not a number.
    var isOption: Bool {
        guard !startsQuoted, !isJSON, text.count > 1, text.hasPrefix("-") else { return false }
        return Double(text) == nil
    }

    /// A long option: `--name` (with at least one character after the dashes).
    var isLongOption: Bool {
        isOption && text.hasPrefix("--") && text.count > 2
    }
}
