extension ReplCommand.Kind {
    /// The other words for some commands: `exit` and `q` for `quit`, `?` for `help`.
    public static let aliases: [String: Self] = ["exit": .quit, "q": .quit, "?": .help]

    /// The kind named by a command word, aliases included.
    public init?(word: String) {
        guard let kind = Self.aliases[word.lowercased()] ?? Self(rawValue: word.lowercased()) else { return nil }
        self = kind
    }

    /// The command's synopsis, for `help` and error messages.
    public var usage: String {
        switch self {
        case .call: return "call <action> [jsonParams] [jsonMeta] [--key value ...] [--#metaKey value] [--$timeout ms] [--$retries n] [--$nodeID id]"
        case .dcall: return "dcall <nodeID> <action> [jsonParams] [jsonMeta] [--key value ...] [--#metaKey value] [--$timeout ms] [--$retries n]"
        case .emit: return "emit <event> [jsonPayload] [jsonMeta] [--key value ...] [--#metaKey value] [--$groups a,b]"
        case .broadcast: return "broadcast <event> [jsonPayload] [jsonMeta] [--key value ...] [--#metaKey value] [--$groups a,b]"
        case .nodes: return "nodes [-a|--all] [-d|--details] [-f|--filter <pattern>]"
        case .services, .actions, .events:
            return "\(rawValue) [-f|--filter <pattern>] [-l|--local] [-i|--skipinternal] [-a|--all] [-d|--details]"
        case .info: return "info"
        case .bench: return "bench <action> [jsonParams] [jsonMeta] [--num n | --time s] [--nodeID id]"
        case .listener: return "listener add <event> [--group g] | listener remove <event> | listener list"
        case .help: return "help [command]"
        case .quit: return "quit"
        }
    }

    /// One line on what the command does.
    public var summary: String {
        switch self {
        case .call: return "call an action"
        case .dcall: return "call an action on one node"
        case .emit: return "emit an event (one handler per group)"
        case .broadcast: return "broadcast an event to every handler"
        case .nodes: return "list the nodes"
        case .services: return "list the services"
        case .actions: return "list the actions"
        case .events: return "list the event subscriptions"
        case .info: return "show this node's information"
        case .bench: return "measure an action's throughput and latency"
        case .listener: return "print events as they arrive"
        case .help: return "list the commands, or show one's usage"
        case .quit: return "leave the REPL"
        }
    }
}
