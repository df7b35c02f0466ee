import Broker

/// `nodes`, `services`, `actions`, `events` and `info`: tables, or JSON with `-d`.
extension ReplExecutor {
    func nodes(_ options: ReplListingOptions) async {
        guard var nodes = await nodeAction("$node.list", ["onlyAvailable": .bool(!options.all)]) else { return }
        if let filter = options.filter.map(WildcardPattern.init) {
            nodes = nodes.filter { filter.matches($0["id"]?.stringValue ?? "") }
        }
        if options.details { return printer.json(.array(nodes)) }
        printer.table(["Node ID", "Services", "Client", "Hostname", "State", "CPU"], nodes.map { node in
            let local = node["local"]?.boolValue == true ? " (*)" : ""
            let client = node["client"].map { "\($0["type"]?.stringValue ?? "?") \($0["version"]?.stringValue ?? "")" }
            return [
                (node["id"]?.stringValue ?? "?") + local, "\(node["services"]?.arrayValue?.count ?? 0)",
                client ?? "?", node["hostname"]?.stringValue ?? "", node["available"]?.boolValue == true ? "ONLINE" : "OFFLINE",
                node["cpu"]?.doubleValue.map { "\(Int($0.rounded())) %" } ?? "?",
            ]
        })
    }

    func listing(_ kind: ReplCommand.Kind, _ options: ReplListingOptions) async {
        let params: JSON = [
            "onlyLocal": .bool(options.onlyLocal), "skipInternal": .bool(options.skipInternal), "onlyAvailable": .bool(!options.all),
        ]
        guard var items = await nodeAction("$node.\(kind.rawValue)", params) else { return }
        if let filter = options.filter.map(WildcardPattern.init) {
            let key = kind == .services ? "fullName" : "name"
            items = items.filter { filter.matches($0[key]?.stringValue ?? "") }
        }
        if options.details { return printer.json(.array(items)) }
        let text = { (item: JSON, key: String) in item[key]?.stringValue ?? "" }
        let count = { (item: JSON, key: String) in "\(item[key]?.arrayValue?.count ?? 0)" }
        let state = { (item: JSON) in item["available"]?.boolValue == false ? "UNAVAILABLE" : "OK" }
        switch kind {
        case .services:
            printer.table(["Service", "Version", "State", "Actions", "Events", "Nodes"], items.map { item in
                let version = item["version"].flatMap { $0.isNull ? nil : $0.description } ?? "-"
                return [text(item, "fullName"), version, state(item), count(item, "actions"), count(item, "events"), count(item, "nodes")]
            })
        case .actions:
            printer.table(["Action", "Nodes", "State", "Local"], items.map { item in
                [text(item, "name"), count(item, "endpoints"), state(item), item["hasLocal"]?.boolValue == true ? "yes" : "no"]
            })
        default:
            printer.table(["Event", "Group", "Nodes", "Local"], items.map { item in
                [text(item, "name"), text(item, "group"), count(item, "endpoints"), item["hasLocal"]?.boolValue == true ? "yes" : "no"]
            })
        }
    }

    /// This node: its ID, namespace, and `$node.health`.
    func info() async {
        var fields: [String: JSON] = ["nodeID": .string(broker.nodeID), "namespace": .string(broker.namespace)]
        do {
            fields["health"] = try await broker.call("$node.health")
        } catch {
            printer.error((error as? BrokerError) ?? .wrapping(error))
        }
        printer.json(.object(fields))
    }
}
