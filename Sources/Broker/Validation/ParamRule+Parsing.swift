extension ParamRule {
    /// Compiles one rule: a shorthand string, an array of alternative rules, or an object with
    /// `type` (or fastest-validator's nested-object form with `$$type`).
    /// `field` is the rule's path, used only in schema error messages.
    init(compiling schema: JSON, field: String) throws(BrokerError) {
        switch schema {
        case .string(let shorthand):
            try self.init(options: ShorthandRule.expand(shorthand), field: field)
        case .array(let alternatives):
            try self.init(alternatives: alternatives, field: field)
        case .object(var members):
            if let nestedType = members.removeValue(forKey: "$$type") {
                guard case .string(let shorthand) = nestedType else {
                    throw .invalidParamSchema(field: field, "'$$type' must be a shorthand string, got \(nestedType)")
                }
                var options = ShorthandRule.expand(shorthand)
                options["props"] = .object(members)
                try self.init(options: options, field: field)
            } else {
                try self.init(options: members, field: field)
            }
        default:
            throw .invalidParamSchema(
                field: field, "a rule must be a string, an array of rules or an object, got \(schema.typeName)")
        }
    }

    /// An array of rules: the value must pass one of them. It is optional (or nullable) only
    /// when every alternative is.
    private init(alternatives: [JSON], field: String) throws(BrokerError) {
        let rules = try Self.compile(alternatives, field: field)
        self.init(kind: .multi(rules))
        optional = rules.allSatisfy(\.optional)
        nullable = rules.allSatisfy(\.nullable)
    }

    private init(options members: [String: JSON], field: String) throws(BrokerError) {
        guard case .string(let type)? = members["type"] else {
            throw .invalidParamSchema(field: field, "a rule object needs a string 'type'")
        }
        var options = RuleOptions(members, field: field, type: type)
        _ = options.take("type")
        let optional = try options.bool("optional") ?? false
        let nullable = try options.bool("nullable") ?? false
        let defaultValue = options.take("default")
        let wording = try RuleWording.read(from: &options)
        _ = try options.string("description")
        let kind: Kind
        switch type {
        case "any":
            kind = .any
        case "forbidden":
            kind = .forbidden(remove: try options.bool("remove") ?? false)
        case "multi":
            guard let rules = try options.array("rules") else {
                throw .invalidParamSchema(field: field, "type 'multi' needs a 'rules' array")
            }
            kind = .multi(try Self.compile(rules, field: field))
        default:
            guard let ruleType = Self.valueRuleType(named: type) else {
                throw .invalidParamSchema(field: field, "unknown type '\(type)'")
            }
            kind = .value(try ruleType.init(&options))
        }
        try options.finish()
        self.init(kind: kind, optional: optional, nullable: nullable, defaultValue: defaultValue, wording: wording)
    }

    private static func compile(_ alternatives: [JSON], field: String) throws(BrokerError) -> [ParamRule] {
        guard !alternatives.isEmpty else {
            throw .invalidParamSchema(field: field, "a list of alternative rules must not be empty")
        }
        var rules: [ParamRule] = []
        for alternative in alternatives {
            rules.append(try ParamRule(compiling: alternative, field: field))
        }
        return rules
    }

    private static func valueRuleType(named type: String) -> (any ValueRule.Type)? {
        switch type {
        case "string": StringRule.self
        case "number": NumberRule.self
        case "boolean": BooleanRule.self
        case "email": EmailRule.self
        case "url": URLRule.self
        case "uuid": UUIDRule.self
        case "date": DateRule.self
        case "enum": EnumRule.self
        case "equal": EqualRule.self
        case "array": ArrayRule.self
        case "tuple": TupleRule.self
        case "object": ObjectRule.self
        default: nil
        }
    }
}
