/// The `date` type. JSON has no dates, so a date is an ISO-8601 string (what JavaScript's
/// `JSON.stringify` makes of a `Date`) or a number of milliseconds since 1970.
/// With `convert`, numeric strings are read as milliseconds too, and every valid date is
/// replaced by its canonical form, `YYYY-MM-DDTHH:MM:SS.sssZ`.
struct DateRule: ValueRule {
    private var convert: Bool

    init(_ options: inout RuleOptions) throws(BrokerError) {
        convert = try options.bool("convert") ?? false
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        guard let milliseconds = milliseconds(of: value), ISO8601Timestamp.validRange.contains(milliseconds) else {
            context.report(.date, wording, actual: value)
            return false
        }
        guard convert else { return false }
        value = .string(ISO8601Timestamp.string(fromMilliseconds: milliseconds))
        return true
    }

    private func milliseconds(of value: JSON) -> Int? {
        switch value {
        case .string(let text):
            if let milliseconds = ISO8601Timestamp.milliseconds(from: text) { return milliseconds }
            guard convert, let number = Double(text.trimmingWhitespace()) else { return nil }
            return Self.whole(number)
        case .int(let number):
            return number
        case .double(let number):
            return Self.whole(number)
        default:
            return nil
        }
    }

    /// A millisecond count cut to a whole number, as JavaScript's `Date` does.
    private static func whole(_ number: Double) -> Int? {
        guard number.isFinite, abs(number) <= Double(ISO8601Timestamp.validRange.upperBound) else { return nil }
        return Int(number.rounded(.towardZero))
    }
}
