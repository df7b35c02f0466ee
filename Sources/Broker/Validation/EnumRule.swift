/// The `enum` type: the value must be one of `values` (numbers compare by value, so `1` and `1.0`
/// are the same; arrays and objects compare deeply).
struct EnumRule: ValueRule {
    private var allowed: Set<JSON>
    private var allowedText: String

    init(_ options: inout RuleOptions) throws(BrokerError) {
        guard let values = try options.array("values") else {
            throw .invalidParamSchema(field: options.field, "type 'enum' needs a 'values' array")
        }
        allowed = Set(values.map(\.comparable))
        allowedText = values.map(\.messageText).joined(separator: ", ")
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        if !allowed.contains(value.comparable) {
            context.report(.enumValue, wording, expected: .string(allowedText), actual: value)
        }
        return false
    }
}
