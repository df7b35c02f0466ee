/// How one rule's failures are worded: fastest-validator's `label` (shown in messages instead of
/// the field path) and `messages` (per-type replacements for the default templates).
struct RuleWording: Sendable {
    var label: String?
    var messages: [IssueType: String] = [:]

    /// Reads `label` and `messages`; `nil` when the rule has neither, the common case.
    static func read(from options: inout RuleOptions) throws(BrokerError) -> RuleWording? {
        let label = try options.string("label")
        var messages: [IssueType: String] = [:]
        for (key, value) in try options.object("messages") ?? [:] {
            guard let type = IssueType(rawValue: key) else {
                throw .invalidParamSchema(field: options.field, "unknown error type '\(key)' in option 'messages'")
            }
            guard case .string(let template) = value else {
                throw options.invalid("messages", "must map error types to strings", value)
            }
            messages[type] = template
        }
        if label == nil, messages.isEmpty { return nil }
        return RuleWording(label: label, messages: messages)
    }
}
