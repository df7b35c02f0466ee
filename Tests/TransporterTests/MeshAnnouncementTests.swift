import Broker
import Testing
@testable import ZeroMQTransporter

@Suite("ZeroMQ mesh announcements in INFO")
struct MeshAnnouncementTests {
    private func payload(_ metadata: [String: JSON], sender: String = "n1") throws -> [UInt8] {
        try JSONSerializer().serialize(.info(InfoPacket(sender: sender, metadata: metadata)))
    }

    @Test("the metadata this node publishes reads back as the same announcement")
    func roundTrip() throws {
        let peers = ["n2": ZeroMQEndpoint(host: "10.0.0.2", port: 4100), "n3": ZeroMQEndpoint(host: "host-3", port: 4101)]
        let metadata = MeshAnnouncement.metadata(endpoint: ZeroMQEndpoint(host: "10.0.0.1", port: 4100), namespace: "prod", peers: peers)
        let announcement = try #require(MeshAnnouncement(infoPayload: try payload(metadata)))
        #expect(announcement == MeshAnnouncement(
            sender: "n1", namespace: "prod", endpoint: ZeroMQEndpoint(host: "10.0.0.1", port: 4100), peers: peers))
    }

    @Test("an INFO without mesh metadata still names its sender")
    func noMetadata() throws {
        let announcement = try #require(MeshAnnouncement(infoPayload: try payload(["other": 1])))
        #expect(announcement.sender == "n1")
        #expect(announcement.endpoint == nil && announcement.peers.isEmpty && announcement.rejected.isEmpty)
    }

    @Test("bad endpoints are listed as rejected, good ones kept")
    func rejected() throws {
        let metadata: [String: JSON] = ["zmq": ["endpoint": "tcp://0.0.0.0:1", "peers": ["ok": "tcp://h:1", "bad": "tcp://h:0", "": "tcp://h:2"]]]
        let announcement = try #require(MeshAnnouncement(infoPayload: try payload(metadata)))
        #expect(announcement.endpoint == nil)
        #expect(announcement.peers == ["ok": ZeroMQEndpoint(host: "h", port: 1)])
        #expect(announcement.rejected.sorted() == ["tcp://0.0.0.0:1", "tcp://h:0"])
    }

    @Test("payloads that are not INFO-shaped give nothing", arguments: ["not json", "{}", #"{"sender":""}"#, #"{"sender":5}"#, "[]"])
    func garbage(_ text: String) {
        #expect(MeshAnnouncement(infoPayload: Array(text.utf8)) == nil)
    }
}
