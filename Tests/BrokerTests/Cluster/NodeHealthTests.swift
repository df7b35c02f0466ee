import Broker
import BrokerTesting
import Foundation
import Synchronization
import Testing

@Suite("$node.health and the node's addresses", .timeLimit(.minutes(1)))
struct NodeHealthTests {
    @Test("health measures CPU utilization over a window and reports the load averages")
    func cpu() async throws {
        let cluster = try await TestCluster(["a": []])
        try await cluster.start()
        let spinner = Spinner()
        Thread.detachNewThread { spinner.spin() }
        let health = try await cluster["a"].call("$node.health")
        spinner.stop()
        let cpu = try #require(health["cpu"])
        let utilization = try #require(cpu["utilization"]?.doubleValue)
        #expect((0...100).contains(utilization))
        #expect(utilization > 0, "a thread was spinning while health measured")
        for key in ["load1", "load5", "load15"] {
            #expect((cpu[key]?.doubleValue ?? -1) >= 0, "\(key): \(String(describing: cpu[key]))")
        }
        #expect((cpu["cores"]?.intValue ?? 0) >= 1)
        await cluster.stop()
    }

    @Test("health and INFO carry the same list of the machine's IPv4 addresses")
    func ipList() async throws {
        let cluster = try await TestCluster(["a": []])
        let peer = try await RawPeer.connect("observer", hub: cluster.hub)
        try await cluster.start()
        let packet = await peer.next { $0.type == .info && $0.sender == "a" }
        guard case .info(let info) = packet else { throw Unexpected(packet as Any) }
        let health = try await cluster["a"].call("$node.health")
        let reported = health["net"]?["ip"]?.arrayValue?.compactMap(\.stringValue)
        #expect(!info.ipList.isEmpty)
        #expect(info.ipList.allSatisfy(Self.isDottedIPv4), "\(info.ipList)")
        #expect(reported == info.ipList)
        await peer.disconnect()
        await cluster.stop()
    }

    private static func isDottedIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && (UInt8(part) != nil)
        }
    }
}

/// Keeps one thread busy until stopped, so the machine's CPU is in use.
private final class Spinner: Sendable {
    private let stopped = Atomic(false)

    func spin() {
        while !stopped.load(ordering: .relaxed) {}
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
    }
}
