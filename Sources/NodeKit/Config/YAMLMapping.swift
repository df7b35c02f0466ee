import Yams

/// The entries of one YAML mapping, with its field path, as checked by ``YAMLReader``.
struct YAMLMapping {
    /// The mapping node itself (its line is used for missing keys).
    let node: Node
    /// The mapping's field path; empty at the top level.
    let field: String
    let entries: [String: (key: Node, value: Node)]

    /// The field path of `key` inside this mapping.
    func path(_ key: String) -> String {
        field.isEmpty ? key : "\(field).\(key)"
    }

    /// The value of `key`; `nil` when absent or written as `~` / `null`.
    subscript(key: String) -> Node? {
        guard let value = entries[key]?.value,
            value.tag.rawValue != Tag.Name.null.rawValue
        else { return nil }
        return value
    }

    /// The value of a key that must be there.
    func required(_ key: String, _ reader: YAMLReader, meaning: String) throws(ConfigError) -> Node {
        guard let value = self[key] else {
            throw reader.error(at: entries[key]?.value ?? node, path(key), "missing (\(meaning))")
        }
        return value
    }
}
