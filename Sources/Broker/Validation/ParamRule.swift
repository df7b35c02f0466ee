/// One compiled rule of a params schema.
///
/// It handles what every type shares (required, `optional`, `nullable`, `default`), then hands
/// the value to the type's own check. Compiled once from the schema, it never re-reads the schema.
struct ParamRule: Sendable {
    enum Kind: Sendable {
        /// Anything that is present.
        case any
        /// Must be absent; with `remove`, a present value is dropped instead of rejected.
        case forbidden(remove: Bool)
        /// The value must pass one of the rules (fastest-validator's `multi`, or an array of rules).
        case multi([ParamRule])
        case value(any ValueRule)
    }

    var kind: Kind
    var optional = false
    var nullable = false
    /// Replaces a missing (or null, unless `nullable`) value. Not validated, as in fastest-validator.
    var defaultValue: JSON?
    var wording: RuleWording?

    /// Validates `value`, `nil` when the key is missing. Returns `true` when it replaced `value`,
    /// which may then be `nil` (a forbidden value removed).
    func validate(_ value: inout JSON?, _ context: inout ValidationContext) -> Bool {
        guard let present = value, !present.isNull else { return fillAbsent(&value, &context) }
        switch kind {
        case .any:
            return false
        case .forbidden(let remove):
            if remove {
                value = nil
                return true
            }
            context.report(.forbidden, wording, actual: present)
            return false
        case .multi(let rules):
            return validateFirstPassing(rules, &value, &context)
        case .value(let rule):
            var checked = present
            guard rule.check(&checked, wording, &context) else { return false }
            value = checked
            return true
        }
    }

    private func fillAbsent(_ value: inout JSON?, _ context: inout ValidationContext) -> Bool {
        let isNull = value != nil
        if let defaultValue, !(isNull && nullable) {
            value = defaultValue
            return true
        }
        if case .forbidden = kind { return false }
        if optional || (isNull && nullable) { return false }
        context.report(.required, wording, actual: isNull ? .null : nil)
        return false
    }

    /// Tries each rule in turn on its own copy of the value; the first that reports nothing wins.
    /// When none passes, every rule's issues are reported, as fastest-validator does.
    private func validateFirstPassing(_ rules: [ParamRule], _ value: inout JSON?, _ context: inout ValidationContext) -> Bool {
        let mark = context.issues.count
        var failures: [ValidationIssue] = []
        for rule in rules {
            var candidate = value
            let replaced = rule.validate(&candidate, &context)
            if context.issues.count == mark {
                if replaced { value = candidate }
                return replaced
            }
            failures += context.takeIssues(since: mark)
        }
        context.restore(failures)
        return false
    }
}
