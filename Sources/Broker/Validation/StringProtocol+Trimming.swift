extension StringProtocol {
    /// The text without whitespace and line breaks at the chosen ends, as JavaScript's `trim()`,
    /// `trimStart()` and `trimEnd()`.
    func trimmingWhitespace(leading: Bool = true, trailing: Bool = true) -> String {
        var start = startIndex
        var end = endIndex
        if leading {
            start = firstIndex { !$0.isWhitespace } ?? endIndex
        }
        if trailing, start < end {
            end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        }
        return String(self[start..<end])
    }
}
