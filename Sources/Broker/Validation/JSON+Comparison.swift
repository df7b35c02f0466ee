/// Comparisons and printing with JavaScript's view of values, for the rules that compare
/// (`enum`, `equal`, array `contains`, `unique`, `enum`) and for messages.
extension JSON {
    /// The value with integral doubles as ints, so `1` and `1.0` compare and hash alike,
    /// as JavaScript's single number type does.
    var comparable: JSON {
        switch self {
        case .double(let number):
            guard let exact = Int(exactly: number) else { return self }
            return .int(exact)
        case .array(let elements): return .array(elements.map(\.comparable))
        case .object(let members): return .object(members.mapValues(\.comparable))
        default: return self
        }
    }

    /// JavaScript's `==`: numbers, numeric strings and booleans compare by number; arrays and
    /// objects compare deeply (JavaScript compares their identity, which JSON values lack).
    func looselyEquals(_ other: JSON) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.bool(let flag), _): return JSON.int(flag ? 1 : 0).looselyEquals(other)
        case (_, .bool(let flag)): return looselyEquals(.int(flag ? 1 : 0))
        case (.string(let left), .string(let right)): return left == right
        case (.string(let text), .int), (.string(let text), .double):
            return JSON.numberValue(ofJavaScriptString: text) == other.doubleValue
        case (.int, .string), (.double, .string): return other.looselyEquals(self)
        case (.int, _), (.double, _): return doubleValue == other.doubleValue
        default: return comparable == other.comparable
        }
    }

    /// What JavaScript's `Number(text)` gives: blank is 0, anything unparsable is `nil` (NaN).
    static func numberValue(ofJavaScriptString text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return 0 }
        guard let number = Double(trimmed), number.isFinite else { return nil }
        return number
    }

    /// The value as JavaScript prints it in a string: strings bare, arrays comma-joined,
    /// other values as JSON.
    var messageText: String {
        switch self {
        case .string(let text): return text
        case .array(let elements): return elements.map(\.messageText).joined(separator: ",")
        default: return description
        }
    }
}
