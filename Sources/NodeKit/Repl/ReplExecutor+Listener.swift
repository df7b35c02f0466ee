import Broker

/// `listener add|remove|list`: a local service subscribes to the event and prints what arrives.
///
/// The broker cannot remove a service, so `remove` silences the subscription; it stays in the
/// registry until the REPL exits, and a later `add` of the same event reuses it.
extension ReplExecutor {
    func listener(_ command: ReplCommand) async {
        let event = command.name ?? ""
        switch command.listener {
        case .add?:
            let existing = listeners.withLock { listeners -> Bool in
                guard listeners[event] != nil else { return false }
                listeners[event] = true
                return true
            }
            if !existing {
                let service = "$repl-listener-\(listeners.withLock { $0.count } + 1)"
                let schema = ServiceSchema(name: service, events: [
                    EventSchema(event, group: command.listenerGroup) { [self] ctx in self.received(ctx, listenedAs: event) },
                ])
                do {
                    try await broker.createService(schema)
                } catch {
                    return printer.error((error as? BrokerError) ?? .wrapping(error))
                }
                listeners.withLock { $0[event] = true }
            }
            printer.line("listening to '\(event)'")
        case .remove?:
            let removed = listeners.withLock { listeners -> Bool in
                guard listeners[event] == true else { return false }
                listeners[event] = false
                return true
            }
            if removed { printer.line("stopped listening to '\(event)'") } else { printer.problem("not listening to '\(event)'") }
        case .list?, nil:
            let events = listeners.withLock { $0.filter(\.value).keys.sorted() }
            printer.line(events.isEmpty ? "no listeners" : events.joined(separator: "\n"))
        }
    }

    private func received(_ ctx: Context, listenedAs event: String) {
        guard listeners.withLock({ $0[event] == true }) else { return }
        var text = ">> event '\(ctx.eventName ?? event)' from node \(ctx.nodeID)\n" + printer.formatter.format(ctx.params)
        if !ctx.meta.isEmpty { text += "\nmeta: " + printer.formatter.format(.object(ctx.meta)) }
        printer.line(text)
    }
}
