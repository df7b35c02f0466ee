/// Typed reads of a payload object's members, shared by the packets' `init(json:)`.
///
/// Liberal where peers differ, strict where a peer is broken: a missing or `null` member reads
/// as `nil` (the caller supplies the default), a float is accepted where a number is expected
/// and an integral float where an int is expected, unknown members are ignored. A member of the
/// wrong type (`level: "x"`) throws `InvalidPacketDataError` naming the field, so the packet is
/// dropped rather than misread.
struct PacketFields {
    private let members: Members
    /// What is being read, for error messages: `"REQ"`, `"INFO service"`, ...
    let context: String

    init(_ json: JSON, in context: String) throws(BrokerError) {
        guard let members = json.objectValue else {
            throw .invalidPacketData(
                "Invalid \(context): expected an object, got \(json.typeName).",
                data: ["expected": "object", "actual": .string(json.typeName)])
        }
        self.members = .dictionary(members)
        self.context = context
    }

    /// A top-level payload as parsed by `JSONParser.parseMembers`: no dictionary is built.
    init(_ members: JSONMembers, in context: String) {
        self.members = .list(members)
        self.context = context
    }

    private enum Members {
        case dictionary([String: JSON])
        case list(JSONMembers)
    }

    /// Every member, as a dictionary.
    var all: [String: JSON] {
        switch members {
        case .dictionary(let members): members
        case .list(let members): members.dictionary
        }
    }

    /// The member `key`, or `nil` when missing or `null`.
    func value(_ key: String) -> JSON? {
        let value: JSON?
        switch members {
        case .dictionary(let members): value = members[key]
        case .list(let members): value = members[key]
        }
        guard let value, !value.isNull else { return nil }
        return value
    }

    func string(_ key: String) throws(BrokerError) -> String? {
        try read(key, as: "string") { $0.stringValue }
    }

    func int(_ key: String) throws(BrokerError) -> Int? {
        try read(key, as: "integer") { $0.intValue }
    }

    func double(_ key: String) throws(BrokerError) -> Double? {
        try read(key, as: "number") { $0.doubleValue }
    }

    func bool(_ key: String) throws(BrokerError) -> Bool? {
        try read(key, as: "boolean") { $0.boolValue }
    }

    func object(_ key: String) throws(BrokerError) -> [String: JSON]? {
        try read(key, as: "object") { $0.objectValue }
    }

    func array(_ key: String) throws(BrokerError) -> [JSON]? {
        try read(key, as: "array") { $0.arrayValue }
    }

    func strings(_ key: String) throws(BrokerError) -> [String]? {
        try read(key, as: "array of strings") { value in
            guard let elements = value.arrayValue else { return nil }
            let strings = elements.compactMap(\.stringValue)
            return strings.count == elements.count ? strings : nil
        }
    }

    /// An object member, decoded by `decode`.
    func object<T>(_ key: String, _ decode: (JSON) throws(BrokerError) -> T) throws(BrokerError) -> T? {
        guard let members = try object(key) else { return nil }
        return try decode(.object(members))
    }

    /// An object member whose values are decoded by `decode(value, key)`.
    func objects<T>(_ key: String, _ decode: (JSON, String) throws(BrokerError) -> T) throws(BrokerError) -> [String: T]? {
        guard let members = try object(key) else { return nil }
        var result: [String: T] = [:]
        for (name, value) in members {
            result[name] = try decode(value, name)
        }
        return result
    }

    private func read<T>(_ key: String, as expected: String, _ convert: (JSON) -> T?) throws(BrokerError) -> T? {
        guard let value = value(key) else { return nil }
        guard let converted = convert(value) else {
            throw .invalidPacketData(
                "Invalid '\(key)' in \(context): expected \(expected), got \(value.typeName).",
                data: ["field": .string(key), "expected": .string(expected), "actual": .string(value.typeName)])
        }
        return converted
    }
}
