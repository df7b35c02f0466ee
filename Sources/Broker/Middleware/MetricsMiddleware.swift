/// Counts requests (total, active, errors) and measures their latency, per action, for
/// actions handled here (`local`) and calls sent to other nodes (`remote`).
struct MetricsMiddleware: BrokerMiddleware {
    let metrics: BrokerMetrics

    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        wrap(next, metrics: metrics.action(action.name, side: "local"))
    }

    func wrapRemoteAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        wrap(next, metrics: metrics.action(action.name, side: "remote"))
    }

    func wrapLocalEvent(_ next: @escaping EventHandler, event: EventDefinition) -> EventHandler {
        let metrics = self.metrics
        return { ctx in
            metrics.eventEmitted("received:\(ctx.eventName ?? event.name)")
            try await next(ctx)
        }
    }

    /// Latency is measured on the monotonic system clock in raw nanoseconds, not the broker's
    /// clock: `Duration` arithmetic costs more than the rest of the measurement.
    private func wrap(_ next: @escaping ActionHandler, metrics: ActionMetrics) -> ActionHandler {
        { ctx in
            let start = MonotonicTime.nanoseconds
            metrics.started()
            do {
                let result = try await next(ctx)
                metrics.finished(nanoseconds: MonotonicTime.nanoseconds &- start, failed: false)
                return result
            } catch {
                metrics.finished(nanoseconds: MonotonicTime.nanoseconds &- start, failed: true)
                throw error
            }
        }
    }
}
