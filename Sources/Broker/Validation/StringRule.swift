/// The `string` type: sanitisers (`trim`, `lowercase`, `padStart`, ...) run first, then every
/// check runs and reports on its own, so one value can fail several ways at once.
/// Lengths count characters (grapheme clusters).
struct StringRule: ValueRule {
    private var convert: Bool
    private var trim: Bool
    private var trimLeft: Bool
    private var trimRight: Bool
    private var padStart: Int?
    private var padEnd: Int?
    private var padChar: String
    private var lowercase: Bool
    private var uppercase: Bool
    /// `false` reports an empty string; `true` accepts it without further checks.
    private var empty: Bool?
    private var min: Int?
    private var max: Int?
    private var length: Int?
    private var pattern: RegexPattern?
    private var contains: String?
    private var allowed: Set<String>?
    private var allowedText = ""
    private var classes: [CharacterClass] = []
    private var singleLine: Bool

    init(_ options: inout RuleOptions) throws(BrokerError) {
        convert = try options.bool("convert") ?? false
        trim = try options.bool("trim") ?? false
        trimLeft = try options.bool("trimLeft") ?? false
        trimRight = try options.bool("trimRight") ?? false
        padStart = try options.count("padStart")
        padEnd = try options.count("padEnd")
        padChar = try options.string("padChar") ?? " "
        guard !padChar.isEmpty else { throw options.invalid("padChar", "must not be empty", "") }
        lowercase = try options.bool("lowercase") ?? false
        uppercase = try options.bool("uppercase") ?? false
        empty = try options.bool("empty")
        min = try options.count("min")
        max = try options.count("max")
        length = try options.count("length")
        contains = try options.string("contains")
        if let values = try options.strings("enum") {
            allowed = Set(values)
            allowedText = values.joined(separator: ", ")
        }
        for characterClass in CharacterClass.allCases where try options.bool(characterClass.rawValue) == true {
            classes.append(characterClass)
        }
        singleLine = try options.bool("singleLine") ?? false
        let flags = try options.string("patternFlags") ?? ""
        if let source = try options.string("pattern") {
            guard let compiled = RegexPattern(source, flags: flags) else {
                throw options.invalid("pattern", "must be a valid regular expression with flags from 'gimsuy'", .string(source))
            }
            pattern = compiled
        }
    }

    private var sanitizes: Bool {
        trim || trimLeft || trimRight || padStart != nil || padEnd != nil || lowercase || uppercase
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        var replaced = false
        let original: String
        switch value {
        case .string(let text):
            original = text
        case .int, .double, .bool:
            guard convert else { return reportNotString(value, wording, &context) }
            original = value.description
            replaced = true
        default:
            return reportNotString(value, wording, &context)
        }
        var text = original
        if sanitizes {
            text = sanitized(text)
            replaced = true
        }
        if replaced { value = .string(text) }
        let actual = JSON.string(original)
        if text.isEmpty {
            if empty == false { context.report(.stringEmpty, wording, actual: .string(text)) }
            if empty == true { return replaced }
        }
        if min != nil || max != nil || length != nil { checkLength(text.count, wording, &context) }
        if let pattern, !pattern.matches(text) {
            context.report(.stringPattern, wording, expected: .string(pattern.description), actual: actual)
        }
        if let contains, !text.contains(contains) {
            context.report(.stringContains, wording, expected: .string(contains), actual: actual)
        }
        if let allowed, !allowed.contains(text) {
            context.report(.stringEnum, wording, expected: .string(allowedText), actual: actual)
        }
        for characterClass in classes where !characterClass.matches(text) {
            context.report(characterClass.issueType, wording, actual: actual)
        }
        if singleLine, text.contains("\n") { context.report(.stringSingleLine, wording) }
        return replaced
    }

    private func checkLength(_ count: Int, _ wording: RuleWording?, _ context: inout ValidationContext) {
        if let min, count < min { context.report(.stringMin, wording, expected: .int(min), actual: .int(count)) }
        if let max, count > max { context.report(.stringMax, wording, expected: .int(max), actual: .int(count)) }
        if let length, count != length {
            context.report(.stringLength, wording, expected: .int(length), actual: .int(count))
        }
    }

    private func reportNotString(_ value: JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        context.report(.string, wording, actual: value)
        return false
    }

    private func sanitized(_ original: String) -> String {
        var text = original
        if trim || trimLeft || trimRight {
            text = text.trimmingWhitespace(leading: trim || trimLeft, trailing: trim || trimRight)
        }
        if let padStart { text = padding(to: padStart, text.count) + text }
        if let padEnd { text += padding(to: padEnd, text.count) }
        if lowercase { text = text.lowercased() }
        if uppercase { text = text.uppercased() }
        return text
    }

    /// JavaScript's `padStart`/`padEnd` filler: `padChar` repeated and cut to the missing length.
    private func padding(to length: Int, _ count: Int) -> String {
        guard count < length else { return "" }
        let missing = length - count
        let repeated = String(repeating: padChar, count: missing / padChar.count + 1)
        return String(repeated.prefix(missing))
    }
}
