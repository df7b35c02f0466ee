/// A fault switch on the hub: which packets it matches and what it does to them.
public struct TrafficRule: Sendable {
    public struct ID: Hashable, Sendable { let value: Int }

    enum Action: Equatable, Sendable {
        case drop
        case delay(Duration)
    }

    let from: Set<String>?
    let to: Set<String>?
    let types: Set<PacketType>?
    let action: Action
    let bothWays: Bool

    func applies(from sender: String, to target: String, type: PacketType) -> Bool {
        if let types, !types.contains(type) { return false }
        if matches(sender, target) { return true }
        return bothWays && matches(target, sender)
    }

    private func matches(_ sender: String, _ target: String) -> Bool {
        (from?.contains(sender) ?? true) && (to?.contains(target) ?? true)
    }
}

extension InMemoryHub {
    /// Drops packets from `from` to `to` (nil = any node), of `types` (nil = all types).
    @discardableResult
    public func drop(from: Set<String>? = nil, to: Set<String>? = nil, types: Set<PacketType>? = nil) -> TrafficRule.ID {
        addRule(TrafficRule(from: from, to: to, types: types, action: .drop, bothWays: false))
    }

    /// Delays packets from `from` to `to` by `duration` on the hub's clock.
    @discardableResult
    public func delay(
        _ duration: Duration, from: Set<String>? = nil, to: Set<String>? = nil, types: Set<PacketType>? = nil
    ) -> TrafficRule.ID {
        addRule(TrafficRule(from: from, to: to, types: types, action: .delay(duration), bothWays: false))
    }

    /// Cuts all traffic between the two sides, both ways.
    @discardableResult
    public func partition(_ side: Set<String>, _ other: Set<String>) -> TrafficRule.ID {
        addRule(TrafficRule(from: side, to: other, types: nil, action: .drop, bothWays: true))
    }

    /// Silences a node both ways, as if its process had been killed: no DISCONNECT is sent.
    @discardableResult
    public func isolate(_ nodeID: String) -> TrafficRule.ID {
        addRule(TrafficRule(from: [nodeID], to: nil, types: nil, action: .drop, bothWays: true))
    }
}

extension InMemoryHub {
    /// Delivers raw bytes to `target` as if a peer had sent them (malformed-packet tests).
    public func inject(_ type: PacketType, payload: [UInt8], to target: String) {
        route(TransportPacket(type: type, target: target, payload: payload), from: "injector", origin: nil, namespace: namespaceOf(target))
    }
}
