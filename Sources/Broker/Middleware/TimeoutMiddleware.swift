/// Sets each call's deadline (the call's own timeout, else the action's, else the broker's,
/// never later than the parent's) and enforces it. A call with no time left is skipped with
/// RequestSkippedError; a local handler past its deadline answers RequestTimeoutError; a remote
/// call's deadline is enforced by the pending-request table and sent to the callee.
struct TimeoutMiddleware: BrokerMiddleware {
    let defaultTimeout: Duration?
    let clock: any BrokerClock

    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        { ctx in
            guard let deadline = try applyDeadline(ctx, action: action) else { return try await next(ctx) }
            return try await ctx.broker.raceDeadline(ctx, deadline: deadline, next)
        }
    }

    func wrapRemoteAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        { ctx in
            _ = try applyDeadline(ctx, action: action)
            return try await next(ctx)
        }
    }

    /// Computes and stores the deadline; throws when it has already passed.
    private func applyDeadline(_ ctx: Context, action: ActionDefinition) throws -> Duration? {
        let timeout = ctx.options.timeout ?? action.timeout ?? defaultTimeout
        var deadline = ctx.deadline
        if deadline == nil && timeout == nil { return nil }
        let now = clock.now
        if let timeout, timeout > .zero {
            deadline = min(deadline ?? now + timeout, now + timeout)
        }
        guard let deadline else { return nil }
        if deadline <= now { throw BrokerError.requestSkipped(action: action.name, nodeID: ctx.broker.nodeID) }
        ctx.deadline = deadline
        return deadline
    }
}
