import Broker

/// JSON as the REPL shows it: two-space indents, sorted keys and, on a terminal, ANSI colours
/// (keys cyan, strings green, numbers yellow, booleans magenta, null grey).
public struct ReplJSONFormatter: Sendable {
    public var colored: Bool

    public init(colored: Bool) {
        self.colored = colored
    }

    public func format(_ value: JSON) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    /// `text` in the ANSI colour `code` when colouring, else as is.
    public func paint(_ text: String, _ code: Int) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func write(_ value: JSON, indent: Int, into out: inout String) {
        let inner = String(repeating: "  ", count: indent + 1)
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                write(item, indent: indent + 1, into: &out)
                out += index < items.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                out += inner + paint(JSON.string(key).description, 36) + ": "
                write(members[key] ?? .null, indent: indent + 1, into: &out)
                out += index < keys.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        case .string: out += paint(value.description, 32)
        case .int, .double: out += paint(value.description, 33)
        case .bool: out += paint(value.description, 35)
        case .null: out += paint(value.description, 90)
        case .array, .object: out += value.description
        }
    }
}
