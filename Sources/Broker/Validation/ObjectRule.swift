/// The `object` type, and the params themselves. Each property in `props` (or `properties`) is
/// checked at its path (`"address.city"`). `strict: true` reports keys not in `props`;
/// `strict: "remove"` drops them.
struct ObjectRule: ValueRule {
    /// What to do with keys the schema does not name.
    enum Strictness: Sendable {
        case allow, reject, remove
    }

    private struct Property: Sendable {
        var key: String
        var rule: ParamRule
    }

    /// In key order, so issues come out in the same order on every run.
    private var properties: [Property]?
    private var known: Set<String> = []
    private var knownText = ""
    private var strictness: Strictness
    private var minProps: Int?
    private var maxProps: Int?

    init(_ options: inout RuleOptions) throws(BrokerError) {
        let props = try options.object("props")
        let properties = try options.object("properties")
        guard props == nil || properties == nil else {
            throw .invalidParamSchema(field: options.field, "give either 'props' or 'properties', not both")
        }
        let strict = options.take("strict")
        try self.init(properties: props ?? properties, strict: strict, field: options.field)
        minProps = try options.count("minProps")
        maxProps = try options.count("maxProps")
    }

    /// The rule for a params schema's top level: `properties` with `$$strict` as `strict`.
    init(properties members: [String: JSON]?, strict: JSON?, field: String) throws(BrokerError) {
        switch strict {
        case nil, .bool(false)?: strictness = .allow
        case .bool(true)?: strictness = .reject
        case .string("remove")?: strictness = .remove
        case let other?:
            throw .invalidParamSchema(field: field, "'strict' must be true, false or \"remove\", got \(other)")
        }
        guard let members else { return }
        var properties: [Property] = []
        for key in members.keys.sorted() {
            let path = field.isEmpty ? key : field + "." + key
            guard !key.hasPrefix("$$") else {
                throw .invalidParamSchema(field: path, "unsupported meta key '\(key)'")
            }
            properties.append(Property(key: key, rule: try ParamRule(compiling: members[key]!, field: path)))
        }
        self.properties = properties
        known = Set(members.keys)
        knownText = members.keys.sorted().joined(separator: ", ")
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        guard case .object(var members) = value else {
            context.report(.object, wording, actual: value)
            return false
        }
        var replaced = false
        for property in properties ?? [] {
            var member = members[property.key]
            context.enter(key: property.key)
            if property.rule.validate(&member, &context) {
                members[property.key] = member
                replaced = true
            }
            context.leave()
        }
        if properties != nil, strictness != .allow, !members.keys.allSatisfy(known.contains) {
            let extra = members.keys.filter { !known.contains($0) }.sorted()
            if strictness == .remove {
                for key in extra { members[key] = nil }
                replaced = true
            } else {
                context.report(.objectStrict, wording, expected: .string(knownText), actual: .string(extra.joined(separator: ", ")))
            }
        }
        if let minProps, members.count < minProps {
            context.report(.objectMinProps, wording, expected: .int(minProps), actual: .int(members.count))
        }
        if let maxProps, members.count > maxProps {
            context.report(.objectMaxProps, wording, expected: .int(maxProps), actual: .int(members.count))
        }
        if replaced { value = .object(members) }
        return replaced
    }
}
