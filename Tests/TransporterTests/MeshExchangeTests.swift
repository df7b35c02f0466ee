import Broker
import Testing
@testable import ZeroMQTransporter

@Suite("ZeroMQ mesh: exchanging packets")
struct MeshExchangeTests {
    @Test("two nodes exchange targeted packets both ways")
    func twoNodesTargeted() async throws {
        let a = try await MeshTestNode.start("a")
        let b = try await MeshTestNode.start("b", seeds: [a.endpoint])
        #expect(await eventually { a.peers == ["b"] && b.peers == ["a"] })
        for index in 0..<50 { try a.sendEvent("a.\(index)", to: "b") }
        for index in 0..<50 { try b.sendEvent("b.\(index)", to: "a") }
        #expect(await eventually { b.events(from: "a").count == 50 && a.events(from: "b").count == 50 })
        #expect(b.events(from: "a") == (0..<50).map { "a.\($0)" })
        #expect(a.events(from: "b") == (0..<50).map { "b.\($0)" })
        await b.stop()
        await a.stop()
    }

    @Test("a broadcast reaches every other node exactly once")
    func threeNodesBroadcast() async throws {
        let a = try await MeshTestNode.start("a")
        let b = try await MeshTestNode.start("b", seeds: [a.endpoint])
        let c = try await MeshTestNode.start("c", seeds: [a.endpoint])
        #expect(await eventually { a.peers == ["b", "c"] && b.peers == ["a", "c"] && c.peers == ["a", "b"] })
        for index in 0..<20 { try a.send(.heartbeat(HeartbeatPacket(sender: "a", cpu: Double(index))), to: nil) }
        // A targeted fence on the same link: once it arrives, every broadcast before it has.
        try a.sendEvent("fence", to: "b")
        try a.sendEvent("fence", to: "c")
        #expect(await eventually { b.events(from: "a") == ["fence"] && c.events(from: "a") == ["fence"] })
        #expect(b.heartbeats(from: "a") == (0..<20).map(Double.init))
        #expect(c.heartbeats(from: "a") == (0..<20).map(Double.init))
        #expect(a.heartbeats(from: "a").isEmpty)
        await c.stop()
        await b.stop()
        await a.stop()
    }

    @Test("a node answers a peer connected to its ROUTER before it has a link back")
    func answersThroughRouter() async throws {
        let a = try await MeshTestNode.start("a")
        let raw = try ZeroMQRawPeer(connectTo: a.endpoint, routingID: "raw")
        defer { raw.close() }
        #expect(raw.send(.discover, try JSONSerializer().serialize(.discover(DiscoverPacket(sender: "raw")))))
        // The node's own start-up broadcasts may reach the raw peer first.
        var reply = try #require(raw.receive())
        while reply.first != Array("INFO".utf8) {
            reply = try #require(raw.receive())
        }
        #expect(reply.count == 2)
        let info = try #require(MeshAnnouncement(infoPayload: reply[1]))
        #expect(info.sender == "a")
        #expect(info.endpoint?.description == a.endpoint)
        await a.stop()
    }

    @Test("a packet for a node with no route fails at once; sending after disconnect fails too")
    func noRouteAndDisconnected() async throws {
        let a = try await MeshTestNode.start("a")
        #expect(throws: BrokerError.self) { try a.sendEvent("lost", to: "nobody") }
        do {
            try a.sendEvent("lost", to: "nobody")
        } catch let error as BrokerError {
            #expect(error.type == "ZMQ_NO_ROUTE")
            #expect(error.retryable)
        }
        await a.stop()
        await a.stop()
        do {
            try a.send(.heartbeat(HeartbeatPacket(sender: "a")), to: nil)
            Issue.record("send after disconnect succeeded")
        } catch let error as BrokerError {
            #expect(error.code == .brokerDisconnected)
        }
    }

    @Test("a full outbox throws QueueIsFull instead of growing")
    func boundedOutbox() async throws {
        let a = ZeroMQTransporter(options: MeshTestNode.options { $0.outboxCapacity = 1 })
        try await a.connect(nodeID: "a", namespace: "") { _ in }
        var full = 0
        let payload = try JSONSerializer().serialize(.heartbeat(HeartbeatPacket(sender: "a")))
        for _ in 0..<200_000 where full == 0 {
            do {
                try a.send(TransportPacket(type: .heartbeat, target: nil, payload: payload))
            } catch let error as BrokerError where error.code == .queueIsFull {
                full += 1
            }
        }
        #expect(full > 0)
        await a.disconnect()
    }

    @Test("a packet over the frame limit is refused at send, with a clear error")
    func oversizePacket() async throws {
        let a = try await MeshTestNode.start("a", options: MeshTestNode.options { $0.maxFrameSize = 4096 })
        let big = TransportPacket(type: .event, target: nil, payload: Array(repeating: UInt8(ascii: " "), count: 5000))
        #expect(throws: BrokerError.self) { try a.transporter.send(big) }
        await a.stop()
    }

    @Test("a port already in use fails connect; the transporter can then connect elsewhere")
    func portInUse() async throws {
        let a = try await MeshTestNode.start("a")
        let transporter = ZeroMQTransporter(options: MeshTestNode.options(port: a.port))
        await #expect(throws: BrokerError.self) { try await transporter.connect(nodeID: "b", namespace: "") { _ in } }
        #expect(transporter.boundPort == nil)
        let retry = ZeroMQTransporter(options: MeshTestNode.options())
        try await retry.connect(nodeID: "b", namespace: "") { _ in }
        #expect(retry.boundPort != nil)
        await retry.disconnect()
        await a.stop()
    }

    @Test("the bound port of an ephemeral bind is reported and advertised")
    func ephemeralPort() async throws {
        let a = try await MeshTestNode.start("a")
        let port = try #require(a.transporter.boundPort)
        #expect(port > 0)
        #expect(a.transporter.boundEndpoint == "tcp://127.0.0.1:\(port)")
        #expect(a.endpoint == "tcp://127.0.0.1:\(port)")
        let mesh = try #require(a.transporter.infoMetadata["zmq"])
        #expect(mesh["endpoint"] == .string(a.endpoint))
        await a.stop()
        #expect(a.transporter.infoMetadata.isEmpty)
    }

    @Test("bad options are refused at connect")
    func badOptions() async throws {
        for options in [ZeroMQOptions(bind: "ipc:///tmp/x"), ZeroMQOptions(bind: "tcp://127.0.0.1:0", seeds: ["tcp://h:0"])] {
            let transporter = ZeroMQTransporter(options: options)
            await #expect(throws: BrokerError.self) { try await transporter.connect(nodeID: "x", namespace: "") { _ in } }
        }
    }
}
