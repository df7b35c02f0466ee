/// A configuration problem, told in one line that says where it is.
///
/// The description reads `<source>[:<line>]: [<field>: ]<message>`, for example
/// `nodes.yml:12: nodes[2].port: 70000 is not a port (1-65535)` or
/// `environment: QUARK_SEEDS: "h:1" is not tcp://host:port`. `quark` prints it and exits with
/// ``exitCode``.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exit code of a `quark` command that fails with a configuration error.
    public static let exitCode: Int32 = 2

    /// Where the problem is: a file path, `command line` or `environment`.
    public var source: String
    /// The 1-based line in `source`, when known.
    public var line: Int?
    /// The faulty field: `nodes[2].port`, `--seeds`, `QUARK_SEEDS`; `nil` when the problem is the
    /// source as a whole (an empty file, a YAML syntax error).
    public var field: String?
    /// What is wrong, without the location.
    public var message: String

    public init(source: String, line: Int? = nil, field: String? = nil, message: String) {
        self.source = source
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var out = source
        if let line { out += ":\(line)" }
        out += ": "
        if let field { out += "\(field): " }
        out += message
        return String(out.map { $0.isNewline ? " " : $0 })
    }
}

/// A value that does not parse, before its location is known; callers turn it into a
/// ``ConfigError`` naming the file and line, or the flag, or the environment variable.
struct ConfigProblem: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
