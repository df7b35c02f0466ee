/// The parts of a call a load-balancing strategy may look at: its params and meta.
/// Only the shard strategy reads them, to find the shard key.
public struct SelectionContext: Sendable {
    /// The call's params.
    public var params: JSON
    /// The call's meta.
    public var meta: [String: JSON]

    public init(params: JSON = .null, meta: [String: JSON] = [:]) {
        self.params = params
        self.meta = meta
    }
}
