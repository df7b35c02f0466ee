/// The coding path of a value inside `JSONValueEncoder` or `JSONValueDecoder`, as a linked list:
/// descending into a member costs one small node instead of copying an array of keys, and the
/// array is built only when someone asks for `codingPath`.
indirect enum JSONCodingPath {
    case root
    case child(any CodingKey, parent: JSONCodingPath)

    func appending(_ key: some CodingKey) -> JSONCodingPath {
        .child(key, parent: self)
    }

    func appending(index: Int) -> JSONCodingPath {
        .child(JSONCodingKey(index: index), parent: self)
    }

    /// The keys from the root down to this value.
    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = self
        while case .child(let key, let parent) = node {
            keys.append(key)
            node = parent
        }
        return keys.reversed()
    }
}

/// The keys `JSONValueEncoder` and `JSONValueDecoder` make up themselves: array positions
/// (spelled `Index 3`, as Foundation's coders do) and the `super` member.
struct JSONCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }

    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
    }

    static let superKey = JSONCodingKey(stringValue: "super")
}
