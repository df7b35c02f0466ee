/// The switches of `nodes`, `services`, `actions` and `events`.
public struct ReplListingOptions: Sendable, Equatable {
    /// `-a`, `--all`: offline nodes and unavailable endpoints too.
    public var all = false
    /// `-d`, `--details`: the detailed listing.
    public var details = false
    /// `-f`, `--filter <pattern>`: names matching a wildcard pattern (`math.*`).
    public var filter: String?
    /// `-l`, `--local`: this node's only.
    public var onlyLocal = false
    /// `-i`, `--skipinternal`: leave out `$node` and other internal services.
    public var skipInternal = false

    public init() {}
}
