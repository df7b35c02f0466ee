/// The options of one rule in object form, read one by one with their types checked.
///
/// Every option a rule understands is taken out as it is read; whatever is left once the rule is
/// compiled is an unknown option and `finish()` rejects it, so a typo never passes silently.
/// A `null` option counts as absent, as in fastest-validator.
struct RuleOptions {
    /// The path of the field the rule applies to, for error messages.
    let field: String
    /// The rule's type name, for error messages.
    let type: String
    private var members: [String: JSON]

    init(_ members: [String: JSON], field: String, type: String) {
        self.members = members
        self.field = field
        self.type = type
    }

    /// Removes and returns the option `key`, whatever its type.
    mutating func take(_ key: String) -> JSON? {
        guard let value = members.removeValue(forKey: key), !value.isNull else { return nil }
        return value
    }

    mutating func bool(_ key: String) throws(BrokerError) -> Bool? {
        guard let value = take(key) else { return nil }
        guard case .bool(let flag) = value else { throw invalid(key, "must be a boolean", value) }
        return flag
    }

    /// A length or a count: an integer of zero or more.
    mutating func count(_ key: String) throws(BrokerError) -> Int? {
        guard let value = take(key) else { return nil }
        guard let count = value.intValue, count >= 0 else { throw invalid(key, "must be an integer of 0 or more", value) }
        return count
    }

    /// A number, kept with its JSON form so error data shows it as written.
    mutating func number(_ key: String) throws(BrokerError) -> NumberOption? {
        guard let value = take(key) else { return nil }
        guard let number = value.doubleValue, number.isFinite else { throw invalid(key, "must be a number", value) }
        return NumberOption(value: number, json: value)
    }

    mutating func string(_ key: String) throws(BrokerError) -> String? {
        guard let value = take(key) else { return nil }
        guard case .string(let text) = value else { throw invalid(key, "must be a string", value) }
        return text
    }

    mutating func array(_ key: String) throws(BrokerError) -> [JSON]? {
        guard let value = take(key) else { return nil }
        guard case .array(let elements) = value else { throw invalid(key, "must be an array", value) }
        return elements
    }

    mutating func object(_ key: String) throws(BrokerError) -> [String: JSON]? {
        guard let value = take(key) else { return nil }
        guard case .object(let members) = value else { throw invalid(key, "must be an object", value) }
        return members
    }

    /// An array whose elements are all strings.
    mutating func strings(_ key: String) throws(BrokerError) -> [String]? {
        guard let elements = try array(key) else { return nil }
        var texts: [String] = []
        for element in elements {
            guard case .string(let text) = element else {
                throw invalid(key, "must be an array of strings", .array(elements))
            }
            texts.append(text)
        }
        return texts
    }

    /// The error for an option whose value is unusable.
    func invalid(_ key: String, _ problem: String, _ value: JSON) -> BrokerError {
        .invalidParamSchema(field: field, "option '\(key)' of type '\(type)' \(problem), got \(value)")
    }

    /// Rejects the first option left unread, if any.
    func finish() throws(BrokerError) {
        guard let key = members.keys.sorted().first else { return }
        throw .invalidParamSchema(field: field, "unknown option '\(key)' for type '\(type)'")
    }
}

/// A numeric option such as `min`: the number to compare with, and the JSON it was written as.
struct NumberOption: Sendable {
    let value: Double
    let json: JSON
}
