/// Validates the params of local actions that declare a schema, applying defaults.
struct ValidationMiddleware: BrokerMiddleware {
    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        guard let schema = action.params else { return next }
        return { ctx in
            ctx.params = try schema.validate(ctx.params)
            return try await next(ctx)
        }
    }
}
