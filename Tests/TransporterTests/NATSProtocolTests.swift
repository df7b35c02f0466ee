import Broker
import NIOCore
import Testing
@testable import NATSTransporter

/// Tier 0: the NATS client protocol pieces, without a server.
@Suite("NATS protocol")
struct NATSProtocolTests {
    private func decodeAll(_ chunks: [String]) throws -> [NATSServerOp] {
        var buffer = ByteBuffer()
        var ops: [NATSServerOp] = []
        for chunk in chunks {
            buffer.writeString(chunk)
            while let op = try NATSOpDecoder.next(from: &buffer) { ops.append(op) }
        }
        #expect(buffer.readableBytes == 0)
        return ops
    }

    @Test("ops split at every byte boundary decode the same")
    func splitAnywhere() throws {
        let stream = "INFO {\"server_id\":\"S\",\"max_payload\":2048,\"version\":\"2.9.10\"}\r\nPING\r\nMSG MOL.INFO 3 5\r\nhello\r\n+OK\r\nmsg MOL.REQ.a 1 reply.to 0\r\n\r\nPONG\r\n-ERR 'Authorization Violation'\r\n"
        var expected = NATSServerInfo()
        expected.serverID = "S"
        expected.version = "2.9.10"
        expected.maxPayload = 2048
        let whole = try decodeAll([stream])
        #expect(whole == [
            .info(expected), .ping, .message(subject: ByteBuffer(string: "MOL.INFO"), payload: ByteBuffer(string: "hello")), .ok,
            .message(subject: ByteBuffer(string: "MOL.REQ.a"), payload: ByteBuffer()), .pong, .error("Authorization Violation"),
        ])
        let bytes = Array(stream.utf8)
        for cut in 1..<bytes.count {
            let parts = [String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self)]
            #expect(try decodeAll(parts) == whole, "cut at \(cut)")
        }
    }

    @Test("op names in any case, MSG fields split by tabs or repeated blanks")
    func caseAndBlanks() throws {
        let ops = try decodeAll(["pInG\r\nMsg\tMOL.INFO \t3\t2\r\nhi\r\n-err\r\n"])
        #expect(ops == [.ping, .message(subject: ByteBuffer(string: "MOL.INFO"), payload: ByteBuffer(string: "hi")), .error("")])
    }

    @Test("a payload containing CRLF is taken by its length, not by line")
    func payloadWithNewlines() throws {
        let ops = try decodeAll(["MSG MOL.EVENT.a 1 6\r\na\r\nb\r\n\r\n"])
        #expect(ops == [.message(subject: ByteBuffer(string: "MOL.EVENT.a"), payload: ByteBuffer(string: "a\r\nb\r\n"))])
    }

    @Test("garbage is a protocol error, never a crash", arguments: [
        "HELLO world\r\n", "MSG only-two 1\r\n", "MSG MOL.INFO 1 x\r\n", "MSG MOL.INFO 1 3\r\nabcXY", "INFO {not json\r\n",
        "MSG MOL.INFO 1 999999999\r\n",
    ])
    func garbage(_ text: String) {
        var buffer = ByteBuffer(string: text)
        #expect(throws: NATSProtocolError.self) { while try NATSOpDecoder.next(from: &buffer) != nil {} }
    }

    @Test("a control line without end is refused past 64 KiB")
    func endlessLine() {
        var buffer = ByteBuffer(string: "INFO " + String(repeating: "x", count: NATSOpDecoder.maxControlLine))
        #expect(throws: NATSProtocolError.self) { _ = try NATSOpDecoder.next(from: &buffer) }
    }

    @Test("subjects follow docs/PROTOCOL.md, with the namespace in the prefix")
    func subjects() {
        let plain = NATSSubjects(namespace: "", nodeID: "n1")
        #expect(plain.subject(.request, target: "n2") == "MOL.REQ.n2")
        #expect(plain.subject(.heartbeat, target: nil) == "MOL.HEARTBEAT")
        #expect(Set(plain.subscriptions) == [
            "MOL.EVENT.n1", "MOL.REQ.n1", "MOL.RES.n1", "MOL.DISCOVER", "MOL.DISCOVER.n1", "MOL.INFO", "MOL.INFO.n1",
            "MOL.HEARTBEAT", "MOL.PING", "MOL.PING.n1", "MOL.PONG.n1", "MOL.DISCONNECT",
        ])
        let spaced = NATSSubjects(namespace: "shop", nodeID: "n1")
        #expect(spaced.subject(.event, target: "x") == "MOL-shop.EVENT.x")
        #expect(spaced.packetType(of: ByteBuffer(string: "MOL-shop.RES.n1")) == .response)
        #expect(spaced.packetType(of: ByteBuffer(string: "MOL.RES.n1")) == nil)
        #expect(spaced.packetType(of: ByteBuffer(string: "MOL-shop.NOPE")) == nil)
        for other in ["MOL-shop", "MOL-shop.", "MOL-shopping.REQ.n1", "MOL-shop.REQX.n1", "MOL-shop.RE"] {
            #expect(spaced.packetType(of: ByteBuffer(string: other)) == nil, "\(other)")
        }
        #expect(spaced.packetType(of: ByteBuffer(string: "MOL-shop.HEARTBEAT")) == .heartbeat)
    }

    @Test("server URLs: host, port, credentials; bad ones are clear errors")
    func urls() throws {
        let full = try NATSServerAddress(parsing: "nats://alice:s%40cret@nats.local:4333")
        #expect(full == NATSServerAddress(host: "nats.local", port: 4333, user: "alice", password: "s@cret"))
        #expect(full.description == "nats://nats.local:4333")
        #expect(try NATSServerAddress(parsing: "nats://tok@127.0.0.1") == NATSServerAddress(host: "127.0.0.1", token: "tok"))
        for bad in ["http://h:4222", "nats://", "nats://h:0", "nats://h:port"] {
            let error = #expect(throws: BrokerError.self) { try NATSServerAddress(parsing: bad) }
            #expect(error?.message.contains("is not a NATS server URL") == true)
        }
    }

    @Test("CONNECT carries the credentials and turns echo off; PUB frames the payload")
    func commands() throws {
        var buffer = ByteBuffer()
        var options = NATSOptions()
        options.user = "u"
        options.password = "p"
        NATSClientCommands.connect(NATSCredentials(server: NATSServerAddress(host: "h"), options: options), name: "n", into: &buffer)
        let line = buffer.readString(length: buffer.readableBytes)!
        #expect(line.hasPrefix("CONNECT {") && line.hasSuffix("}\r\n"))
        let json = try JSONParser.parse(String(line.dropFirst(8).dropLast(1)))  // "\r\n" is one Character
        #expect(json["user"] == "u" && json["pass"] == "p" && json["echo"] == false && json["verbose"] == false)
        let subjects = NATSSubjects(namespace: "", nodeID: "n")
        NATSClientCommands.publish(.info, target: nil, subjects: subjects, payload: Array("{}".utf8), into: &buffer)
        NATSClientCommands.publish(.request, target: "n2", subjects: subjects, payload: Array("[1]".utf8), into: &buffer)
        #expect(buffer.readString(length: buffer.readableBytes) == "PUB MOL.INFO 2\r\n{}\r\nPUB MOL.REQ.n2 3\r\n[1]\r\n")
        NATSClientCommands.subscribe("MOL.INFO", sid: 3, into: &buffer)
        NATSClientCommands.unsubscribe(sid: 3, into: &buffer)
        #expect(buffer.readString(length: buffer.readableBytes) == "SUB MOL.INFO 3\r\nUNSUB 3\r\n")
    }
}
