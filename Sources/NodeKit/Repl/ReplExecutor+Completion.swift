import Broker

/// The names Tab completes, from what this node knows of the cluster (`$node.actions`,
/// `$node.events`, `$node.list`).
extension ReplExecutor {
    /// A completer with the cluster's available actions, events and nodes now; a listing that
    /// fails leaves its names out.
    public func completer() async -> ReplCompleter {
        ReplCompleter(
            actions: await names("$node.actions", key: "name"), events: await names("$node.events", key: "name"),
            nodes: await names("$node.list", key: "id"))
    }

    private func names(_ action: String, key: String) async -> [String] {
        let items = (try? await broker.call(action, ["onlyAvailable": true]))?.arrayValue ?? []
        return items.compactMap { $0[key]?.stringValue }
    }
}
