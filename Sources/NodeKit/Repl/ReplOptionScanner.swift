/// Splits the words of an option-style command (`nodes -a -f 'math.*'`, `bench x --num 5`)
/// into positional arguments, switches and valued options, rejecting unknown options.
struct ReplOptionScanner {
    /// One accepted option: `-f` / `--filter`, with or without a value.
    struct Option {
        let short: Character?
        let long: String
        let valueName: String?

        var synopsis: String {
            let names = short.map { "-\($0)|--\(long)" } ?? "--\(long)"
            return valueName.map { "\(names) <\($0)>" } ?? names
        }
    }

    /// The result: positional words in order, switches given, and option values by long name.
    struct Scanned {
        var positionals: [ReplToken] = []
        var switches: Set<String> = []
        var values: [String: ReplToken] = [:]
    }

    let command: String
    let options: [Option]

    func scan(_ tokens: ArraySlice<ReplToken>) throws(ReplParseError) -> Scanned {
        var scanned = Scanned()
        var rest = tokens[...]
        while let token = rest.popFirst() {
            guard token.isOption else {
                scanned.positionals.append(token)
                continue
            }
            var found: [(Option, inlineValue: String?)] = []
            if token.isLongOption {
                let body = token.text.dropFirst(2)
                let name = body.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                found.append((try option(long: name, token: token), inline))
            } else {
                for letter in token.text.dropFirst() { found.append((try option(short: letter, token: token), nil)) }
            }
            for (option, inline) in found {
                guard let valueName = option.valueName else {
                    guard inline == nil else { throw ReplParseError("\(command): --\(option.long) takes no value") }
                    scanned.switches.insert(option.long)
                    continue
                }
                if let inline {
                    scanned.values[option.long] = ReplToken(text: inline, isQuoted: token.isQuoted)
                } else if found.count == 1, let value = rest.first, !value.isOption {
                    scanned.values[option.long] = rest.removeFirst()
                } else {
                    throw ReplParseError("\(command): \(token.text) needs a value <\(valueName)>")
                }
            }
        }
        return scanned
    }

    private func option(long name: String, token: ReplToken) throws(ReplParseError) -> Option {
        guard let option = options.first(where: { $0.long.lowercased() == name.lowercased() }) else { throw unknown(token, name) }
        return option
    }

    private func option(short letter: Character, token: ReplToken) throws(ReplParseError) -> Option {
        guard let option = options.first(where: { $0.short == letter }) else { throw unknown(token, nil) }
        return option
    }

    private func unknown(_ token: ReplToken, _ longName: String?) -> ReplParseError {
        let hint = longName.map { Suggestion.hint(for: "--\($0)", in: options.map { "--\($0.long)" }) } ?? ""
        let list = options.isEmpty ? "it takes none" : "options: " + options.map(\.synopsis).joined(separator: ", ")
        return ReplParseError("\(command): unknown option '\(token.text)'\(hint); \(list)")
    }
}
