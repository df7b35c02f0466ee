/// Answers calls of actions with `cache` options from the cacher, on the caller's side (local
/// and remote endpoints alike), and stores fresh results.
struct CacherMiddleware: BrokerMiddleware {
    let cacher: MemoryCacher

    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        wrap(next, action: action)
    }

    func wrapRemoteAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        wrap(next, action: action)
    }

    private func wrap(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        guard let options = action.cache else { return next }
        return { ctx in
            let key = options.key(action: action.name, params: ctx.params, meta: ctx.meta)
            if let cached = cacher.get(key) {
                ctx.locals["$cached"] = true
                return cached
            }
            let result = try await next(ctx)
            cacher.set(key, result, ttl: options.ttl)
            return result
        }
    }
}
