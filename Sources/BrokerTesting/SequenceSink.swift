import Broker

/// For event-ordering tests: a burst of numbered events alternating between two names, and a
/// service recording the numbers in the order its handler runs (suspending on every third, so
/// a reordering would show).
public enum SequenceSink {
    /// The `sink` service: records `n` of every `order.*` event.
    public static func schema(_ seen: Recorder<Int>) -> ServiceSchema {
        ServiceSchema(name: "sink", events: [
            EventSchema("order.*") { ctx in
                let n = ctx.params["n"]?.intValue ?? -1
                if n.isMultiple(of: 3) { await Task.yield() }
                seen.record(n)
            },
        ])
    }

    /// Emits `order.created` / `order.paid` with `n` = 0..<count, one after another.
    public static func emitBurst(from broker: ServiceBroker, count: Int) async {
        for n in 0..<count {
            await broker.emit(n.isMultiple(of: 2) ? "order.created" : "order.paid", ["n": .int(n)])
        }
    }
}
