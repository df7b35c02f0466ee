/// A service as listed in an `INFO` packet: its identity, settings and the actions and events
/// it offers.
public struct ServiceInfo: Sendable, Hashable {
    public var name: String
    /// `null` for an unversioned service, else a number (`2`) or a string (`"staging"`).
    public var version: JSON
    /// `v2.posts` for numeric version 2, `staging.posts` for version "staging", else `posts`.
    public var fullName: String
    public var settings: JSON
    public var metadata: JSON
    /// Full names of the services this one waits for.
    public var dependencies: [String]
    /// Keyed by full action name.
    public var actions: [String: ActionInfo]
    /// Keyed by event name (patterns allowed).
    public var events: [String: EventInfo]

    public init(
        name: String, version: JSON = .null, fullName: String? = nil, settings: JSON = [:], metadata: JSON = [:],
        dependencies: [String] = [], actions: [String: ActionInfo] = [:], events: [String: EventInfo] = [:]
    ) {
        self.name = name
        self.version = version
        self.fullName = fullName ?? Self.fullName(name: name, version: version)
        self.settings = settings
        self.metadata = metadata
        self.dependencies = dependencies
        self.actions = actions
        self.events = events
    }

    /// Moleculer's full service name: `v<n>.<name>` for a numeric version, `<version>.<name>`
    /// for a string version, the plain name otherwise.
    public static func fullName(name: String, version: JSON) -> String {
        switch version {
        case .int, .double: return "v\(version).\(name)"
        case .string(let label): return "\(label).\(name)"
        default: return name
        }
    }

    /// Decodes a service object. A missing `fullName` is derived from name and version;
    /// `dependencies` may be strings or Moleculer.js `{name, version}` objects.
    public init(json: JSON) throws(BrokerError) {
        let fields = try PacketFields(json, in: "INFO service")
        let version = fields.value("version") ?? .null
        switch version {
        case .null, .int, .double, .string: break
        default:
            throw .invalidPacketData(
                "Invalid 'version' in INFO service: expected number or string, got \(version.typeName).",
                data: ["field": "version", "expected": "number or string", "actual": .string(version.typeName)])
        }
        self.init(
            name: try fields.string("name") ?? "",
            version: version,
            fullName: try fields.string("fullName"),
            settings: fields.value("settings") ?? [:],
            metadata: fields.value("metadata") ?? [:],
            dependencies: try Self.dependencies(fields),
            actions: try fields.objects("actions", ActionInfo.init(json:key:)) ?? [:],
            events: try fields.objects("events", EventInfo.init(json:key:)) ?? [:])
    }

    private static func dependencies(_ fields: PacketFields) throws(BrokerError) -> [String] {
        if let single = fields.value("dependencies")?.stringValue { return [single] }
        var names: [String] = []
        for dependency in try fields.array("dependencies") ?? [] {
            if let name = dependency.stringValue {
                names.append(name)
            } else if let name = dependency["name"]?.stringValue {
                names.append(fullName(name: name, version: dependency["version"] ?? .null))
            } else {
                throw .invalidPacketData(
                    "Invalid 'dependencies' in INFO service: expected service names, got \(dependency.typeName).",
                    data: ["field": "dependencies", "expected": "string", "actual": .string(dependency.typeName)])
            }
        }
        return names
    }

    /// The service object.
    public var json: JSON {
        [
            "name": .string(name),
            "version": version,
            "fullName": .string(fullName),
            "settings": settings,
            "metadata": metadata,
            "dependencies": .array(dependencies.map(JSON.string)),
            "actions": .object(actions.mapValues(\.json)),
            "events": .object(events.mapValues(\.json)),
        ]
    }
}
