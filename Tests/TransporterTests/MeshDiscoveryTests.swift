import Broker
import BrokerTesting
import Testing
@testable import ZeroMQTransporter

@Suite("ZeroMQ mesh: discovery")
struct MeshDiscoveryTests {
    @Test("a newcomer reaches the whole mesh through one seed, and everyone learns of it")
    func discoveryThroughOneSeed() async throws {
        let a = try await MeshTestNode.start("a")
        let b = try await MeshTestNode.start("b", seeds: [a.endpoint])
        #expect(await eventually { a.peers == ["b"] && b.peers == ["a"] })
        let c = try await MeshTestNode.start("c", seeds: [b.endpoint])
        #expect(await eventually { a.peers == ["b", "c"] && b.peers == ["a", "c"] && c.peers == ["a", "b"] })
        try c.sendEvent("hello", to: "a")
        try a.sendEvent("welcome", to: "c")
        #expect(await eventually { a.events(from: "c") == ["hello"] && c.events(from: "a") == ["welcome"] })
        let mesh = try #require(c.transporter.infoMetadata["zmq"])
        #expect(mesh["peers"]?["a"] == .string(a.endpoint))
        #expect(mesh["peers"]?["b"] == .string(b.endpoint))
        for node in [c, b, a] { await node.stop() }
    }

    @Test("nodes joining through one seed at the same moment learn of each other")
    func simultaneousJoins() async throws {
        let seed = try await MeshTestNode.start("seed")
        let options = MeshTestNode.options(seeds: [seed.endpoint])
        async let first = MeshTestNode.start("n1", options: options, announce: false)
        async let second = MeshTestNode.start("n2", options: options, announce: false)
        async let third = MeshTestNode.start("n3", options: options, announce: false)
        let nodes = try await [first, second, third]
        for node in nodes { try node.sendInfo(to: nil) }
        let everyone: Set<String> = ["seed", "n1", "n2", "n3"]
        #expect(await eventually { ([seed] + nodes).allSatisfy { $0.peers == everyone.subtracting([$0.nodeID]) } })
        for node in nodes + [seed] { await node.stop() }
    }

    @Test("a seed that is down at start is retried; the node joins through another seed meanwhile")
    func seedDownAtStart() async throws {
        let port = freePort()
        let a = try await MeshTestNode.start("a")
        let c = try await MeshTestNode.start("c", seeds: ["tcp://127.0.0.1:\(port)", a.endpoint])
        #expect(await eventually { c.peers == ["a"] && a.peers == ["c"] })
        let late = try await MeshTestNode.start("late", port: port)
        #expect(await eventually { c.peers == ["a", "late"] && a.peers == ["c", "late"] && late.peers == ["a", "c"] })
        try c.sendEvent("found you", to: "late")
        #expect(await eventually { late.events(from: "c") == ["found you"] })
        for node in [late, c, a] { await node.stop() }
    }

    @Test("a peer that goes away and comes back on the same port is used again")
    func peerRestartsOnSamePort() async throws {
        let a = try await MeshTestNode.start("a")
        let b = try await MeshTestNode.start("b", seeds: [a.endpoint])
        #expect(await eventually { a.peers == ["b"] && b.peers == ["a"] })
        let port = b.port
        await b.stop()
        #expect(await eventually { a.peers.isEmpty })
        // Back on the same port, with no seeds: a's link re-dials it and greets it.
        let again = try await MeshTestNode.start("b", port: port)
        #expect(await eventually { a.peers == ["b"] && again.peers == ["a"] })
        try a.sendEvent("again", to: "b")
        #expect(await eventually { again.events(from: "a") == ["again"] })
        await again.stop()
        await a.stop()
    }

    @Test("packets for a peer that is down wait for it, bounded by QueueIsFull, and arrive when it is back")
    func backlogWhileDown() async throws {
        let b = try await MeshTestNode.start("b")
        let port = b.port
        // b cannot dial a back (a advertises an address nobody listens on): all goes over a's link.
        let a = try await MeshTestNode.start("a", options: MeshTestNode.options(seeds: [b.endpoint]) {
            $0.advertisedHost = "127.0.0.9"
            $0.outboxCapacity = 10
            $0.backlogCapacity = 100
        })
        #expect(await eventually { a.peers == ["b"] })
        await b.stop()
        #expect(await eventually { a.peers.isEmpty })
        var accepted = 0
        var congested = false
        for attempt in 0..<100_000 where !congested {
            do {
                try a.sendEvent("e\(accepted)", to: "b")
                accepted += 1
            } catch let error as BrokerError where error.code == .queueIsFull {
                congested = error.data?["nodeID"] == "b"
                if attempt % 10 == 0 { await Task.yield() }
            }
        }
        #expect(congested)
        #expect((80...100).contains(accepted))
        let again = try await MeshTestNode.start("b", port: port)
        #expect(await eventually { again.events(from: "a").count == accepted })
        #expect(again.events(from: "a") == (0..<accepted).map { "e\($0)" })
        #expect(a.transporter.droppedPackets == 0)
        #expect(await eventually { (try? a.sendEvent("after", to: "b")) != nil })
        await again.stop()
        await a.stop()
    }

