import Broker
import Testing
@testable import ZeroMQTransporter

@Suite("ZeroMQ mesh: malformed input")
struct MeshGarbageTests {
    @Test("garbage from a raw DEALER is dropped and counted, and the node keeps working")
    func garbageIsDropped() async throws {
        let a = try await MeshTestNode.start("a", options: MeshTestNode.options { $0.maxFrameSize = 1024 })
        let raw = try ZeroMQRawPeer(connectTo: a.endpoint, routingID: "raw")
        defer { raw.close() }
        let event = Array("EVENT".utf8)
        let garbage: [[[UInt8]]] = [
            [Array("{}".utf8)],                                             // one frame
            [event, Array("{}".utf8), Array("{}".utf8)],                    // three frames
            [event, Array(repeating: UInt8(ascii: " "), count: 2000)],      // over maxFrameSize
            [Array("BOGUS".utf8), Array("{}".utf8)],                        // unknown type
            [Array("event".utf8), Array("{}".utf8)],                        // type is case-sensitive
            [event, [0x7B, 0xFF, 0xFE, 0x7D]],                              // not UTF-8
            [event, Array("not json".utf8)],                                // not a JSON object
            [event, []],                                                    // empty payload
            [],                                                             // empty message
        ]
        for frames in garbage where !frames.isEmpty { #expect(raw.send(frames)) }
        #expect(raw.send([[]]))
        #expect(await eventually { a.transporter.droppedFrames == 9 })
        #expect(a.packets.isEmpty)
        // Still serving: a DISCOVER gets its INFO back.
        #expect(raw.send(.discover, try JSONSerializer().serialize(.discover(DiscoverPacket(sender: "raw")))))
        var reply = try #require(raw.receive())
        while reply.first != Array("INFO".utf8) { reply = try #require(raw.receive()) }
        #expect(a.transporter.droppedFrames == 9)
        await a.stop()
    }

    @Test("a frame far over the limit costs the sender its connection, not the node")
    func hugeFrameDisconnects() async throws {
        let a = try await MeshTestNode.start("a", options: MeshTestNode.options { $0.maxFrameSize = 1024 })
        let raw = try ZeroMQRawPeer(connectTo: a.endpoint, routingID: "huge")
        defer { raw.close() }
        #expect(raw.send([Array("EVENT".utf8), Array(repeating: UInt8(ascii: " "), count: 100_000)]))
        let b = try await MeshTestNode.start("b", seeds: [a.endpoint])
        #expect(await eventually { a.peers == ["b"] && b.peers == ["a"] })
        try b.sendEvent("fine", to: "a")
        #expect(await eventually { a.events(from: "b") == ["fine"] })
        await b.stop()
        await a.stop()
    }
}
