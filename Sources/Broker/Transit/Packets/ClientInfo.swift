/// The `client` of an `INFO` packet: which Moleculer implementation a node runs.
public struct ClientInfo: Sendable, Hashable {
    /// The implementation: `"swift"` for Quark, `"nodejs"`, `"python"`, ...
    public var type: String?
    /// The implementation's version (MoleculerPy omits it).
    public var version: String?
    /// The language runtime's version.
    public var langVersion: String?

    public init(type: String? = nil, version: String? = nil, langVersion: String? = nil) {
        self.type = type
        self.version = version
        self.langVersion = langVersion
    }

    /// Decodes a `client` object; every field is optional.
    public init(json: JSON) throws(BrokerError) {
        let fields = try PacketFields(json, in: "INFO client")
        self.init(
            type: try fields.string("type"), version: try fields.string("version"),
            langVersion: try fields.string("langVersion"))
    }

    /// The `client` object; absent fields are omitted.
    public var json: JSON {
        var object: [String: JSON] = [:]
        object["type"] = type.map(JSON.string)
        object["version"] = version.map(JSON.string)
        object["langVersion"] = langVersion.map(JSON.string)
        return .object(object)
    }
}
