import Broker

/// The consumer's pull loop: reads every source's outbox after its cursor at start, every
/// `catchUpInterval`, and when woken (a source's node came or went).
struct CatchUp: Sendable {
    let consumers: [SourceConsumer]
    let broker: ServiceBroker
    let timing: EventTiming
    let signal = WakeSignal()

    func run() async {
        while !Task.isCancelled {
            for consumer in consumers { await consumer.pull(broker) }
            await signal.wait(upTo: timing.catchUpInterval, clock: broker.clock)
        }
    }

    /// Notes which nodes offer each source's outbox action; when that changes, marks the
    /// source unsynced and wakes the loop.
    func sourcesChanged(_ view: RegistryView, previous: inout [String: [String]]) async {
        var changed = false
        for consumer in consumers {
            let action = consumer.outboxAction
            let nodes = view.action(action)?.nodes ?? []
            guard previous[action] != nodes else { continue }
            previous[action] = nodes
            await consumer.sourceChanged()
            changed = true
        }
        if changed { signal.wake() }
    }
}
