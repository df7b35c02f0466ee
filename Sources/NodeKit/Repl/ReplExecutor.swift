import Broker
import Synchronization

/// Runs REPL lines against a broker that has joined the cluster: the moleculer-repl command set.
/// A failing command prints its error and the session goes on.
public final class ReplExecutor: Sendable {
    let broker: ServiceBroker
    let printer: ReplPrinter
    /// The events with a listener service, and whether each one prints (`listener remove` mutes).
    let listeners = Mutex<[String: Bool]>([:])

    public init(broker: ServiceBroker, printer: ReplPrinter) {
        self.broker = broker
        self.printer = printer
    }

    /// Parses and runs one line; `false` once the user asked to quit.
    public func run(_ line: String) async -> Bool {
        do {
            guard let command = try ReplCommand.parse(line) else { return true }
            return await execute(command)
        } catch {
            printer.problem(error.message)
            return true
        }
    }

    /// Runs one parsed command; `false` for `quit`.
    public func execute(_ command: ReplCommand) async -> Bool {
        let name = command.name ?? ""
        switch command.kind {
        case .call, .dcall:
            do {
                printer.json(try await broker.call(name, command.params, options: command.callOptions))
            } catch {
                printer.error((error as? BrokerError) ?? .wrapping(error))
            }
        case .emit:
            await broker.emit(name, command.params, options: command.eventOptions)
            printer.line("event '\(name)' emitted")
        case .broadcast:
            await broker.broadcast(name, command.params, options: command.eventOptions)
            printer.line("event '\(name)' broadcast")
        case .nodes: await nodes(command.listing)
        case .services, .actions, .events: await listing(command.kind, command.listing)
        case .info: await info()
        case .bench: await bench(command)
        case .listener: await listener(command)
        case .help: help(command.topic)
        case .quit: return false
        }
        return true
    }

    /// `help`: every command with its summary; `help <command>`: its usage.
    func help(_ topic: String?) {
        if let topic, let kind = ReplCommand.Kind(word: topic) {
            printer.line("\(kind.usage)\n  \(kind.summary)")
            return
        }
        printer.table(["Command", "Description"], ReplCommand.Kind.allCases.map { [$0.rawValue, $0.summary] })
        printer.line("Type 'help <command>' for its options. Params: call math.add {\"a\": 1} or --a 1 --b 2.")
    }

    /// Calls a `$node` action for a listing; a failure is printed and gives `nil`.
    func nodeAction(_ action: String, _ params: JSON) async -> [JSON]? {
        do {
            return try await broker.call(action, params).arrayValue ?? []
        } catch {
            printer.error((error as? BrokerError) ?? .wrapping(error))
            return nil
        }
    }
}
