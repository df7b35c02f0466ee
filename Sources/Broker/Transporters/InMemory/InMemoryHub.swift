import Synchronization

/// A process-local message hub that several brokers share through their `InMemoryTransporter`s.
/// Every packet really goes through the serializer. Tests use its switches to drop, delay and
/// partition traffic, or to silence a node as if it had crashed.
public final class InMemoryHub: Sendable {
    struct Mailbox: Sendable {
        let nodeID: String
        let namespace: String
        let deliver: @Sendable (TransportPacket) -> Void
    }

    struct State {
        /// By attachment id: two transporters may claim one nodeID (a conflict tests want to see).
        var mailboxes: [Int: Mailbox] = [:]
        var nextMailbox = 0
        var rules: [Int: TrafficRule] = [:]
        var nextRuleID = 0
        var delivered: [PacketType: Int] = [:]
        var dropped = 0
    }

    private let state = Mutex(State())
    let clock: any BrokerClock

    /// `clock` times the `delay` switch.
    public init(clock: any BrokerClock = SystemClock()) {
        self.clock = clock
    }

    /// A new transporter on this hub, for one broker.
    public func transporter() -> InMemoryTransporter {
        InMemoryTransporter(hub: self)
    }

    /// Attaches a mailbox; returns its attachment id.
    func attach(_ mailbox: Mailbox) -> Int {
        state.withLock { state in
            state.nextMailbox += 1
            state.mailboxes[state.nextMailbox] = mailbox
            return state.nextMailbox
        }
    }

    func detach(_ attachment: Int) {
        state.withLock { _ = $0.mailboxes.removeValue(forKey: attachment) }
    }

    /// Routes a packet from the attachment `origin` (node `sender`) to its target node, or to
    /// every other attachment of the namespace.
    func route(_ packet: TransportPacket, from sender: String, origin: Int?, namespace: String) {
        let plan: [(Mailbox, Duration?)] = state.withLock { state in
            let targets = state.mailboxes.filter { key, mailbox in
                guard mailbox.namespace == namespace, key != origin else { return false }
                return packet.target.map { $0 == mailbox.nodeID } ?? true
            }.map(\.value)
            var plan: [(Mailbox, Duration?)] = []
            for mailbox in targets {
                let target = mailbox.nodeID
                let matching = state.rules.values.filter { $0.applies(from: sender, to: target, type: packet.type) }
                if matching.contains(where: { $0.action == .drop }) {
                    state.dropped += 1
                    continue
                }
                state.delivered[packet.type, default: 0] += 1
                let delay = matching.compactMap { rule -> Duration? in
                    if case .delay(let duration) = rule.action { return duration }
                    return nil
                }.max()
                plan.append((mailbox, delay))
            }
            return plan
        }
        for (mailbox, delay) in plan {
            if let delay {
                let clock = self.clock
                Task {
                    try? await clock.sleep(for: delay)
                    mailbox.deliver(packet)
                }
            } else {
                mailbox.deliver(packet)
            }
        }
    }

    func namespaceOf(_ nodeID: String) -> String {
        state.withLock { $0.mailboxes.values.first { $0.nodeID == nodeID }?.namespace ?? "" }
    }

    /// Packets delivered so far, by type.
    public func deliveredCount(_ type: PacketType) -> Int {
        state.withLock { $0.delivered[type, default: 0] }
    }

    /// Packets dropped by the switches so far.
    public var droppedCount: Int { state.withLock { $0.dropped } }

    func addRule(_ rule: TrafficRule) -> TrafficRule.ID {
        state.withLock { state in
            state.nextRuleID += 1
            state.rules[state.nextRuleID] = rule
            return TrafficRule.ID(value: state.nextRuleID)
        }
    }

    /// Removes one switch.
    public func remove(_ id: TrafficRule.ID) {
        state.withLock { _ = $0.rules.removeValue(forKey: id.value) }
    }

    /// Removes every switch: the network is whole again.
    public func heal() {
        state.withLock { $0.rules.removeAll() }
    }
}
