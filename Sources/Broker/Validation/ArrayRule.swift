/// The `array` type. Every item is checked against `items`, and an item's issues carry its
/// index (`"items[1].qty"`). With `convert`, a single value is wrapped in an array.
struct ArrayRule: ValueRule {
    private var items: ParamRule?
    private var convert: Bool
    private var empty: Bool?
    private var min: Int?
    private var max: Int?
    private var length: Int?
    private var contains: JSON?
    private var comparableContains: JSON?
    private var unique: Bool
    private var allowed: Set<JSON>?
    private var allowedText = ""

    init(_ options: inout RuleOptions) throws(BrokerError) {
        if let schema = options.take("items") {
            items = try ParamRule(compiling: schema, field: options.field + "[]")
        }
        convert = try options.bool("convert") ?? false
        empty = try options.bool("empty")
        min = try options.count("min")
        max = try options.count("max")
        length = try options.count("length")
        contains = options.take("contains")
        comparableContains = contains?.comparable
        unique = try options.bool("unique") ?? false
        if let values = try options.array("enum") {
            allowed = Set(values.map(\.comparable))
            allowedText = values.map(\.messageText).joined(separator: ", ")
        }
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        var elements: [JSON]
        var replaced = false
        switch value {
        case .array(let array):
            elements = array
        case _ where convert:
            elements = [value]
            replaced = true
        default:
            context.report(.array, wording, actual: value)
            return false
        }
        checkCount(elements, wording, &context)
        if let contains, !elements.contains(where: { $0.comparable == comparableContains }) {
            context.report(.arrayContains, wording, expected: contains, actual: .array(elements))
        }
        if unique {
            let duplicates = Self.duplicates(in: elements)
            if !duplicates.isEmpty {
                context.report(.arrayUnique, wording, expected: .array(duplicates), actual: .array(elements))
            }
        }
        if let allowed {
            for element in elements where !allowed.contains(element.comparable) {
                context.report(.arrayEnum, wording, expected: .string(allowedText), actual: element)
            }
        }
        if let items {
            for index in elements.indices {
                var element: JSON? = elements[index]
                context.enter(index: index)
                if items.validate(&element, &context) {
                    elements[index] = element ?? .null
                    replaced = true
                }
                context.leave()
            }
        }
        if replaced { value = .array(elements) }
        return replaced
    }

    private func checkCount(_ elements: [JSON], _ wording: RuleWording?, _ context: inout ValidationContext) {
        let count = elements.count
        if empty == false, count == 0 { context.report(.arrayEmpty, wording, actual: .array(elements)) }
        if let min, count < min { context.report(.arrayMin, wording, expected: .int(min), actual: .int(count)) }
        if let max, count > max { context.report(.arrayMax, wording, expected: .int(max), actual: .int(count)) }
        if let length, count != length {
            context.report(.arrayLength, wording, expected: .int(length), actual: .int(count))
        }
    }

    /// The values that occur more than once, each listed once, in the order they repeat.
    private static func duplicates(in elements: [JSON]) -> [JSON] {
        var seen: Set<JSON> = []
        var reported: Set<JSON> = []
        var duplicates: [JSON] = []
        for element in elements {
            let key = element.comparable
            if !seen.insert(key).inserted, reported.insert(key).inserted { duplicates.append(element) }
        }
        return duplicates
    }
}
