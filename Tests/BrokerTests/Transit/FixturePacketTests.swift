import Broker
import Testing

/// Every packet a real MoleculerPy node sent decodes, with the fields a Quark node relies on.
@Suite struct FixturePacketTests {
    let serializer = JSONSerializer()

    @Test func everyFixturePacketDecodesAndRoundTrips() throws {
        let entries = try MoleculerPyFixture.entries()
        #expect(entries.count == 17)
        #expect(Set(entries.map(\.type)) == Set(PacketType.allCases))
        for entry in entries {
            let packet = try serializer.deserialize(entry.payload, type: entry.type)
            #expect(packet.type == entry.type, "\(entry.subject)")
            #expect(try packet.sender == JSONParser.parse(entry.payload)["sender"]?.stringValue)
            #expect(try serializer.deserialize(serializer.serialize(packet), type: packet.type) == packet)
        }
    }

    @Test func requestsKeepTimeoutAsSentAndContextFields() throws {
        let requests = try MoleculerPyFixture.packets(.request).map { packet in
            guard case .request(let request) = packet else { throw Unexpected(packet) }
            return request
        }
        #expect(requests.map(\.timeout) == [0, 2.5])
        let first = try #require(requests.first)
        #expect(first.sender == "caller-1")
        #expect(first.id == "8dba5abf-4c81-4063-b77b-d4d621b6ff4c")
        #expect(first.action == "math.add")
        #expect(first.params == ["a": 1, "b": 2])
        #expect(first.meta == [:])
        #expect(first.level == 1)
        #expect(first.requestID == first.id)
        #expect(first.tracing == nil && first.parentID == nil && first.caller == nil)
        #expect(first.stream == false)
    }

    @Test func responsesCarryDataOrRebuiltErrors() throws {
        let responses = try MoleculerPyFixture.packets(.response).map { packet in
            guard case .response(let response) = packet else { throw Unexpected(packet) }
            return response
        }
        try #require(responses.count == 3)
        #expect(responses[0].success && responses[0].data == 3 && responses[0].error == nil)

        let python = try #require(responses[1].error)
        #expect(!responses[1].success)
        #expect(python.code == BrokerError.Code("ValueError"))
        #expect(python.message == "math.fail always fails (intentional)")
        #expect(python.status == 500 && python.type == "INTERNAL_ERROR" && !python.retryable)
        #expect(python.data == nil && python.nodeID == nil)
        #expect(python.stack?.hasPrefix("Traceback") == true)

        let client = try #require(responses[2].error)
        #expect(client.code == .clientError)
        #expect(client.message == "bad input (intentional)")
        #expect(client.status == 422 && client.type == "BAD_INPUT" && !client.retryable)
        #expect(client.data == ["field": "a", "got": 42])
        #expect(client.nodeID == nil)
    }

    @Test func eventsCarryBroadcastAndAckFlags() throws {
        let events = try MoleculerPyFixture.packets(.event).map { packet in
            guard case .event(let event) = packet else { throw Unexpected(packet) }
            return event
        }
        #expect(events.map(\.event) == ["user.created", "user.created", "user.created"])
        #expect(events.map(\.broadcast) == [false, true, false])
        #expect(events.map(\.needAck) == [nil, nil, true])
        #expect(events.map(\.data) == [["id": 1, "name": "alice"], ["id": 2, "name": "bob"], ["id": 3]])
        #expect(events.allSatisfy { $0.groups == nil && $0.level == 1 && $0.requestID == $0.id })
    }

    @Test func infoListsServicesActionsAndEvents() throws {
        let infos = try MoleculerPyFixture.packets(.info).map { packet in
            guard case .info(let info) = packet else { throw Unexpected(packet) }
            return info
        }
        try #require(infos.count == 3)
        let callee = infos[0]
        #expect(callee.sender == "callee-1")
        #expect(callee.hostname == nil && callee.instanceID == nil && callee.ipList.isEmpty)
        #expect(callee.seq == 1 && callee.config == [:] && callee.metadata == [:])
        #expect(callee.client.type == "python" && callee.client.version == nil)
        #expect(callee.client.langVersion?.hasPrefix("3.12.1") == true)
        let math = try #require(callee.services.first)
        #expect(callee.services.count == 1)
        #expect(math.name == "math" && math.fullName == "math" && math.version == .null)
        #expect(math.dependencies.isEmpty)
        #expect(math.actions.count == 6)
        #expect(math.actions["math.add"] == ActionInfo(name: "math.add", rawName: "add"))
        #expect(Set(math.actions.values.map(\.rawName)) == ["add", "echo", "eventStats", "fail", "reject", "resetEvents"])
        #expect(math.events == ["user.created": EventInfo(name: "user.created")])
        #expect(infos[1] == callee)

        let caller = infos[2]
        #expect(caller.services.isEmpty && caller.ipList == ["192.0.2.2"] && caller.hostname == "vm")
    }

    @Test func pingPongKeepMillisecondTimes() throws {
        let packets = try MoleculerPyFixture.packets(.ping) + MoleculerPyFixture.packets(.pong)
        guard case .ping(let ping) = packets.first, case .pong(let pong) = packets.last else {
            throw Unexpected(packets)
        }
        #expect(ping.sender == "caller-1" && pong.sender == "callee-1")
        #expect(ping.id == pong.id)
        #expect(ping.time == 1_795_322_898_813.6052 && pong.time == ping.time)
        #expect(pong.arrived == 1_795_322_898_814.153)
    }

    @Test func discoverHeartbeatAndDisconnectCarryTheSender() throws {
        #expect(try MoleculerPyFixture.packets(.discover).map(\.sender) == ["callee-1", "caller-1"])
        #expect(try MoleculerPyFixture.packets(.heartbeat) == [.heartbeat(HeartbeatPacket(sender: "caller-1", cpu: 0))])
        #expect(try MoleculerPyFixture.packets(.disconnect) == [.disconnect(DisconnectPacket(sender: "caller-1"))])
    }
}
