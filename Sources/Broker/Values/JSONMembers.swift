/// The members of a JSON object in document order, as parsed: the cheap form for reading a few
/// known members once (a packet's top level), with no hashing. A repeated key: the last wins,
/// as in the dictionary form.
struct JSONMembers: Sendable {
    let keys: [String]
    let values: [JSON]

    /// The value of the last member named `key`.
    subscript(key: String) -> JSON? {
        guard let index = keys.lastIndex(of: key) else { return nil }
        return values[index]
    }

    /// The dictionary form, `JSON.object`'s payload.
    var dictionary: [String: JSON] {
        Dictionary(zip(keys, values), uniquingKeysWith: { _, last in last })
    }
}
