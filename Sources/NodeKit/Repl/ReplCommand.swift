import Broker

/// One line of `quark repl`, parsed: the moleculer-repl command set.
///
/// Fields that do not apply to a command keep their defaults. Parse with ``parse(_:)``.
public struct ReplCommand: Sendable, Equatable {
    /// The command word. Aliases: `exit` and `q` for `quit`, `?` for `help`.
    public enum Kind: String, Sendable, CaseIterable {
        case call, dcall, emit, broadcast
        case nodes, services, actions, events, info
        case bench, listener, help, quit
    }

    public var kind: Kind
    /// The action (`call`, `dcall`, `bench`) or the event (`emit`, `broadcast`, `listener add|remove`).
    public var name: String?
    /// The node to call: `dcall`'s first argument, `call --$nodeID` or `bench --nodeID`.
    public var nodeID: String?
    /// The params or event payload: the JSON argument merged with `--key value` flags (flags win).
    public var params: JSON = [:]
    /// The meta: a second JSON argument merged with `--#key value` flags.
    public var meta: [String: JSON] = [:]
    /// `--$timeout <ms>`.
    public var timeout: Duration?
    /// `--$retries <n>`.
    public var retries: Int?
    /// `--$groups a,b` on `emit` and `broadcast`: only these groups get the event.
    public var groups: [String]?
    /// `-a -d -f <filter> -l -i` of `nodes`, `services`, `actions`, `events`.
    public var listing = ReplListingOptions()
    /// `--num` / `--time` of `bench`.
    public var bench = ReplBenchOptions()
    /// `listener add|remove|list`.
    public var listener: ReplListenerAction?
    /// `listener add <event> --group <group>`.
    public var listenerGroup: String?
    /// `help <command>`.
    public var topic: String?

    public init(kind: Kind) {
        self.kind = kind
    }

    /// The options of a `call`, `dcall` or `bench`.
    public var callOptions: CallOptions {
        CallOptions(timeout: timeout, retries: retries, nodeID: nodeID, meta: meta)
    }

    /// The options of an `emit` or `broadcast`.
    public var eventOptions: EventOptions {
        EventOptions(groups: groups, meta: meta)
    }
}
