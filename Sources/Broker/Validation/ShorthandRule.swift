/// fastest-validator's shorthand rules: `"string|min:3|max:50"`, `"number|optional"`,
/// `"string[]"` (an array of strings), `"boolean|no-convert"`.
enum ShorthandRule {
    /// The object form of a shorthand rule. `key:value` sets an option (`true`, `false` and numbers
    /// are read as such, anything else as a string); a bare `key` sets it to `true`, `no-key` to `false`.
    static func expand(_ shorthand: String) -> [String: JSON] {
        let parts = shorthand.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        let type = parts[0]
        var options: [String: JSON]
        if type.hasSuffix("[]") {
            options = ["type": "array", "items": .string(String(type.dropLast(2)))]
        } else {
            options = ["type": .string(type)]
        }
        for part in parts.dropFirst() {
            if let colon = part.firstIndex(of: ":") {
                let key = part[..<colon].trimmingWhitespace()
                options[key] = value(part[part.index(after: colon)...].trimmingWhitespace())
            } else if part.hasPrefix("no-") {
                options[String(part.dropFirst(3))] = false
            } else {
                options[part] = true
            }
        }
        return options
    }

    private static func value(_ text: String) -> JSON {
        switch text {
        case "true": return true
        case "false": return false
        default:
            if let integer = Int(text) { return .int(integer) }
            if let number = Double(text), number.isFinite { return .double(number) }
            return .string(text)
        }
    }
}
