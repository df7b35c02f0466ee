import Broker
import BrokerTesting
import Foundation
import Testing
@testable import NATSTransporter

/// The NATS transporter against a real nats-server on loopback: what the contract suite does
/// not cover (server restarts, several URLs, auth, max payload, a stalled server, namespaces).
@Suite("NATS transporter", .serialized, .timeLimit(.minutes(2)))
struct NATSTransporterTests {
    private func node(_ id: String, _ urls: String..., namespace: String = "contract") async throws -> ContractNode {
        var options = NATSOptions.test()
        options.servers = try urls.map { url throws(BrokerError) in try NATSServerAddress(parsing: url) }
        return try await ContractNode(id, transporter: NATSTransporter(options: options), namespace: namespace)
    }

    private func event(_ from: String, _ name: String) -> Packet {
        .event(EventPacket(sender: from, id: name, event: name))
    }

    @Test("while the server is down packets queue; after it is back both nodes reconnect, subscribe again, and the queue is delivered")
    func reconnect() async throws {
        let server = try await NATSServerProcess()
        // The sender retries every second, the receiver at once: it has subscribed again by the
        // time the sender's queue reaches the server (NATS drops what nobody is subscribed to).
        var slow = NATSOptions.test(server.url)
        (slow.reconnectDelay, slow.reconnectMaxDelay) = (.seconds(1), .seconds(1))
        let a = try await ContractNode("a", transporter: NATSTransporter(options: slow))
        let b = try await node("b", server.url)
        let transporters = [a, b].map { $0.transporter as! NATSTransporter }
        #expect(await eventually { a.knownPeers == ["b"] })
        server.stop()
        #expect(await eventually { transporters.allSatisfy { !$0.isConnected } })
        try a.send(event("a", "while-down"), to: "b")
        try await server.restart()
        #expect(await eventually(timeout: .seconds(15)) { b.events(from: "a").map(\.event) == ["while-down"] })
        #expect(transporters.allSatisfy { $0.isConnected })
        try a.send(event("a", "after"), to: "b")
        #expect(await eventually { b.events(from: "a").map(\.event) == ["while-down", "after"] })
        await a.transporter.disconnect()
        await b.transporter.disconnect()
        #expect(!transporters[0].isConnected)
        server.stop()
    }

    @Test("a dotted nodeID (a hostname) works; one that cannot be a subject is refused")
    func nodeIDs() async throws {
        let server = try await NATSServerProcess()
        let a = try await node("shop.example.com-1", server.url)
        let b = try await node("b", server.url)
        try b.send(event("b", "to-dotted"), to: "shop.example.com-1")
        #expect(await eventually { a.events(from: "b").map(\.event) == ["to-dotted"] })
        for bad in ["a b", "a.*", "x.", "a..b", ">"] {
            await #expect(throws: BrokerError.self) { try await NATSTransporter(options: .test(server.url)).connect(nodeID: bad, namespace: "") { _ in } }
        }
        await a.transporter.disconnect()
        await b.transporter.disconnect()
        server.stop()
    }

    @Test("with several URLs, a dead first server is skipped")
    func severalServers() async throws {
        let server = try await NATSServerProcess()
        let dead = "nats://127.0.0.1:\(freePort())"
        let a = try await node("a", dead, server.url)
        let b = try await node("b", server.url, dead)
        try a.send(event("a", "hi"), to: "b")
        #expect(await eventually { b.events(from: "a").map(\.event) == ["hi"] })
        await a.transporter.disconnect()
        await b.transporter.disconnect()
        server.stop()
    }

    /// Two nats-servers routed into one NATS cluster.
    private func natsCluster() async throws -> (NATSServerProcess, NATSServerProcess) {
        let (route1, route2) = (freePort(), freePort())
        let one = try await NATSServerProcess(arguments: ["--cluster_name", "q", "--cluster", "nats://127.0.0.1:\(route1)", "--routes", "nats://127.0.0.1:\(route2)"])
        let two = try await NATSServerProcess(arguments: ["--cluster_name", "q", "--cluster", "nats://127.0.0.1:\(route2)", "--routes", "nats://127.0.0.1:\(route1)"])
        return (one, two)
    }

    /// Sends events from `a` to `b` until one arrives (packets written to a dying connection
    /// are lost); false when none did.
    private func deliversEventually(from a: ContractNode, to b: ContractNode) async throws -> Bool {
        for index in 0..<50 {
            try a.send(event(a.nodeID, "probe-\(index)"), to: b.nodeID)
            if await eventually(timeout: .milliseconds(200), { !b.events(from: a.nodeID).isEmpty }) { return true }
        }
        return false
    }

    @Test("on a two-server NATS cluster, a node whose server dies fails over to the other one")
    func clusterFailover() async throws {
        let (one, two) = try await natsCluster()
        let a = try await node("a", one.url, two.url)
        let b = try await node("b", two.url)
        #expect(await eventually(timeout: .seconds(15)) { a.knownPeers == ["b"] && b.knownPeers == ["a"] }, "the servers route between them")
        // a was connected to the first URL: what arrives from now on went through the second.
        one.stop()
        #expect(try await deliversEventually(from: a, to: b))
        await a.transporter.disconnect()
        await b.transporter.disconnect()
        two.stop()
    }

