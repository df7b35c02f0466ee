import Broker
import Yams

/// Reads typed values out of a composed YAML tree; every mismatch becomes a ``ConfigError``
/// naming the file, the node's line and the field path (`nodes[2].port`).
struct YAMLReader {
    /// The file name used in errors.
    let file: String

    func error(at node: Node?, _ field: String?, _ message: String) -> ConfigError {
        ConfigError(source: file, line: node?.mark?.line, field: field, message: message)
    }

    /// The entries of a mapping; rejects other nodes, non-string keys and keys not in `allowed`.
    func mapping(_ node: Node, _ field: String, allowed: [String]) throws(ConfigError) -> YAMLMapping {
        let location = field.isEmpty ? nil : field
        guard case .mapping(let mapping) = node else {
            throw error(at: node, location, "expected a mapping (key: value), found \(kind(of: node))")
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { throw error(at: key, location, "keys must be plain names") }
            guard allowed.contains(scalar.string) else {
                let hint = Suggestion.hint(for: scalar.string, in: allowed)
                let path = field.isEmpty ? scalar.string : "\(field).\(scalar.string)"
                throw error(at: key, path, "unknown key\(hint); allowed: \(allowed.joined(separator: ", "))")
            }
            entries[scalar.string] = (key, value)
        }
        return YAMLMapping(node: node, field: field, entries: entries)
    }

    /// The items of a sequence, with their field paths (`seeds[1]`).
    func sequence(_ node: Node, _ field: String) throws(ConfigError) -> [(node: Node, field: String)] {
        guard case .sequence(let sequence) = node else {
            throw error(at: node, field, "expected a list, found \(kind(of: node))")
        }
        return sequence.enumerated().map { ($1, "\(field)[\($0)]") }
    }

    /// A scalar's text; numbers and booleans are taken as written.
    func string(_ node: Node, _ field: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            throw error(at: node, field, "expected a text value, found \(kind(of: node))")
        }
        return scalar.string
    }

    /// A list of texts: a YAML list, or one comma-separated text.
    func strings(_ node: Node, _ field: String) throws(ConfigError) -> [(text: String, node: Node, field: String)] {
        if case .scalar = node {
            let text = try string(node, field)
            return text.commaSeparated().enumerated().map { ($1, node, "\(field)[\($0)]") }
        }
        var texts: [(text: String, node: Node, field: String)] = []
        for item in try sequence(node, field) {
            texts.append((try string(item.node, item.field), item.node, item.field))
        }
        return texts
    }

    /// An integer written as a YAML number.
    func int(_ node: Node, _ field: String) throws(ConfigError) -> Int {
        guard node.tag.rawValue == Tag.Name.int.rawValue, let value = node.int else {
            throw error(at: node, field, "expected a whole number, found \(kind(of: node))")
        }
        return value
    }

    func port(_ node: Node, _ field: String) throws(ConfigError) -> Int {
        let number: Int
        do { number = try int(node, field) } catch {
            throw self.error(at: node, field, "expected a port number (1-65535), found \(kind(of: node))")
        }
        return try check(node, field) { () throws(ConfigProblem) in try TCPEndpoint.checkPort(number) }
    }

    /// A duration: a YAML number of milliseconds, or a text such as `5s` or `500ms`.
    func duration(_ node: Node, _ field: String) throws(ConfigError) -> Duration {
        let text = try string(node, field)
        return try check(node, field) { () throws(ConfigProblem) in try ConfigValues.duration(text) }
    }

    /// Runs a value parser, locating its problem at `node`.
    func check<T>(_ node: Node, _ field: String, _ parse: () throws(ConfigProblem) -> T) throws(ConfigError) -> T {
        do { return try parse() } catch { throw self.error(at: node, field, error.message) }
    }

    /// Converts a YAML value to JSON (for free-form options).
    func json(_ node: Node, _ field: String) throws(ConfigError) -> JSON {
        switch node {
        case .scalar(let scalar):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return node.bool.map(JSON.bool) ?? .string(scalar.string)
            case Tag.Name.int.rawValue: return node.int.map(JSON.int) ?? .string(scalar.string)
            case Tag.Name.float.rawValue:
                guard let value = node.float, value.isFinite else { throw error(at: node, field, "JSON has no \(scalar.string)") }
                return .double(value)
            default: return .string(scalar.string)
            }
        case .sequence:
            var items: [JSON] = []
            for item in try sequence(node, field) { items.append(try json(item.node, item.field)) }
            return .array(items)
        case .mapping(let mapping):
            var members: [String: JSON] = [:]
            for (key, value) in mapping {
                let name = try string(key, field)
                members[name] = try json(value, "\(field).\(name)")
            }
            return .object(members)
        case .alias:
            throw error(at: node, field, "aliases are not supported here")
        }
    }

    func isNull(_ node: Node) -> Bool {
        node.tag.rawValue == Tag.Name.null.rawValue
    }

    /// How a node reads in an error message: `a list`, `a mapping`, or the scalar's text.
    func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): return isNull(node) ? "nothing" : "\"\(scalar.string)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
