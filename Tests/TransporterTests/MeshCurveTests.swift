import Broker
import Testing
@testable import ZeroMQTransporter

@Suite("ZeroMQ mesh: CURVE", .enabled(if: ZeroMQCurveKeyPair.isAvailable))
struct MeshCurveTests {
    @Test("nodes with the cluster key join; nodes without it, or with another key, cannot")
    func onlyKeyHoldersJoin() async throws {
        let cluster = try ZeroMQCurveKeyPair.generate()
        let other = try ZeroMQCurveKeyPair.generate()
        let a = try await MeshTestNode.start("a", options: MeshTestNode.options { $0.curve = cluster })
        let b = try await MeshTestNode.start("b", options: MeshTestNode.options(seeds: [a.endpoint]) { $0.curve = cluster })
        #expect(await eventually { a.peers == ["b"] && b.peers == ["a"] })
        try b.sendEvent("secret", to: "a")
        #expect(await eventually { a.events(from: "b") == ["secret"] })

        // Knows the server's public key but presents its own client key: refused by ZAP.
        let impostor = try ZeroMQRawPeer(connectTo: a.endpoint, routingID: "impostor", curve: (cluster.publicKey, other))
        defer { impostor.close() }
        impostor.send(.discover, try JSONSerializer().serialize(.discover(DiscoverPacket(sender: "impostor"))))
        #expect(await eventually { a.transporter.rejectedClients >= 1 })

        let plain = try await MeshTestNode.start("plain", seeds: [a.endpoint])
        let stranger = try await MeshTestNode.start("stranger", options: MeshTestNode.options(seeds: [a.endpoint]) { $0.curve = other })
        // A negative: give them a full second (polling) to get anywhere; they must not.
        let joined = await eventually(timeout: .seconds(1)) {
            !plain.packets.isEmpty || !stranger.packets.isEmpty || a.packets.contains { ["plain", "stranger", "impostor"].contains($0.sender) }
        }
        #expect(!joined)
        #expect(a.peers == ["b"])
        #expect(plain.peers.isEmpty && stranger.peers.isEmpty)
        for node in [stranger, plain, b, a] { await node.stop() }
    }

    @Test("a malformed key pair is refused at connect")
    func badKeys() async throws {
        let transporter = ZeroMQTransporter(options: MeshTestNode.options {
            $0.curve = ZeroMQCurveKeyPair(publicKey: "short", secretKey: "short")
        })
        await #expect(throws: BrokerError.self) { try await transporter.connect(nodeID: "x", namespace: "") { _ in } }
    }
}
