import Broker
import Testing

@Suite struct PacketRoundTripTests {
    let serializer = JSONSerializer()

    @Test(arguments: PacketType.allCases)
    func fullPacketSurvivesSerialization(type: PacketType) throws {
        let packet = PacketSamples.full(type)
        #expect(packet.type == type)
        #expect(try serializer.deserialize(serializer.serialize(packet), type: type) == packet)
    }

    @Test(arguments: PacketType.allCases)
    func minimalPacketSurvivesSerialization(type: PacketType) throws {
        let packet = PacketSamples.minimal(type)
        #expect(try serializer.deserialize(serializer.serialize(packet), type: type) == packet)
    }

    @Test(arguments: PacketType.allCases)
    func payloadCarriesVersionAndSender(type: PacketType) throws {
        let packet = PacketSamples.full(type)
        let payload = try JSONParser.parse(serializer.serialize(packet))
        #expect(payload["ver"] == "4")
        #expect(payload["sender"] == .string(packet.sender))
    }

    @Test("REQ, RES and EVENT, written member by member, hold exactly the packet's JSON", arguments: [PacketType.request, .response, .event])
    func directWriterMatchesTheTree(type: PacketType) throws {
        for packet in [PacketSamples.full(type), PacketSamples.minimal(type)] {
            var expected = packet.json
            expected["ver"] = "4"
            expected["sender"] = .string(packet.sender)
            // Compared as parsed text: 5000.0 is written "5000" by both and read back as an int.
            #expect(try JSONParser.parse(serializer.serialize(packet)) == JSONParser.parse(JSONWriter.bytes(expected)))
        }
    }

    @Test func payloadUsesMoleculerFieldNames() throws {
        let payload = try JSONParser.parse(serializer.serialize(PacketSamples.full(.request)))
        #expect(payload["action"] == "v2.posts.list")
        #expect(payload["parentID"] == "ctx-0" && payload["requestID"] == "req-1" && payload["caller"] == "v2.gateway")
        let service = try #require(
            JSONParser.parse(serializer.serialize(PacketSamples.full(.info)))["services"]?[0])
        #expect(service["fullName"] == "v2.posts")
        #expect(service["actions"]?["v2.posts.list"]?["rest"] == "GET /posts")
        #expect(service["events"]?["user.*"]?["group"] == "posts")
    }

    @Test func serializeRefusesAPacketWithoutSender() {
        #expect {
            try serializer.serialize(.heartbeat(HeartbeatPacket(sender: "")))
        } throws: { ($0 as? BrokerError)?.code == .invalidPacketData }
    }

    @Test func serviceFullNameFollowsMoleculer() {
        #expect(ServiceInfo(name: "posts").fullName == "posts")
        #expect(ServiceInfo(name: "posts", version: 2).fullName == "v2.posts")
        #expect(ServiceInfo(name: "posts", version: "staging").fullName == "staging.posts")
    }
}
