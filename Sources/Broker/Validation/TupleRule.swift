/// The `tuple` type: an array with exactly one item per rule in `items`, each checked against
/// the rule at its position. Without `items`, any array.
struct TupleRule: ValueRule {
    private var items: [ParamRule]?
    private var empty: Bool?

    init(_ options: inout RuleOptions) throws(BrokerError) {
        if let schemas = try options.array("items") {
            guard !schemas.isEmpty else { throw options.invalid("items", "must not be empty", .array(schemas)) }
            var rules: [ParamRule] = []
            for (index, schema) in schemas.enumerated() {
                rules.append(try ParamRule(compiling: schema, field: options.field + "[\(index)]"))
            }
            items = rules
        }
        empty = try options.bool("empty")
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        guard case .array(var elements) = value else {
            context.report(.tuple, wording, actual: value)
            return false
        }
        if elements.isEmpty {
            if empty == false { context.report(.tupleEmpty, wording, actual: value) }
            return false
        }
        guard let items else { return false }
        guard elements.count == items.count else {
            context.report(.tupleLength, wording, expected: .int(items.count), actual: .int(elements.count))
            return false
        }
        var replaced = false
        for (index, rule) in items.enumerated() {
            var element: JSON? = elements[index]
            context.enter(index: index)
            if rule.validate(&element, &context) {
                elements[index] = element ?? .null
                replaced = true
            }
            context.leave()
        }
        if replaced { value = .array(elements) }
        return replaced
    }
}
