import Broker
import Testing
@testable import ZeroMQTransporter

@Suite("ZeroMQ mesh frames")
struct MeshFramesTests {
    private func received(_ frames: [[UInt8]], oversize: Bool = false) -> ZeroMQMessage.Received {
        ZeroMQMessage.Received(frames: frames, frameCount: frames.count, oversize: oversize)
    }

    @Test("every packet type round-trips through its two frames")
    func roundTrip() throws {
        for type in PacketType.allCases {
            let frames = MeshFrames.frames(type, Array(#"{"ver":"4","sender":"a"}"#.utf8))
            #expect(frames[0] == Array(type.rawValue.utf8))
            let packet = try MeshFrames.decode(received(frames), routed: false).get()
            #expect(packet.type == type)
            #expect(packet.payload == frames[1])
            let routed = try MeshFrames.decode(received([Array("peer".utf8)] + frames), routed: true).get()
            #expect(routed.type == type)
        }
    }

    @Test("malformed messages are refused with their reason")
    func drops() {
        let object = Array("{ }".utf8)
        let cases: [(ZeroMQMessage.Received, MeshFrames.Drop)] = [
            (received([object]), .frameCount),
            (received([Array("REQ".utf8), object, object]), .frameCount),
            (ZeroMQMessage.Received(frames: [Array("REQ".utf8), object], frameCount: 5), .frameCount),
            (received([Array("REQ".utf8), []], oversize: true), .oversize),
            (received([Array("req".utf8), object]), .unknownType),
            (received([[], object]), .unknownType),
            (received([Array("REQ".utf8), [0x7B, 0xC3, 0x28, 0x7D]]), .notUTF8),
            (received([Array("REQ".utf8), Array("[1,2]".utf8)]), .notJSONObject),
            (received([Array("REQ".utf8), Array("  ".utf8)]), .notJSONObject),
            (received([Array("REQ".utf8), Array("{".utf8)]), .notJSONObject),
        ]
        for (message, reason) in cases {
            #expect(throws: reason) { try MeshFrames.decode(message, routed: false).get() }
        }
    }

    @Test("UTF-8 beyond ASCII is accepted")
    func unicode() throws {
        let payload = Array(#"{"name":"Zoë 🚀"}"#.utf8)
        #expect(try MeshFrames.decode(received([Array("EVENT".utf8), payload]), routed: false).get().payload == payload)
    }
}
