import Broker

extension ReplCommand {
    /// Parses one REPL line; `nil` for a blank line.
    public static func parse(_ line: String) throws(ReplParseError) -> ReplCommand? {
        let tokens = try ReplTokenizer.tokens(of: line)
        guard let word = tokens.first else { return nil }
        guard !word.isJSON, let kind = Kind(word: word.text) else {
            let hint = Suggestion.hint(for: word.text, in: Kind.allCases.map(\.rawValue))
            throw ReplParseError("unknown command '\(word.text)'\(hint); type 'help' for the list")
        }
        let arguments = tokens.dropFirst()
        switch kind {
        case .call, .dcall, .emit, .broadcast: return try parseMessage(kind, arguments)
        case .nodes, .services, .actions, .events: return try parseListing(kind, arguments)
        case .bench: return try parseBench(arguments)
        case .listener: return try parseListener(arguments)
        case .help, .info, .quit: return try parseSimple(kind, arguments)
        }
    }

    /// `call`, `dcall`, `emit`, `broadcast` (and `bench`'s arguments): names, JSON arguments,
    /// flags, meta and options.
    static func parseMessage(_ kind: Kind, _ arguments: ArraySlice<ReplToken>) throws(ReplParseError) -> ReplCommand {
        let parser = ReplParamParser(command: kind.rawValue)
        let flags = try parser.parse(arguments)
        var command = ReplCommand(kind: kind)
        var positionals = flags.positionals[...]
        let what = kind == .emit || kind == .broadcast ? "event" : "action"
        if kind == .dcall {
            command.nodeID = try name(positionals.popFirst(), missing: "node ID", kind)
        }
        command.name = try name(positionals.popFirst(), missing: "\(what) name", kind)
        try command.setPayload(positionals, parser: parser, flags: flags)
        for option in flags.options { try command.apply(option) }
        return command
    }

    /// A name argument: present and not JSON.
    private static func name(_ token: ReplToken?, missing: String, _ kind: Kind) throws(ReplParseError) -> String {
        guard let token, !token.isJSON, !token.text.isEmpty else {
            throw ReplParseError("\(kind.rawValue): missing \(missing); usage: \(kind.usage)")
        }
        return token.text
    }

    /// Params and meta from up to two JSON arguments, merged with the flags (flags win).
    private mutating func setPayload(
        _ positionals: ArraySlice<ReplToken>, parser: ReplParamParser, flags: ReplParamParser.Parsed
    ) throws(ReplParseError) {
        var rest = positionals
        let jsonParams = try rest.popFirst().map { token throws(ReplParseError) in try Self.json(token, parser, "params") }
        let jsonMeta = try rest.popFirst().map { token throws(ReplParseError) in try Self.json(token, parser, "meta") }
        if let extra = rest.first {
            throw ReplParseError("\(kind.rawValue): unexpected argument '\(extra.text)'; usage: \(kind.usage)")
        }
        switch jsonParams {
        case .object(let members)?: params = .object(ReplParamParser.merged(members, flags.params))
        case let value? where flags.params.isEmpty: params = value
        case let value?:
            throw ReplParseError("\(kind.rawValue): --key flags need JSON params that are an object, not \(value.typeName)")
        case nil: params = .object(flags.params)
        }
        guard let metaObject = jsonMeta.map({ $0.objectValue }) ?? [:] else {
            throw ReplParseError("\(kind.rawValue): meta must be a JSON object")
        }
        meta = ReplParamParser.merged(metaObject, flags.meta)
    }

    /// A JSON argument (`{…}` or `[…]`); a plain word here is a mistake.
    private static func json(_ token: ReplToken, _ parser: ReplParamParser, _ role: String) throws(ReplParseError) -> JSON {
        guard token.isJSON else {
            throw ReplParseError("\(parser.command): unexpected argument '\(token.text)'; give \(role) as JSON or --key value")
        }
        return try parser.infer(token, flag: nil)
    }

    /// A `--$name value` option.
    private mutating func apply(_ option: (name: String, value: JSON, flag: String)) throws(ReplParseError) {
        let allowed: [String] = switch kind {
        case .call: ["timeout", "retries", "nodeID"]
        case .dcall: ["timeout", "retries"]
        case .emit, .broadcast: ["groups"]
        default: []
        }
        guard allowed.contains(option.name) else {
            let hint = Suggestion.hint(for: option.flag, in: allowed.map { "--$\($0)" })
            let list = allowed.map { "--$\($0)" }.joined(separator: ", ")
            throw ReplParseError("\(kind.rawValue): unknown option \(option.flag)\(hint); options: \(list)")
        }
        switch option.name {
        case "timeout":
            guard let milliseconds = option.value.doubleValue, milliseconds >= 0 else {
                throw ReplParseError("\(option.flag): \(option.value) is not a number of milliseconds")
            }
            timeout = .milliseconds(milliseconds)
        case "retries":
            guard let count = option.value.intValue, count >= 0 else {
                throw ReplParseError("\(option.flag): \(option.value) is not a number of retries")
            }
            retries = count
        case "nodeID":
            guard let node = option.value.stringValue, !node.isEmpty else {
                throw ReplParseError("\(option.flag): \(option.value) is not a node ID")
            }
            nodeID = node
        default:
            groups = try Self.groups(option.value, flag: option.flag)
        }
    }

    /// `--$groups a,b` or `--$groups '["a","b"]'`.
    private static func groups(_ value: JSON, flag: String) throws(ReplParseError) -> [String] {
        let names = value.stringValue.map { $0.commaSeparated() } ?? value.arrayValue?.compactMap(\.stringValue) ?? []
        guard !names.isEmpty, !names.contains(""), names.count == (value.arrayValue?.count ?? names.count) else {
            throw ReplParseError("\(flag): \(value) is not a list of group names")
        }
        return names
    }
}
