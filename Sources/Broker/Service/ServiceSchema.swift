/// A service: a named, optionally versioned group of actions and event handlers.
public struct ServiceSchema: Sendable {
    public var name: String
    public var version: ServiceVersion?
    /// Published to every node in INFO, except the keys listed in `settings["$secureSettings"]`
    /// (Moleculer's convention): `["$secureSettings": ["apiKey"], "apiKey": "…", "currency": "EUR"]`.
    public var settings: JSON
    public var metadata: JSON
    /// Services (full names) that must be available before `started` runs.
    public var dependencies: [String]
    public var actions: [ActionSchema]
    public var events: [EventSchema]
    public var started: (@Sendable (ServiceBroker) async throws -> Void)?
    public var stopped: (@Sendable (ServiceBroker) async throws -> Void)?

    public init(
        name: String, version: ServiceVersion? = nil, settings: JSON = [:], metadata: JSON = [:],
        dependencies: [String] = [], actions: [ActionSchema] = [], events: [EventSchema] = [],
        started: (@Sendable (ServiceBroker) async throws -> Void)? = nil,
        stopped: (@Sendable (ServiceBroker) async throws -> Void)? = nil
    ) {
        self.name = name
        self.version = version
        self.settings = settings
        self.metadata = metadata
        self.dependencies = dependencies
        self.actions = actions
        self.events = events
        self.started = started
        self.stopped = stopped
    }

    /// `settings` as other nodes see them: without the keys `$secureSettings` lists.
    public var publishedSettings: JSON {
        guard case .object(var members) = settings, let secure = members["$secureSettings"]?.arrayValue else { return settings }
        for key in secure { if let key = key.stringValue { members[key] = nil } }
        return .object(members)
    }

    /// `v2.posts` for version 2, `staging.posts` for version "staging", plain `posts` without one.
    public var fullName: String {
        guard let version else { return name }
        return "\(version.prefix).\(name)"
    }
}

/// A service version: a number (`v2.posts`) or a string (`staging.posts`).
public struct ServiceVersion: Sendable, Hashable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public let json: JSON

    public init(integerLiteral value: Int) { json = .int(value) }
    public init(stringLiteral value: String) { json = .string(value) }

    /// Reads a version as peers send it: a number, a string, or null for none.
    public init?(json: JSON) {
        switch json {
        case .int, .string: self.json = json
        case .double(let value) where value.rounded() == value: self.json = .int(Int(value))
        default: return nil
        }
    }

    var prefix: String {
        switch json {
        case .int(let number): return "v\(number)"
        case .string(let text): return text
        default: return json.description
        }
    }
}
