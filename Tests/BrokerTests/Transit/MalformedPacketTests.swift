import Broker
import Testing

/// Bad input is a `BrokerError`, never a crash: another protocol version is a version mismatch,
/// anything else malformed is invalid packet data.
@Suite struct MalformedPacketTests {
    let serializer = JSONSerializer()

    private func decode(_ text: String, as type: PacketType = .request) throws(BrokerError) -> Packet {
        try serializer.deserialize(Array(text.utf8), type: type)
    }

    /// The error decoding `bytes` throws, `nil` if it succeeds.
    private func error(_ bytes: [UInt8], as type: PacketType = .request) -> BrokerError? {
        do {
            _ = try serializer.deserialize(bytes, type: type)
            return nil
        } catch {
            return error
        }
    }

    private func error(_ text: String, as type: PacketType = .request) -> BrokerError? {
        error(Array(text.utf8), as: type)
    }

    @Test(arguments: [
        "", "hello", "{", "{\"ver\": \"4\", \"sender\": ", "[1, 2]", "\"4\"", "42", "null",
        "{\"ver\": \"4\"}", "{\"ver\": \"4\", \"sender\": \"\"}", "{\"ver\": \"4\", \"sender\": 7}",
        "{\"ver\": \"4\", \"sender\": null}",
    ])
    func malformedPayloadIsInvalidPacketData(text: String) {
        #expect(error(text)?.code == .invalidPacketData)
    }

    @Test func invalidUTF8IsInvalidPacketData() {
        #expect(error([0x7B, 0xFF, 0xFE, 0x7D], as: .info)?.code == .invalidPacketData)
    }

    @Test(arguments: PacketType.allCases)
    func everyTruncationOfAPacketIsInvalidPacketData(type: PacketType) throws {
        let bytes = try serializer.serialize(PacketSamples.full(type))
        for length in 0..<bytes.count {
            #expect(error(Array(bytes.prefix(length)), as: type)?.code == .invalidPacketData, "\(length) bytes")
        }
    }

    @Test func otherVersionIsAMismatchNamingTheSender() {
        let mismatch = error(#"{"ver": "3", "sender": "old-node", "id": "c"}"#)
        #expect(mismatch?.code == .protocolVersionMismatch)
        #expect(mismatch?.data?["nodeID"] == "old-node" && mismatch?.data?["actual"] == "3")
    }

    @Test(arguments: [
        (#"{"sender": "n"}"#, "n", "missing"),
        (#"{"ver": null, "sender": "n"}"#, "n", "missing"),
        (#"{"ver": 4, "sender": "n"}"#, "n", "number 4"),
        (#"{"ver": "3"}"#, "unknown", "3"),
        (#"{"ver": "3", "sender": 5}"#, "unknown", "3"),
    ])
    func missingOrMistypedVersionIsAMismatch(text: String, nodeID: String, actual: String) {
        let mismatch = error(text)
        #expect(mismatch?.code == .protocolVersionMismatch)
        #expect(mismatch?.data?["nodeID"] == .string(nodeID) && mismatch?.data?["actual"] == .string(actual))
    }

    @Test(arguments: [
        ("level", #""x""#, PacketType.request), ("level", "1.5", .request), ("timeout", #""5""#, .request),
        ("meta", "[]", .request), ("tracing", "1", .request), ("action", "3", .request),
        ("groups", "[1]", .event), ("broadcast", #""yes""#, .event), ("success", "1", .response),
        ("services", "{}", .info), ("seq", "true", .info), ("ipList", #""10.0.0.1""#, .info),
        ("client", "[]", .info), ("cpu", #""high""#, .heartbeat), ("time", "{}", .ping),
        ("arrived", "[]", .pong),
    ])
    func mistypedFieldIsInvalidPacketDataNamingIt(field: String, value: String, type: PacketType) {
        let failure = error(#"{"ver": "4", "sender": "n", "\#(field)": \#(value)}"#, as: type)
        #expect(failure?.code == .invalidPacketData)
        #expect(failure?.data?["field"] == .string(field))
    }

    @Test(arguments: [
        #"{"name": "s", "actions": {"s.a": 1}}"#, #"{"name": "s", "events": {"e": "x"}}"#,
        #"{"name": "s", "version": [2]}"#, #"{"name": "s", "dependencies": [1]}"#, #"[]"#,
    ])
    func malformedServiceInInfoIsInvalidPacketData(service: String) {
        #expect(error(#"{"ver": "4", "sender": "n", "services": [\#(service)]}"#, as: .info)?.code == .invalidPacketData)
    }

    @Test func missingAndNullFieldsTakeDefaultsAndExtrasAreIgnored() throws {
        let packet = try decode(
            #"{"ver": "4", "sender": "n", "id": "c", "action": "a.b", "meta": null, "level": null, "timeout": 5000,"#
                + #" "stream": null, "params": [1, "x"], "extra": {"deep": [1]}, "ackID": null}"#)
        #expect(packet == .request(RequestPacket(sender: "n", id: "c", action: "a.b", params: [1, "x"], timeout: 5000)))
        let integralFloat = try decode(#"{"ver": "4", "sender": "n", "level": 2.0}"#)
        #expect(integralFloat == .request(RequestPacket(sender: "n", id: "", action: "", level: 2)))
        #expect(try decode(#"{"ver": "4", "sender": "n"}"#, as: .info) == .info(InfoPacket(sender: "n")))
    }

    /// REQ, RES and EVENT read their members from the parsed list, the others from a dictionary:
    /// both take the last of a repeated member, as JSONParser does.
    @Test func repeatedMemberTakesTheLastValue() throws {
        let request = try decode(#"{"ver": "3", "sender": "x", "id": "a", "id": "b", "ver": "4", "sender": "n", "level": 3}"#)
        #expect(request == .request(RequestPacket(sender: "n", id: "b", action: "", level: 3)))
        let event = try decode(#"{"ver": "4", "sender": "n", "event": "a", "event": "b", "broadcast": true}"#, as: .event)
        #expect(event == .event(EventPacket(sender: "n", id: "", event: "b", broadcast: true)))
        let heartbeat = try decode(#"{"ver": "4", "sender": "n", "cpu": 1, "cpu": 2}"#, as: .heartbeat)
        #expect(heartbeat == .heartbeat(HeartbeatPacket(sender: "n", cpu: 2)))
    }

    @Test func responseWithoutSuccessFlagFollowsItsError() throws {
        let failed = try decode(#"{"ver": "4", "sender": "n", "id": "c", "error": "boom"}"#, as: .response)
        let boom = BrokerError(code: .moleculerError, message: "boom")
        #expect(failed == .response(ResponsePacket(sender: "n", id: "c", success: false, error: boom)))
        let succeeded = try decode(#"{"ver": "4", "sender": "n", "id": "c", "data": [1]}"#, as: .response)
        #expect(succeeded == .response(ResponsePacket(sender: "n", id: "c", success: true, data: [1])))
    }

    @Test func serviceDefaultsFollowMoleculer() throws {
        let text = #"{"ver": "4", "sender": "n", "services": [{"name": "posts", "version": 2,"#
            + #" "dependencies": ["users", {"name": "mail", "version": 1}], "actions": {"v2.posts.list": {}}}]}"#
        guard case .info(let info) = try decode(text, as: .info), let posts = info.services.first else {
            throw Unexpected(text)
        }
        #expect(posts.fullName == "v2.posts" && posts.settings == [:] && posts.metadata == [:])
        #expect(posts.dependencies == ["users", "v1.mail"])
        #expect(posts.actions["v2.posts.list"] == ActionInfo(name: "v2.posts.list", rawName: "list"))
    }
}
