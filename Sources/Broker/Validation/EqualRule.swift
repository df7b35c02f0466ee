/// The `equal` type: the value must equal `value`; by JavaScript's `==` (so `"5"` equals `5`)
/// unless `strict` is set.
struct EqualRule: ValueRule {
    private var expected: JSON
    private var comparableExpected: JSON
    private var strict: Bool

    init(_ options: inout RuleOptions) throws(BrokerError) {
        guard let expected = options.take("value") else {
            throw .invalidParamSchema(field: options.field, "type 'equal' needs a 'value'")
        }
        self.expected = expected
        comparableExpected = expected.comparable
        strict = try options.bool("strict") ?? false
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        let equal = strict ? value.comparable == comparableExpected : value.looselyEquals(expected)
        if !equal { context.report(.equalValue, wording, expected: expected, actual: value) }
        return false
    }
}
