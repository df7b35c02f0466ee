/// Sets each call's deadline (the call's own timeout, else the action's, else the broker's,
/// never later than the parent's) and enforces it. A call with no time left is skipped with
/// RequestSkippedError. A remote call's deadline is enforced by the pending-request table's
/// sweep, which fails the call when it passes, and is sent to the callee.
///
/// A local handler runs in its caller's task, with no task of its own: its nested calls get only
/// the time left (and fail with RequestTimeoutError when it runs out), and a handler that returns
/// or throws after its deadline answers RequestTimeoutError. Swift cannot interrupt a handler
/// that waits on something else, so such a handler holds its caller until it returns.
struct TimeoutMiddleware: BrokerMiddleware {
    let defaultTimeout: Duration?
    let clock: any BrokerClock

    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        { ctx in
            guard let deadline = try applyDeadline(ctx, action: action) else { return try await next(ctx) }
            let outcome: Result<JSON, any Error>
            do { outcome = .success(try await next(ctx)) } catch { outcome = .failure(error) }
            if clock.now >= deadline { throw BrokerError.requestTimeout(action: action.name, nodeID: ctx.broker.nodeID) }
            return try outcome.get()
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
