/// The type-specific part of a compiled rule: `string`, `number`, `array`, `object`, ...
///
/// `ParamRule` deals with what all types share (required, `optional`, `nullable`, `default`)
/// and hands a value to its `ValueRule` only when the value is present and not null.
protocol ValueRule: Sendable {
    /// Compiles the rule, taking out of `options` every option it understands.
    init(_ options: inout RuleOptions) throws(BrokerError)

    /// Checks a present, non-null value and reports what is wrong to `context`.
    /// Returns `true` when it replaced `value` (a conversion, a default inside, a sanitisation).
    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool
}
