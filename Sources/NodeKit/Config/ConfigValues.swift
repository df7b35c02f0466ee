import Logging

/// Parsers for the scalar settings shared by `nodes.yml`, flags and environment variables.
enum ConfigValues {
    /// Log level names: swift-log's, plus Moleculer's `warn` and `fatal`.
    static let logLevels: [String: Logger.Level] = {
        var levels = Dictionary(uniqueKeysWithValues: Logger.Level.allCases.map { ($0.rawValue, $0) })
        levels["warn"] = .warning
        levels["fatal"] = .critical
        return levels
    }()

    static func logLevel(_ text: String) throws(ConfigProblem) -> Logger.Level {
        guard let level = logLevels[text.lowercased()] else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigProblem("\"\(text)\" is not a log level (\(names))")
        }
        return level
    }

    static func logFormat(_ text: String) throws(ConfigProblem) -> LogFormat {
        guard let format = LogFormat(rawValue: text.lowercased()) else {
            let names = LogFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigProblem("\"\(text)\" is not a log format (\(names))")
        }
        return format
    }

    /// A node id or a namespace: letters, digits, `.`, `_` and `-`.
    static func name(_ text: String, what: String, allowEmpty: Bool = false) throws(ConfigProblem) -> String {
        guard allowEmpty || !text.isEmpty else { throw ConfigProblem("the \(what) is empty") }
        let valid = text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-")
        }
        guard valid else {
            throw ConfigProblem("\"\(text)\" is not a valid \(what) (letters, digits, '.', '_', '-')")
        }
        return text
    }

    /// Service names: each known, none twice.
    static func services(_ names: [String], known: Set<String>) throws(ConfigProblem) -> [String] {
        var seen: Set<String> = []
        for name in names {
            try service(name, known: known)
            guard seen.insert(name).inserted else { throw ConfigProblem("service \"\(name)\" is listed twice") }
        }
        return names
    }

    /// Checks that a service name is one of the known ones.
    static func service(_ name: String, known: Set<String>) throws(ConfigProblem) {
        guard !name.isEmpty else { throw ConfigProblem("empty service name") }
        guard known.contains(name) else {
            let list = known.sorted().joined(separator: ", ")
            throw ConfigProblem("unknown service \"\(name)\"\(Suggestion.hint(for: name, in: known)); known: \(list)")
        }
    }

    /// Seeds: `tcp://host:port` each, reachable hosts, none twice.
    static func seeds(_ texts: [String]) throws(ConfigProblem) -> [TCPEndpoint] {
        var seeds: [TCPEndpoint] = []
        for text in texts {
            let seed = try TCPEndpoint.parse(text, dialable: true)
            guard !seeds.contains(seed) else { throw ConfigProblem("seed \(seed) is listed twice") }
            seeds.append(seed)
        }
        return seeds
    }

    /// A duration: a number of milliseconds, or a number with a unit: `500ms`, `5s`, `1.5m`, `1h`.
    static func duration(_ text: String) throws(ConfigProblem) -> Duration {
        let units: [(suffix: String, milliseconds: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        var number = Substring(text.trimmingSpaces())
        var scale = 1.0
        for unit in units where number.hasSuffix(unit.suffix) {
            number = number.dropLast(unit.suffix.count)
            scale = unit.milliseconds
            break
        }
        guard let value = Double(number.trimmingSpaces()), value.isFinite, value > 0,
            number.first?.isNumber == true
        else {
            throw ConfigProblem("\"\(text)\" is not a duration (milliseconds, or a number with ms, s, m or h)")
        }
        return .milliseconds(Int64((value * scale).rounded()))
    }

    /// A duration as an operator would write it: `500ms`, `5s`.
    static func describe(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }
}
