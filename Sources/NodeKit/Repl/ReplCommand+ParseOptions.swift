extension ReplCommand {
    /// `nodes`, `services`, `actions`, `events` and their switches.
    static func parseListing(_ kind: Kind, _ arguments: ArraySlice<ReplToken>) throws(ReplParseError) -> ReplCommand {
        var options: [ReplOptionScanner.Option] = [
            .init(short: "a", long: "all", valueName: nil),
            .init(short: "d", long: "details", valueName: nil),
            .init(short: "f", long: "filter", valueName: "pattern"),
        ]
        if kind != .nodes {
            options += [.init(short: "l", long: "local", valueName: nil), .init(short: "i", long: "skipinternal", valueName: nil)]
        }
        let scanned = try ReplOptionScanner(command: kind.rawValue, options: options).scan(arguments)
        try noPositionals(scanned, kind)
        var command = ReplCommand(kind: kind)
        command.listing.all = scanned.switches.contains("all")
        command.listing.details = scanned.switches.contains("details")
        command.listing.onlyLocal = scanned.switches.contains("local")
        command.listing.skipInternal = scanned.switches.contains("skipinternal")
        command.listing.filter = scanned.values["filter"]?.text
        return command
    }

    /// `bench <action> [jsonParams] [jsonMeta] [--num n | --time s] [--nodeID id]`.
    static func parseBench(_ arguments: ArraySlice<ReplToken>) throws(ReplParseError) -> ReplCommand {
        let scanned = try ReplOptionScanner(command: "bench", options: [
            .init(short: nil, long: "num", valueName: "n"),
            .init(short: nil, long: "time", valueName: "seconds"),
            .init(short: nil, long: "nodeID", valueName: "id"),
        ]).scan(arguments)
        var command = try parseMessage(.bench, scanned.positionals[...])
        command.nodeID = scanned.values["nodeID"]?.text
        switch (scanned.values["num"], scanned.values["time"]) {
        case (let num?, nil):
            guard let count = Int(num.text), count > 0 else { throw ReplParseError("bench: --num \(num.text) is not a positive number") }
            command.bench.count = count
        case (nil, let time?):
            guard let seconds = Double(time.text), seconds > 0, seconds.isFinite else {
                throw ReplParseError("bench: --time \(time.text) is not a positive number of seconds")
            }
            command.bench.duration = .milliseconds(seconds * 1000)
        case (nil, nil):
            command.bench.duration = .seconds(5)
        case (_?, _?):
            throw ReplParseError("bench: give --num or --time, not both")
        }
        return command
    }

    /// `listener add <event> [--group g]`, `listener remove <event>`, `listener list`.
    static func parseListener(_ arguments: ArraySlice<ReplToken>) throws(ReplParseError) -> ReplCommand {
        let scanned = try ReplOptionScanner(command: "listener", options: [.init(short: "g", long: "group", valueName: "group")])
            .scan(arguments)
        var words = scanned.positionals[...]
        guard let word = words.popFirst(), let action = ReplListenerAction(rawValue: word.text.lowercased()) else {
            throw ReplParseError("listener: expected add, remove or list; usage: \(Kind.listener.usage)")
        }
        var command = ReplCommand(kind: .listener)
        command.listener = action
        if action != .list {
            guard let event = words.popFirst(), !event.isJSON, !event.text.isEmpty else {
                throw ReplParseError("listener \(action.rawValue): missing event name; usage: \(Kind.listener.usage)")
            }
            command.name = event.text
        }
        if let extra = words.first { throw ReplParseError("listener \(action.rawValue): unexpected argument '\(extra.text)'") }
        command.listenerGroup = scanned.values["group"]?.text
        if command.listenerGroup != nil && action != .add { throw ReplParseError("listener \(action.rawValue): --group applies to add only") }
        return command
    }

    /// `help [command]`, `info`, `quit`.
    static func parseSimple(_ kind: Kind, _ arguments: ArraySlice<ReplToken>) throws(ReplParseError) -> ReplCommand {
        let scanned = try ReplOptionScanner(command: kind.rawValue, options: []).scan(arguments)
        var command = ReplCommand(kind: kind)
        var words = scanned.positionals[...]
        if kind == .help, let topic = words.popFirst() {
            guard let named = Kind(word: topic.text) else {
                let hint = Suggestion.hint(for: topic.text, in: Kind.allCases.map(\.rawValue))
                throw ReplParseError("help: unknown command '\(topic.text)'\(hint)")
            }
            command.topic = named.rawValue
        }
        try noPositionals(ReplOptionScanner.Scanned(positionals: Array(words)), kind)
        return command
    }

    private static func noPositionals(_ scanned: ReplOptionScanner.Scanned, _ kind: Kind) throws(ReplParseError) {
        if let extra = scanned.positionals.first {
            throw ReplParseError("\(kind.rawValue): unexpected argument '\(extra.text)'; usage: \(kind.usage)")
        }
    }
}
