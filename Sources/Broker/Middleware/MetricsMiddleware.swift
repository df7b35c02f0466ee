/// Counts requests (total, active, errors) and measures their latency, per action, for
/// actions handled here (`local`) and calls sent to other nodes (`remote`).
struct MetricsMiddleware: BrokerMiddleware {
    let metrics: BrokerMetrics
    let clock: any BrokerClock

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

    private func wrap(_ next: @escaping ActionHandler, metrics: ActionMetrics) -> ActionHandler {
        let clock = self.clock
        return { ctx in
            let start = clock.now
            metrics.started()
            do {
                let result = try await next(ctx)
                metrics.finished(after: clock.now - start, failed: false)
                return result
            } catch {
                metrics.finished(after: clock.now - start, failed: true)
                throw error
            }
        }
    }
}
