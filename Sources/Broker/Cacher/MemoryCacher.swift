import Synchronization

/// An in-memory LRU cache of action results with per-entry expiry.
public final class MemoryCacher: Sendable {
    private struct Entry {
        var value: JSON
        var expires: Duration?
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var tick: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    private let options: CacherOptions
    private let clock: any BrokerClock
    private let state = Mutex(State())

    public init(options: CacherOptions, clock: any BrokerClock = SystemClock()) {
        self.options = options
        self.clock = clock
    }

    /// The cached value, if present and not expired.
    public func get(_ key: String) -> JSON? {
        let now = clock.now
        return state.withLock { state in
            guard var entry = state.entries[key] else {
                state.misses += 1
                return nil
            }
            if let expires = entry.expires, expires <= now {
                state.entries[key] = nil
                state.misses += 1
                return nil
            }
            state.tick += 1
            entry.lastUse = state.tick
            state.entries[key] = entry
            state.hits += 1
            return entry.value
        }
    }

    public func set(_ key: String, _ value: JSON, ttl: Duration? = nil) {
        let expires = (ttl ?? options.ttl).map { clock.now + $0 }
        state.withLock { state in
            state.tick += 1
            state.entries[key] = Entry(value: value, expires: expires, lastUse: state.tick)
            if state.entries.count > options.maxEntries { Self.evict(&state, keep: options.maxEntries) }
        }
    }

    /// Removes the entries whose keys match `pattern` (`*` within a segment, `**` across
    /// segments, as with events); every entry when the pattern is `**`.
    public func clean(_ pattern: String = "**") {
        let matcher = WildcardPattern(pattern)
        state.withLock { state in
            state.entries = state.entries.filter { !matcher.matches($0.key) }
        }
    }

    /// Entries, hits and misses so far.
    public var statistics: (entries: Int, hits: Int, misses: Int) {
        state.withLock { ($0.entries.count, $0.hits, $0.misses) }
    }

    /// Drops the least recently used tenth (at least one entry) once the cache is over its size.
    private static func evict(_ state: inout State, keep: Int) {
        let excess = state.entries.count - keep
        let count = max(excess, keep / 10, 1)
        let victims = state.entries.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(count).map(\.key)
        for key in victims { state.entries[key] = nil }
    }
}
