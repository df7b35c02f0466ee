import Broker
import GRDB

/// What a store service is made of besides its actions: its database, its outbox and its
/// reliable subscriptions, wired into the service's lifecycle.
///
/// ```swift
/// public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
///     let store = StoreService(name: "orders", environment: environment, migrator: OrdersDatabase.migrator)
///     return store.schema(
///         outbox: true,
///         actions: [
///             ActionSchema("create") { (ctx: Context, input: NewOrder) -> Order in
///                 try await store.database.write { db in
///                     let order = try input.insert(db)
///                     try db.enqueueEvent("order.created", ["orderID": .int(order.id)])
///                     return order
///                 }
///             },
///         ],
///         subscriptions: [
///             ReliableSubscription(source: "payments", events: ["payment.success"]) { event, db in ... },
///         ])
/// }
/// ```
///
/// `started` opens and migrates the database, then starts the relay (with `outbox`) and the
/// catch-up (with subscriptions); `stopped` stops them and closes the database.
public struct StoreService: Sendable {
    public let name: String
    public let database: StoreDatabase
    public let environment: ServiceEnvironment
    public let timing: EventTiming

    public init(name: String, environment: ServiceEnvironment, migrator: DatabaseMigrator = DatabaseMigrator(), timing: EventTiming = EventTiming()) {
        self.name = name
        database = StoreDatabase(name: name, environment: environment, migrator: migrator)
        self.environment = environment
        self.timing = timing
    }

    /// A service's own long-running work (a sweep, a delivery loop): run after the database is
    /// open, cancelled and awaited before it closes. It should return when its task is cancelled.
    public typealias BackgroundTask = @Sendable (ServiceBroker) async -> Void

    /// The service: `actions` plus `<name>.outbox` when `outbox` is on, `events` plus one
    /// subscription per event of each reliable subscription, and `tasks` running while it runs.
    public func schema(
        settings: JSON = [:], dependencies: [String] = [], outbox: Bool = false, actions: [ActionSchema] = [],
        events: [EventSchema] = [], subscriptions: [ReliableSubscription] = [], tasks: [BackgroundTask] = []
    ) -> ServiceSchema {
        let consumers = subscriptions.map { SourceConsumer($0, database: database, logger: environment.logger) }
        let pushed = consumers.flatMap { consumer in
            consumer.subscription.events.map { name in
                EventSchema(name) { ctx in try await consumer.push(name, ctx.params, broker: ctx.broker) }
            }
        }
        let loops = BackgroundLoops()
        return ServiceSchema(
            name: name, settings: settings, dependencies: dependencies,
            actions: actions + (outbox ? [OutboxAction.schema(database)] : []),
            events: events + pushed,
            started: { [self] broker in
                try database.open()
                loops.start(self.loops(broker: broker, outbox: outbox, consumers: consumers) + tasks.map { task in { await task(broker) } })
            },
            stopped: { [database] _ in
                await loops.stop()
                try database.close()
            })
    }

    private func loops(broker: ServiceBroker, outbox: Bool, consumers: [SourceConsumer]) -> [@Sendable () async -> Void] {
        let relay = outbox ? OutboxRelay(database: database, broker: broker, timing: timing, logger: environment.logger) : nil
        let catchUp = consumers.isEmpty ? nil : CatchUp(consumers: consumers, broker: broker, timing: timing)
        guard relay != nil || catchUp != nil else { return [] }
        let database = database
        let watch: @Sendable () async -> Void = {
            var sources: [String: [String]] = [:]
            for await view in broker.registryChanges {
                database.relaySignal.wake()
                await catchUp?.sourcesChanged(view, previous: &sources)
            }
        }
        var loops: [@Sendable () async -> Void] = [watch]
        if let relay { loops.append { await relay.run() } }
        if let catchUp { loops.append { await catchUp.run() } }
        return loops
    }
}