    @Test("a node that knows one server of a NATS cluster fails over to a server the cluster advertised")
    func advertisedServers() async throws {
        let (one, two) = try await natsCluster()
        let b = try await node("b", two.url)
        // Connect a once the routes are up, so that one's INFO already lists two.
        try await Task.sleep(for: .seconds(1))
        let a = try await node("a", one.url)
        #expect(await eventually(timeout: .seconds(15)) { a.knownPeers == ["b"] })
        one.stop()
        #expect(try await deliversEventually(from: a, to: b), "a reconnected through the URL the cluster advertised")
        await a.transporter.disconnect()
        await b.transporter.disconnect()
        two.stop()
    }

    @Test("no reachable server: connect fails within its timeout, naming the servers")
    func unreachable() async throws {
        var options = NATSOptions.test("nats://127.0.0.1:\(freePort())")
        options.connectTimeout = .milliseconds(500)
        let error = await #expect(throws: BrokerError.self) {
            try await NATSTransporter(options: options).connect(nodeID: "x", namespace: "") { _ in }
        }
        #expect(error?.message.hasPrefix("Cannot connect to NATS (nats://127.0.0.1:") == true)
    }

    @Test("user/password auth: right credentials join, wrong ones get the server's refusal")
    func authentication() async throws {
        let server = try await NATSServerProcess(arguments: ["--user", "quark", "--pass", "s3cret"])
        let good = try await node("good", "nats://quark:s3cret@127.0.0.1:\(server.port)")
        var options = NATSOptions.test("nats://quark:wrong@127.0.0.1:\(server.port)")
        options.connectTimeout = .milliseconds(300)
        let error = await #expect(throws: BrokerError.self) {
            try await NATSTransporter(options: options).connect(nodeID: "bad", namespace: "") { _ in }
        }
        #expect(error?.message.contains("Authorization Violation") == true, "\(String(describing: error))")
        await good.transporter.disconnect()
        server.stop()
    }

    @Test("token auth")
    func token() async throws {
        let server = try await NATSServerProcess(arguments: ["--auth", "t0ken"])
        let a = try await node("a", "nats://t0ken@127.0.0.1:\(server.port)")
        let b = try await node("b", "nats://t0ken@127.0.0.1:\(server.port)")
        try a.send(event("a", "tok"), to: "b")
        #expect(await eventually { b.events(from: "a").count == 1 })
        await a.transporter.disconnect()
        await b.transporter.disconnect()
        server.stop()
    }

    @Test("a packet over the server's max_payload is refused with a clear error; the connection stays up")
    func maxPayload() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("nats-\(UUID().uuidString).conf")
        try "max_payload: 4096\n".write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let server = try await NATSServerProcess(arguments: ["-c", config.path])
        let a = try await node("a", server.url)
        let b = try await node("b", server.url)
        let big = Packet.event(EventPacket(sender: "a", id: "big", event: "big", data: .string(String(repeating: "x", count: 5000))))
        let error = #expect(throws: BrokerError.self) { try a.send(big, to: "b") }
        #expect(error?.message.contains("over the NATS server's max_payload of 4096 bytes") == true)
        try a.send(event("a", "small"), to: "b")
        #expect(await eventually { b.events(from: "a").map(\.event) == ["small"] })
        await a.transporter.disconnect()
        await b.transporter.disconnect()
        server.stop()
    }

    @Test("a stalled server never blocks send: the queue fills to its bound, then everything queued arrives")
    func stalledServer() async throws {
        let server = try await NATSServerProcess()
        var options = NATSOptions.test(server.url)
        options.maxPendingBytes = 256 << 10
        let a = try await ContractNode("a", transporter: NATSTransporter(options: options))
        let b = try await node("b", server.url)
        #expect(await eventually { a.knownPeers == ["b"] })
        kill(server.pid, SIGSTOP)
        let payload = String(repeating: "y", count: 1000)
        var accepted = 0
        var full: BrokerError?
        let started = ContinuousClock.now
        while full == nil, accepted < 100_000 {
            do {
                try a.send(.event(EventPacket(sender: "a", id: "\(accepted)", event: "e", data: .string(payload))), to: "b")
                accepted += 1
            } catch let error as BrokerError {
                full = error
            }
        }
        let elapsed = ContinuousClock.now - started
        kill(server.pid, SIGCONT)
        #expect(full?.code == .queueIsFull)
        #expect(elapsed < .seconds(5), "send must not block: \(accepted) sends took \(elapsed)")
        #expect(await eventually(timeout: .seconds(20)) { b.events(from: "a").count == accepted })
        await a.transporter.disconnect()
        await b.transporter.disconnect()
        server.stop()
    }

    @Test("nodes of different namespaces on one server do not see each other")
    func namespaces() async throws {
        let server = try await NATSServerProcess()
        let shop = try await node("shop-1", server.url, namespace: "shop")
        let other = try await node("other-1", server.url, namespace: "other")
        let shop2 = try await node("shop-2", server.url, namespace: "shop")
        #expect(await eventually { shop.knownPeers == ["shop-2"] })
        try await Task.sleep(for: .milliseconds(200))
        #expect(shop.knownPeers == ["shop-2"])
        #expect(other.knownPeers.isEmpty)
        for node in [shop, other, shop2] { await node.transporter.disconnect() }
        server.stop()
    }
}
