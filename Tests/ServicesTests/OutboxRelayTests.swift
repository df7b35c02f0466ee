import Broker
import BrokerTesting
@testable import Services
import Testing

@Suite("The outbox and its relay", .timeLimit(.minutes(1)))
struct OutboxRelayTests {
    @Test("an event enqueued in a rolled-back transaction is never published")
    func rollback() async throws {
        let heard = Recorder<JSON>()
        let cluster = try await Self.producerAndListener(heard)
        await #expect(throws: BrokerError.self) { try await cluster["listener"].call("orders.fail") }
        _ = try await cluster["listener"].call("orders.create", ["total": 5])
        // Relayed in outbox order: had the failed event been kept, it would come first.
        let first = await heard.next()
        #expect(first[0]["orderID"] == 1)
        #expect(try await cluster["listener"].call("orders.outbox", ["after": 0]).arrayValue?.count == 1)
        await cluster.stop()
    }

    @Test("events are relayed in order with id, occurredAt, source and seq added to the payload")
    func order() async throws {
        let heard = Recorder<JSON>()
        let cluster = try await Self.producerAndListener(heard)
        for total in [10, 20, 30] { _ = try await cluster["listener"].call("orders.create", ["total": .int(total)]) }
        let events = await heard.next(3)
        #expect(events.map { $0["total"] } == [10, 20, 30])
        #expect(events.map { $0["seq"] } == [1, 2, 3])
        #expect(events.allSatisfy { $0["source"] == "orders" })
        let ids = events.compactMap { $0["id"]?.stringValue }
        #expect(Set(ids).count == 3)
        #expect(ids.allSatisfy { $0.count == 36 && $0 == $0.lowercased() })
        for event in events {
            let occurredAt = try #require(event["occurredAt"]?.stringValue)
            #expect(occurredAt.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(occurredAt)")
        }
        await cluster.stop()
    }

    @Test("an event no node subscribes to is held back and delivered once a subscriber appears")
    func held() async throws {
        let probes = Recorder<JSON>()
        let cluster = try await TestCluster(["producer": [KitTestServices.ordersSchema(KitTestServices.orders(), probes: probes)]])
        try await cluster.start()
        _ = try await cluster["producer"].call("orders.create", ["total": 7])
        // The probe is relayed after the order in the same outbox order, so once it is heard
        // the relay has already passed over the order (which nobody subscribes to yet).
        _ = try await cluster["producer"].call("orders.probe")
        _ = await probes.next()

        let heard = Recorder<JSON>()
        let late = ServiceBroker(TestCluster.configuration(nodeID: "late", hub: cluster.hub, clock: cluster.clock))
        try await late.createService(KitTestServices.listener(heard))
        try await late.start()
        let events = await heard.next()
        #expect(events[0]["total"] == 7)
        #expect(events[0]["seq"] == 1)
        await late.stop()
        await cluster.stop()
    }

    /// `orders` on node `producer`, and a listener of `order.*` on node `listener`, started.
    private static func producerAndListener(_ heard: Recorder<JSON>) async throws -> TestCluster {
        let cluster = try await TestCluster([
            "producer": [KitTestServices.ordersSchema(KitTestServices.orders())], "listener": [KitTestServices.listener(heard)],
        ])
        try await cluster.start()
        return cluster
    }

    @Test("the relay waits longer while an event is held back, up to the maximum, and resets once none is")
    func backoff() {
        let timing = EventTiming(relayInterval: .seconds(5), heldRetryInitial: .seconds(1), heldRetryMax: .seconds(4))
        var backoff = RelayBackoff(timing: timing)
        let delays = [false, true, true, true, true, false, true].map { backoff.next(held: $0) }
        #expect(delays == [5, 1, 2, 4, 4, 5, 1].map(Duration.seconds))
    }
}
