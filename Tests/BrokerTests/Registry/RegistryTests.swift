@testable import Broker
import Testing

/// Tier 0: the registry as a pure value, driven by packets and time, no I/O.
@Suite("Registry (pure)")
struct RegistryTests {

    static func info(_ sender: String, instance: String = "i1", seq: Int = 1, services: [ServiceInfo]) -> InfoPacket {
        InfoPacket(
            sender: sender, services: services, ipList: [], hostname: nil, client: ClientInfo(type: "swift"), config: [:],
            instanceID: instance, metadata: [:], seq: seq)
    }

    static func math(_ actions: [String] = ["add"], events: [String: EventInfo] = [:], visibility: String? = nil) -> ServiceInfo {
        var infos: [String: ActionInfo] = [:]
        for name in actions {
            infos["math.\(name)"] = ActionInfo(name: "math.\(name)", rawName: name, params: nil, timeout: nil, visibility: visibility, extra: [:])
        }
        return ServiceInfo(
            name: "math", version: .null, fullName: "math", settings: [:], metadata: [:], dependencies: [], actions: infos, events: events)
    }

    func registry() -> Registry {
        Registry(localNodeID: "me", instanceID: "mine", defaultStrategy: .roundRobin, seed: 1, now: .zero)
    }

    @Test("an INFO from a new node connects it and adds its endpoints")
    func infoConnects() {
        var registry = registry()
        let directives = registry.take(Self.info("n1", services: [Self.math()]), now: .seconds(1))
        #expect(directives == [.nodeConnected("n1", reconnected: false), .servicesChanged(localOnly: false)])
        #expect(registry.actions["math.add"]?.map(\.nodeID) == ["n1"])
        #expect(registry.hasServices(["math"]))
    }

    @Test("the same INFO again changes nothing; a new seq replaces the endpoints")
    func infoIdempotentAndUpdates() {
        var registry = registry()
        _ = registry.take(Self.info("n1", services: [Self.math()]), now: .zero)
        #expect(registry.take(Self.info("n1", services: [Self.math()]), now: .zero).isEmpty)
        let update = registry.take(Self.info("n1", seq: 2, services: [Self.math(["sub"])]), now: .zero)
        #expect(update == [.nodeUpdated("n1"), .servicesChanged(localOnly: false)])
        #expect(registry.actions["math.add"] == nil)
        #expect(registry.actions["math.sub"]?.count == 1)
    }

    @Test("a restarted node (new instanceID) has its old pending requests rejected")
    func restartRejectsPending() {
        var registry = registry()
        _ = registry.take(Self.info("n1", services: [Self.math()]), now: .zero)
        let directives = registry.take(Self.info("n1", instance: "i2", services: [Self.math()]), now: .zero)
        #expect(directives.contains(.rejectPending(nodeID: "n1")))
    }

    @Test("our own nodeID with another instanceID is a conflict")
    func conflict() {
        var registry = registry()
        #expect(registry.take(Self.info("me", instance: "other", services: []), now: .zero) == [.nodeIDConflict("me")])
        #expect(registry.take(Self.info("me", instance: "mine", services: []), now: .zero).isEmpty)
    }

    @Test("silence past the heartbeat timeout takes a node offline; heartbeats keep it; long-gone nodes are forgotten")
    func liveness() {
        var registry = registry()
        _ = registry.take(Self.info("n1", services: [Self.math()]), now: .zero)
        _ = registry.take(Self.info("n2", services: []), now: .zero)
        #expect(registry.processHeartbeat(sender: "n2", cpu: 12, now: .seconds(10)).isEmpty)
        let directives = registry.checkLiveness(now: .seconds(16), timeout: .seconds(15), forgetAfter: .seconds(60))
        #expect(directives == [.nodeDisconnected("n1", unexpected: true), .rejectPending(nodeID: "n1"), .servicesChanged(localOnly: false)])
        #expect(registry.nodes["n1"]?.available == false)
        #expect(registry.nodes["n2"]?.cpu == 12)
        #expect(registry.actions["math.add"] == nil)
        _ = registry.checkLiveness(now: .seconds(100), timeout: .seconds(1000), forgetAfter: .seconds(60))
        #expect(registry.nodes["n1"] == nil)
    }

    @Test("a heartbeat from an unknown or offline node asks it for INFO")
    func heartbeatFromStranger() {
        var registry = registry()
        #expect(registry.processHeartbeat(sender: "ghost", cpu: nil, now: .zero) == [.sendDiscover(to: "ghost")])
    }

    @Test("DISCONNECT removes a node at once, expectedly")
    func disconnect() {
        var registry = registry()
        _ = registry.take(Self.info("n1", services: [Self.math()]), now: .zero)
        #expect(registry.processDisconnect(sender: "n1", now: .seconds(1)).first == .nodeDisconnected("n1", unexpected: false))
        #expect(registry.processDisconnect(sender: "n1", now: .seconds(2)).isEmpty)
    }

    @Test("protected actions of other nodes are not callable from here")
    func visibility() {
        var registry = registry()
        _ = registry.take(Self.info("n1", services: [Self.math(visibility: "protected")]), now: .zero)
        #expect(registry.actions["math.add"] == nil)
    }

    @Test("balanced emit picks one node per group, round robin; broadcast lists every subscribed node")
    func eventTargets() {
        var registry = registry()
        for node in ["n1", "n2"] {
            _ = registry.take(Self.info(node, services: [Self.math(events: ["order.*": EventInfo(name: "order.*", group: "mail")])]), now: .zero)
        }
        let first = registry.emitTargets("order.paid", groups: nil, preferLocal: true)
        let second = registry.emitTargets("order.paid", groups: nil, preferLocal: true)
        #expect(first.values.flatMap { $0 } == ["mail"])
        #expect(Set(first.keys).union(second.keys) == ["n1", "n2"])
        #expect(registry.emitTargets("order.paid", groups: ["other"], preferLocal: true).isEmpty)
        #expect(registry.broadcastTargets("order.paid", groups: nil) == ["n1", "n2"])
        #expect(registry.broadcastTargets("user.created", groups: nil).isEmpty)
    }
}

extension Registry {
    /// Processes `info` as the broker does, with handlers that answer null.
    mutating func take(_ info: InfoPacket, now: Duration) -> [RegistryDirective] {
        let endpoints = Registry.remoteActions(of: info).map { ActionEndpoint(definition: $0, handler: { _ in .null }) }
        return processInfo(info, endpoints: endpoints, now: now)
    }
}
