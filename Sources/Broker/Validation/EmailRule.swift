/// The `email` type. `mode: "quick"` (the default) wants `something@something.something`
/// without spaces; `mode: "precise"` uses fastest-validator's stricter pattern. `normalize`
/// trims and lowercases; `empty: true` accepts `""`.
struct EmailRule: ValueRule {
    private var precise: Bool
    private var normalize: Bool
    private var empty: Bool
    private var min: Int?
    private var max: Int?

    init(_ options: inout RuleOptions) throws(BrokerError) {
        switch try options.string("mode") ?? "quick" {
        case "quick": precise = false
        case "precise": precise = true
        case let mode: throw options.invalid("mode", "must be \"quick\" or \"precise\"", .string(mode))
        }
        normalize = try options.bool("normalize") ?? false
        empty = try options.bool("empty") ?? false
        min = try options.count("min")
        max = try options.count("max")
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        guard case .string(var text) = value else {
            context.report(.string, wording, actual: value)
            return false
        }
        if text.isEmpty {
            if !empty { context.report(.emailEmpty, wording, actual: value) }
            return false
        }
        if normalize {
            text = text.trimmingWhitespace().lowercased()
            value = .string(text)
        }
        if min != nil || max != nil {
            let count = text.count
            if let min, count < min { context.report(.emailMin, wording, expected: .int(min), actual: .int(count)) }
            if let max, count > max { context.report(.emailMax, wording, expected: .int(max), actual: .int(count)) }
        }
        let valid = precise ? RegexPattern.preciseEmail.matches(text) : Self.isQuickEmail(text)
        if !valid { context.report(.email, wording, actual: value) }
        return normalize
    }

    /// `^\S+@\S+\.\S+$`: no whitespace, an `@` after the first character, and a `.` with at least
    /// one character between it and that `@` and one after it.
    static func isQuickEmail(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: isWhitespace) else { return false }
        let bytes = text.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex,
            let dotsFrom = bytes.index(at, offsetBy: 2, limitedBy: bytes.endIndex),
            let dotsTo = bytes.index(bytes.endIndex, offsetBy: -1, limitedBy: dotsFrom)
        else { return false }
        return bytes[dotsFrom..<dotsTo].contains(UInt8(ascii: "."))
    }

    /// JavaScript's `\s`, with a fast path for ASCII.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || ("\t"..."\r").contains(scalar) : scalar.properties.isWhitespace
    }
}
