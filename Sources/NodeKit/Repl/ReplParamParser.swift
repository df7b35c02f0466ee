import Broker

/// Reads the words after `call <action>` and its kin, moleculer-repl style: `--a 5 --b "x y"
/// --flag` gives `{"a": 5, "b": "x y", "flag": true}`; `--user.name Ada` nests; a repeated
/// flag makes an array; `--#key` goes to meta and `--$key` to the call options.
///
/// Unquoted values are inferred: `true`, `false`, `null`, JSON numbers, JSON objects and
/// arrays; anything quoted stays a string.
struct ReplParamParser {
    /// The flags and the remaining positional words.
    struct Parsed {
        var positionals: [ReplToken] = []
        var params: [String: JSON] = [:]
        var meta: [String: JSON] = [:]
        /// `--$name value`, by name without the `$`, with the flag as typed (for errors).
        var options: [(name: String, value: JSON, flag: String)] = []
    }

    let command: String

    func parse(_ tokens: ArraySlice<ReplToken>) throws(ReplParseError) -> Parsed {
        var parsed = Parsed()
        var rest = tokens[...]
        while let token = rest.popFirst() {
            guard token.isLongOption else {
                parsed.positionals.append(token)
                continue
            }
            let body = token.text.dropFirst(2)
            let key = String(body.prefix { $0 != "=" })
            let flag = "--\(key)"
            let value: JSON
            if body.contains("=") {
                let text = String(body.drop { $0 != "=" }.dropFirst())
                let isJSON = !token.isQuoted && (text.hasPrefix("{") || text.hasPrefix("["))
                value = try infer(ReplToken(text: text, isQuoted: token.isQuoted, isJSON: isJSON), flag: flag)
            } else if let next = rest.first, !next.isLongOption {
                value = try infer(rest.removeFirst(), flag: flag)
            } else {
                value = true
            }
            switch key.first {
            case "#": try Self.set(value, path: try path(key.dropFirst(), flag: flag), in: &parsed.meta, flag: flag)
            case "$":
                guard key.count > 1 else { throw ReplParseError("\(command): \(flag) needs an option name") }
                parsed.options.append((String(key.dropFirst()), value, flag))
            default: try Self.set(value, path: try path(key[...], flag: flag), in: &parsed.params, flag: flag)
            }
        }
        return parsed
    }

    /// The value of a word: JSON when it looks like JSON, else inferred scalar, else text.
    func infer(_ token: ReplToken, flag: String?) throws(ReplParseError) -> JSON {
        if token.isJSON {
            do { return try JSONParser.parse(token.text) } catch {
                throw ReplParseError("\(command): bad JSON\(flag.map { " in \($0)" } ?? ""): \(error.message)")
            }
        }
        guard !token.isQuoted else { return .string(token.text) }
        switch token.text {
        case "true": return true
        case "false": return false
        case "null": return .null
        default: break
        }
        if let first = token.text.first, first.isNumber || first == "-",
            let number = try? JSONParser.parse(token.text), number.doubleValue != nil
        {
            return number
        }
        return .string(token.text)
    }

    /// The segments of a dotted key; empty segments are errors.
    private func path(_ key: Substring, flag: String) throws(ReplParseError) -> [Substring] {
        let segments = key.split(separator: ".", omittingEmptySubsequences: false)
        guard !segments.contains(where: \.isEmpty) else { throw ReplParseError("\(command): \(flag): empty key name") }
        return segments
    }

    /// Sets `value` at a dotted path, making nested objects; a repeated key collects an array.
    static func set(_ value: JSON, path: [Substring], in object: inout [String: JSON], flag: String) throws(ReplParseError) {
        let key = String(path[0])
        guard path.count > 1 else {
            switch object[key] {
            case nil: object[key] = value
            case .array(let items)?: object[key] = .array(items + [value])
            case let existing?: object[key] = .array([existing, value])
            }
            return
        }
        var child: [String: JSON]
        switch object[key] {
        case nil: child = [:]
        case .object(let members)?: child = members
        case let existing?: throw ReplParseError("\(flag): \"\(key)\" is already \(existing), not an object")
        }
        try set(value, path: Array(path.dropFirst()), in: &child, flag: flag)
        object[key] = .object(child)
    }

    /// `overlay` merged into `base`: objects merge key by key, anything else is replaced.
    static func merged(_ base: [String: JSON], _ overlay: [String: JSON]) -> [String: JSON] {
        base.merging(overlay) { old, new in
            if case .object(let oldMembers) = old, case .object(let newMembers) = new {
                return .object(merged(oldMembers, newMembers))
            }
            return new
        }
    }
}
