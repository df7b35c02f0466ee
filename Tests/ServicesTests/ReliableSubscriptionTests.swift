import Broker
import BrokerTesting
import Services
import Testing

@Suite("Reliable subscriptions: de-duplication and catch-up", .timeLimit(.minutes(1)))
struct ReliableSubscriptionTests {
    @Test("an event delivered twice is applied once")
    func duplicate() async throws {
        let applied = Recorder<ReliableEvent>()
        let cluster = try await TestCluster([
            "producer": [KitTestServices.ordersSchema(KitTestServices.orders())],
            "consumer": [KitTestServices.analytics(applied: applied)],
        ])
        try await cluster.start()
        let producer = cluster["producer"]
        _ = try await producer.call("orders.create", ["total": 1])
        let first = await applied.next()[0]
        // The same event again, as a second relay of it would send it, then a new one.
        await producer.emit("order.created", first.data)
        _ = try await producer.call("orders.create", ["total": 2])
        let second = await applied.next()[0]
        #expect(second.data["total"] == 2)
        #expect(applied.records.map(\.id) == [first.id, second.id])
        #expect(try await producer.call("analytics.count") == 2)
        await cluster.stop()
    }

    @Test("a consumer stopped while 10 events were produced applies all 10, in order, once, after it restarts")
    func catchUp() async throws {
        try await withTemporaryDirectory { directory in
            var environment = ServiceEnvironment.inMemory()
            environment.dataDirectory = directory

            let applied = Recorder<ReliableEvent>()
            let heard = Recorder<JSON>()
            let cluster = try await TestCluster([
                "producer": [KitTestServices.ordersSchema(KitTestServices.orders())],
                "listener": [KitTestServices.listener(heard)],
                "consumer": [KitTestServices.analytics(environment, applied: applied)],
            ])
            try await cluster.start()
            let producer = cluster["producer"]
            _ = try await producer.call("orders.create", ["total": 0])
            _ = await applied.next()
            _ = await heard.next()

            await cluster["consumer"].stop()
            for total in 1...10 { _ = try await producer.call("orders.create", ["total": .int(total)]) }
            // Published while the consumer was away: the listener heard them, the consumer did not.
            _ = await heard.next(10)

            let restarted = ServiceBroker(TestCluster.configuration(nodeID: "consumer", hub: cluster.hub, clock: cluster.clock))
            try await restarted.createService(KitTestServices.analytics(environment, applied: applied))
            try await restarted.start()
            let caughtUp = await applied.next(10)
            #expect(caughtUp.map { $0.data["total"] } == (1...10).map(JSON.int))
            #expect(caughtUp.map(\.seq) == Array(2...11))
            #expect(try await producer.call("analytics.count") == 11)
            #expect(applied.records.count == 11)
            await restarted.stop()
            await cluster.stop()
        }
    }
}
