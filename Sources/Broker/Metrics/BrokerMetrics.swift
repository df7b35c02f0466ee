import Metrics
import Synchronization

/// The broker's measurements: reported through swift-metrics, and kept in memory for
/// `$node.metrics`.
final class BrokerMetrics: Sendable {
    private let factory: any MetricsFactory
    private let actions = Mutex<[String: ActionMetrics]>([:])
    private let events = Mutex<[String: Int]>([:])
    private let packetsSent: [PacketType: CountingCounter]
    private let packetsReceived: [PacketType: CountingCounter]
    private let dropped: Counter
    private let droppedCount = Atomic<Int>(0)
    let nodesOnline: Gauge

    init(factory: (any MetricsFactory)?) {
        let factory = factory ?? MetricsSystem.factory
        self.factory = factory
        func counters(_ label: String) -> [PacketType: CountingCounter] {
            var map: [PacketType: CountingCounter] = [:]
            for type in PacketType.allCases {
                map[type] = CountingCounter(Counter(label: label, dimensions: [("type", type.rawValue)], factory: factory))
            }
            return map
        }
        packetsSent = counters("quark_transit_packets_sent_total")
        packetsReceived = counters("quark_transit_packets_received_total")
        dropped = Counter(label: "quark_transit_packets_dropped_total", factory: factory)
        nodesOnline = Gauge(label: "quark_registry_nodes_online", factory: factory)
    }

    /// The metrics of one action on one side (`local`: handled here; `remote`: called from here).
    /// The metrics factory (user code) runs outside the lock; when two callers race, the first
    /// one stored wins.
    func action(_ name: String, side: String) -> ActionMetrics {
        let key = "\(side)|\(name)"
        if let existing = actions.withLock({ $0[key] }) { return existing }
        let created = ActionMetrics(action: name, side: side, factory: factory)
        return actions.withLock { actions in
            if let existing = actions[key] { return existing }
            actions[key] = created
            return created
        }
    }

    func packetSent(_ type: PacketType) {
        packetsSent[type]?.increment()
    }

    func packetReceived(_ type: PacketType) {
        packetsReceived[type]?.increment()
    }

    func packetDropped() {
        dropped.increment()
        droppedCount.add(1, ordering: .relaxed)
    }

    func eventEmitted(_ name: String) {
        events.withLock { $0[name, default: 0] += 1 }
    }

    /// Everything measured so far, as `$node.metrics` returns it.
    var snapshot: JSON {
        let actionList = actions.withLock { Array($0.values) }.sorted { ($0.action, $0.side) < ($1.action, $1.side) }
        func packets(_ map: [PacketType: CountingCounter]) -> JSON {
            .object(Dictionary(uniqueKeysWithValues: map.map { ($0.key.rawValue, JSON.int($0.value.value)) }))
        }
        return [
            "requests": .array(actionList.map(\.snapshot)),
            "events": .object(events.withLock { $0.mapValues(JSON.int) }),
            "packets": ["sent": packets(packetsSent), "received": packets(packetsReceived), "dropped": .int(droppedCount.load(ordering: .relaxed))],
        ]
    }
}

/// A swift-metrics counter that also keeps its value for `$node.metrics`.
final class CountingCounter: Sendable {
    private let counter: Counter
    private let count = Atomic<Int>(0)

    init(_ counter: Counter) {
        self.counter = counter
    }

    func increment() {
        counter.increment()
        count.add(1, ordering: .relaxed)
    }

    var value: Int { count.load(ordering: .relaxed) }
}
