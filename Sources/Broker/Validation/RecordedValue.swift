/// What `SchemaRecordingDecoder` learnt about one value while its type decoded itself from
/// placeholders: the rule of a type the validator knows by name, or the members or the element
/// the type's `init(from:)` asked for.
///
/// A class because the containers a `Decoder` hands out record into it after it is created.
final class RecordedValue {
    private enum Shape {
        case untouched
        case known(InferredRule)
        case object([String: RecordedValue])
        case array(element: RecordedValue)
    }

    let codingPath: [any CodingKey]
    /// The path as the validator writes it in schema errors: `"address.city"`, `"tags[]"`.
    let field: String
    /// The types being decoded around this value, to catch a type that contains itself.
    let enclosingTypes: Set<ObjectIdentifier>
    /// The type decoding itself into this value.
    var type: Any.Type?
    /// The `init(from:)` asked whether the value is present, so it may be left out.
    var optional = false
    /// The `init(from:)` asked whether the value is `null`.
    var nullable = false
    /// How many values were decoded into this one: an array's loop stops after the first element.
    var decodeCount = 0
    private var shape = Shape.untouched

    init(codingPath: [any CodingKey] = [], field: String = "", enclosingTypes: Set<ObjectIdentifier> = []) {
        self.codingPath = codingPath
        self.field = field
        self.enclosingTypes = enclosingTypes
    }

    /// Whether the type asked for nothing at all (a struct without stored properties).
    var isUntouched: Bool {
        if case .untouched = shape { return true }
        return false
    }

    func settle(_ rule: InferredRule) {
        shape = .known(rule)
    }

    /// The member `key`, made an object's member first if the value is not an object yet.
    func member(_ key: some CodingKey) -> RecordedValue {
        var members: [String: RecordedValue] = [:]
        if case .object(let existing) = shape { members = existing }
        if let member = members[key.stringValue] { return member }
        let name = key.stringValue
        let member = child(key, field: field.isEmpty ? name : field + "." + name)
        members[name] = member
        shape = .object(members)
        return member
    }

    /// Makes the value an object, with no members yet.
    func becomeObject() {
        if case .object = shape { return }
        shape = .object([:])
    }

    /// The element of the array, made an array first if the value is not one yet.
    var element: RecordedValue {
        if case .array(let element) = shape { return element }
        let element = child(JSONCodingKey(index: 0), field: field + "[]")
        shape = .array(element: element)
        return element
    }

    private func child(_ key: any CodingKey, field: String) -> RecordedValue {
        var enclosing = enclosingTypes
        if let type { enclosing.insert(ObjectIdentifier(type)) }
        return RecordedValue(codingPath: codingPath + [key], field: field, enclosingTypes: enclosing)
    }

    /// The rule recorded. An object with no members is a plain `"object"`: a dictionary, whose
    /// keys are not known until there is data.
    var rule: InferredRule {
        var rule: InferredRule
        switch shape {
        case .untouched: rule = InferredRule(.plain("any"))
        case .known(let known): rule = known
        case .object(let members) where members.isEmpty: rule = InferredRule(.plain("object"))
        case .object(let members): rule = InferredRule(.object(members.mapValues(\.rule)))
        case .array(let element): rule = InferredRule(.array(element.decodeCount > 0 ? element.rule : nil))
        }
        rule.optional = optional
        rule.nullable = nullable
        return rule
    }
}
