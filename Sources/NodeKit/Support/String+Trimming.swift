extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }

    /// Splits a comma-separated list, trimming each item; an empty item is kept (as "").
    func commaSeparated() -> [String] {
        split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
    }
}