    @Test("after the broker says a node left, it is found again when it comes back")
    func peerLeftThenBack() async throws {
        let a = try await MeshTestNode.start("a")
        let b = try await MeshTestNode.start("b", seeds: [a.endpoint])
        #expect(await eventually { a.peers == ["b"] && b.peers == ["a"] })
        let port = b.port
        await b.stop()
        a.transporter.peerLeft("b")
        #expect(await eventually { a.peers.isEmpty && a.transporter.linkCount == 0 })
        #expect(throws: BrokerError.self) { try a.sendEvent("gone", to: "b") }
        let again = try await MeshTestNode.start("b", port: port, seeds: [a.endpoint])
        #expect(await eventually { a.peers == ["b"] && again.peers == ["a"] })
        try a.sendEvent("back", to: "b")
        #expect(await eventually { again.events(from: "a") == ["back"] })
        await again.stop()
        await a.stop()
    }

    @Test("invalid peer endpoints in INFO are ignored and counted")
    func invalidEndpointsIgnored() async throws {
        let a = try await MeshTestNode.start("a")
        let raw = try ZeroMQRawPeer(connectTo: a.endpoint, routingID: "liar")
        defer { raw.close() }
        let bad: [String: JSON] = [
            "p1": "tcp://0.0.0.0:4100", "p2": "tcp://127.0.0.1:70000", "p3": "ipc:///tmp/sock", "p4": "tcp://a b:1",
            "p5": "tcp://127.0.0.1:1;10.0.0.1:2", "p6": 42, "p7": "tcp://-bad-.example:1", "p8": "tcp://[::]:1",
        ]
        let metadata: [String: JSON] = ["zmq": ["endpoint": "tcp://*:1", "peers": .object(bad)]]
        let info = try JSONSerializer().serialize(.info(InfoPacket(sender: "liar", metadata: metadata)))
        #expect(raw.send(.info, info))
        #expect(await eventually { a.transporter.ignoredEndpoints == 9 })
        #expect(a.packets.contains { $0.sender == "liar" })
        #expect(a.peers.isEmpty)
        #expect(a.transporter.infoMetadata["zmq"]?["peers"] == [:])
        await a.stop()
    }

    @Test("an INFO listing many peers makes the node dial at most maxLinks of them")
    func linkLimit() async throws {
        let a = try await MeshTestNode.start("a", options: MeshTestNode.options { $0.maxLinks = 5 })
        let raw = try ZeroMQRawPeer(connectTo: a.endpoint, routingID: "crowd")
        defer { raw.close() }
        let peers = Dictionary(uniqueKeysWithValues: (1...50).map { ("p\($0)", JSON.string("tcp://127.0.0.1:\($0)")) })
        let metadata: [String: JSON] = ["zmq": ["endpoint": "tcp://127.0.0.1:51", "peers": .object(peers)]]
        #expect(raw.send(.info, try JSONSerializer().serialize(.info(InfoPacket(sender: "crowd", metadata: metadata)))))
        #expect(await eventually { a.packets.contains { $0.sender == "crowd" } })
        #expect(a.transporter.linkCount == 5)
        await a.stop()
    }

    @Test("a node never links to itself, even when its own seed list names it")
    func neverLinksToItself() async throws {
        let port = freePort()
        // 127.0.0.2 reaches the wildcard bind too: only the INFO coming back tells it is us.
        let options = MeshTestNode.options(seeds: ["tcp://127.0.0.1:\(port)", "tcp://127.0.0.2:\(port)"]) {
            $0.bind = "tcp://0.0.0.0:\(port)"
        }
        let a = try await MeshTestNode.start("a", options: options)
        #expect(await eventually { a.transporter.linkCount == 0 })
        let b = try await MeshTestNode.start("b", seeds: [a.endpoint])
        #expect(await eventually { a.peers == ["b"] && b.peers == ["a"] && a.transporter.linkCount == 1 })
        await b.stop()
        await a.stop()
    }
}
