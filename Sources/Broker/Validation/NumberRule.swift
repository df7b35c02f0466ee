/// The `number` type. With `convert`, numeric strings and booleans become numbers.
struct NumberRule: ValueRule {
    private var convert: Bool
    private var min: NumberOption?
    private var max: NumberOption?
    private var equal: NumberOption?
    private var notEqual: NumberOption?
    private var integer: Bool
    private var positive: Bool
    private var negative: Bool

    init(_ options: inout RuleOptions) throws(BrokerError) {
        convert = try options.bool("convert") ?? false
        min = try options.number("min")
        max = try options.number("max")
        equal = try options.number("equal")
        notEqual = try options.number("notEqual")
        integer = try options.bool("integer") ?? false
        positive = try options.bool("positive") ?? false
        negative = try options.bool("negative") ?? false
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        let original = value
        var replaced = false
        if convert, value.doubleValue == nil, let converted = Self.converted(value) {
            value = converted
            replaced = true
        }
        guard let number = value.doubleValue, number.isFinite else {
            context.report(.number, wording, actual: original)
            return replaced
        }
        if let min, number < min.value { context.report(.numberMin, wording, expected: min.json, actual: original) }
        if let max, number > max.value { context.report(.numberMax, wording, expected: max.json, actual: original) }
        if let equal, number != equal.value {
            context.report(.numberEqual, wording, expected: equal.json, actual: original)
        }
        if let notEqual, number == notEqual.value {
            context.report(.numberNotEqual, wording, expected: notEqual.json, actual: original)
        }
        if integer, number.rounded(.towardZero) != number { context.report(.numberInteger, wording, actual: original) }
        if positive, number <= 0 { context.report(.numberPositive, wording, actual: original) }
        if negative, number >= 0 { context.report(.numberNegative, wording, actual: original) }
        return replaced
    }

    /// A numeric string (surrounding whitespace allowed) or a boolean as a number; integral
    /// text becomes an `int`. Blank text is not a number here, unlike JavaScript's `Number("")`.
    private static func converted(_ value: JSON) -> JSON? {
        switch value {
        case .bool(let flag):
            return .int(flag ? 1 : 0)
        case .string(let text):
            let trimmed = text.trimmingWhitespace()
            if let integer = Int(trimmed) { return .int(integer) }
            guard let number = Double(trimmed), number.isFinite else { return nil }
            return .double(number)
        default:
            return nil
        }
    }
}
