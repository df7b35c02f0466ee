/// Per-action caching: which params/meta keys make the cache key (all params when nil; a
/// `#name` key reads meta), and how long an entry lives (the cacher's default when nil).
public struct CacheOptions: Sendable, Hashable {
    public var keys: [String]?
    public var ttl: Duration?

    public init(keys: [String]? = nil, ttl: Duration? = nil) {
        self.keys = keys
        self.ttl = ttl
    }

    /// Reads the options as published in INFO: `true`, or `{keys, ttl}` (ttl in seconds).
    public init?(json: JSON) {
        switch json {
        case .bool(true): self.init()
        case .object(let fields):
            self.init(
                keys: fields["keys"]?.arrayValue?.compactMap(\.stringValue),
                ttl: fields["ttl"]?.doubleValue.map { .milliseconds(Int64($0 * 1000)) })
        default: return nil
        }
    }

    var json: JSON {
        var fields: [String: JSON] = [:]
        if let keys { fields["keys"] = .array(keys.map(JSON.string)) }
        if let ttl { fields["ttl"] = .double(Double(ttl.milliseconds) / 1000) }
        return fields.isEmpty ? .bool(true) : .object(fields)
    }

    /// `<action>:<key values>`, as Moleculer builds keys.
    func key(action: String, params: JSON, meta: [String: JSON]) -> String {
        guard let keys else { return "\(action):\(params)" }
        let parts = keys.map { key -> String in
            let value = key.hasPrefix("#") ? meta[String(key.dropFirst())] : params.value(atPath: key)
            return value.map(\.description) ?? "undefined"
        }
        return "\(action):\(parts.joined(separator: "|"))"
    }
}

/// The broker's memory cacher: how many entries it keeps and their default lifetime.
public struct CacherOptions: Sendable, Hashable {
    public var maxEntries: Int
    /// nil keeps entries until evicted or cleaned.
    public var ttl: Duration?

    public init(maxEntries: Int = 1000, ttl: Duration? = nil) {
        self.maxEntries = maxEntries
        self.ttl = ttl
    }
}
