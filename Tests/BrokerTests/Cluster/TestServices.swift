import Broker
import BrokerTesting

/// Small services for the cluster tests.
enum TestServices {
    /// `echo.who` answers its node; `echo.params` echoes params; `echo.meta` sets meta;
    /// `echo.fail` throws a retryable error on chosen nodes; `echo.slow` sleeps on the clock.
    static func echo(failOn: Set<String> = [], clock: (any BrokerClock)? = nil) -> ServiceSchema {
        ServiceSchema(name: "echo", actions: [
            ActionSchema("who") { ctx in .string(ctx.broker.nodeID) },
            ActionSchema("params") { ctx in ctx.params },
            ActionSchema("meta") { ctx in
                ctx.meta["touchedBy"] = .string(ctx.broker.nodeID)
                return .object(ctx.meta)
            },
            ActionSchema("fail") { ctx in
                if failOn.contains(ctx.broker.nodeID) { throw BrokerError.retryable("failing on \(ctx.broker.nodeID)") }
                return .string(ctx.broker.nodeID)
            },
            ActionSchema("slow") { ctx in
                let millis = ctx.params["ms"]?.intValue ?? 1000
                try await (clock ?? ctx.broker.clock).sleep(for: .milliseconds(millis))
                return .string(ctx.broker.nodeID)
            },
            ActionSchema("crash") { _ in throw BrokerError.server("boom") },
        ])
    }

    /// A service that records every event it receives as "<service>@<node>:<event>".
    static func listener(_ name: String, events: [String], group: String? = nil, recorder: Recorder<String>) -> ServiceSchema {
        ServiceSchema(name: name, events: events.map { event in
            EventSchema(event, group: group) { ctx in
                recorder.record("\(name)@\(ctx.broker.nodeID):\(ctx.eventName ?? "?")")
            }
        })
    }
}
