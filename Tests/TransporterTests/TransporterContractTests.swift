import Broker
import Testing

/// Tier 2: the behaviour every transporter must have, run unchanged over each transport.
@Suite("Transporter contract", .timeLimit(.minutes(2)))
struct TransporterContractTests {
    @Test("targeted packets arrive at their target only, in order", arguments: TransportKind.allCases)
    func targeted(_ kind: TransportKind) async throws {
        let nodes = try await contractCluster(kind, count: 3)
        for index in 0..<50 { try nodes[0].send(.event(EventPacket(sender: "node-0", id: "\(index)", event: "e\(index)")), to: "node-1") }
        #expect(await eventually { nodes[1].events(from: "node-0").count == 50 })
        #expect(nodes[1].events(from: "node-0").map(\.event) == (0..<50).map { "e\($0)" })
        #expect(nodes[2].events(from: "node-0").isEmpty)
        for node in nodes { await node.transporter.disconnect() }
    }

    @Test("a broadcast reaches every other node exactly once, not the sender", arguments: TransportKind.allCases)
    func broadcast(_ kind: TransportKind) async throws {
        let nodes = try await contractCluster(kind, count: 3)
        // Broadcast types are the cluster-wide ones (EVENTs always name their target node).
        try nodes[2].send(.heartbeat(HeartbeatPacket(sender: "node-2", cpu: 12)), to: nil)
        #expect(await eventually { nodes[0].heartbeats(from: "node-2") == 1 && nodes[1].heartbeats(from: "node-2") == 1 })
        try await Task.sleep(for: .milliseconds(200))
        #expect(nodes[0].heartbeats(from: "node-2") == 1)
        #expect(nodes[1].heartbeats(from: "node-2") == 1)
        #expect(nodes[2].heartbeats(from: "node-2") == 0)
        for node in nodes { await node.transporter.disconnect() }
    }

    @Test("a large payload arrives intact", arguments: TransportKind.allCases)
    func largePayload(_ kind: TransportKind) async throws {
        let nodes = try await contractCluster(kind, count: 2)
        let text = String(repeating: "quark ", count: 40_000)
        try nodes[0].send(.event(EventPacket(sender: "node-0", id: "big", event: "big", data: .string(text))), to: "node-1")
        #expect(await eventually { nodes[1].events(from: "node-0").first?.data == .string(text) })
        for node in nodes { await node.transporter.disconnect() }
    }

    @Test("after disconnect, sending fails with BrokerDisconnectedError and the others carry on", arguments: TransportKind.allCases)
    func disconnect(_ kind: TransportKind) async throws {
        let nodes = try await contractCluster(kind, count: 3)
        await nodes[1].transporter.disconnect()
        let error = #expect(throws: BrokerError.self) {
            try nodes[1].send(.event(EventPacket(sender: "node-1", id: "x", event: "x")), to: "node-0")
        }
        #expect(error?.code == .brokerDisconnected)
        try nodes[0].send(.event(EventPacket(sender: "node-0", id: "y", event: "still")), to: "node-2")
        #expect(await eventually { nodes[2].events(from: "node-0").map(\.event) == ["still"] })
        await nodes[0].transporter.disconnect()
        await nodes[2].transporter.disconnect()
    }
}
