/// One failed check, kept raw during the walk and worded only when validation has failed.
struct ValidationIssue {
    var type: IssueType
    /// The field path (`"address.city"`, `"items[1].qty"`); empty for the params themselves.
    var field: String
    var wording: RuleWording?
    var expected: JSON?
    var actual: JSON?

    /// The fastest-validator error object: `{type, field, message, expected?, actual?, label?}`.
    var json: JSON {
        var object: [String: JSON] = [
            "type": .string(type.rawValue), "field": .string(field), "message": .string(message),
        ]
        if let expected { object["expected"] = expected }
        if let actual { object["actual"] = actual }
        if let label = wording?.label { object["label"] = .string(label) }
        return .object(object)
    }

    /// The template with `{field}`, `{expected}` and `{actual}` filled in.
    var message: String {
        let template = wording?.messages[type] ?? type.template
        var text = ""
        var rest = Substring(template)
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            text += rest[..<open]
            let name = rest.utf8.index(after: open)
            guard let close = rest.utf8[name...].firstIndex(of: UInt8(ascii: "}")), let value = placeholder(rest[name..<close])
            else {
                text += "{"
                rest = rest[name...]
                continue
            }
            text += value
            rest = rest[rest.utf8.index(after: close)...]
        }
        return text + rest
    }

    private func placeholder(_ name: Substring) -> String? {
        switch name {
        case "field": wording?.label ?? (field.isEmpty ? "params" : field)
        case "expected": expected?.messageText ?? ""
        case "actual": actual?.messageText ?? ""
        default: nil
        }
    }
}
