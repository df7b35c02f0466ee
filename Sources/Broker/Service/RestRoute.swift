/// An action's HTTP route, as the API gateway exposes it: `"GET /products/:id"`, or a path alone
/// (`"/products"`) for every method. It travels in the action's INFO entry as Moleculer's `rest`
/// does (the string form), so a gateway on any node builds its router from the registry.
public struct RestRoute: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD`, `OPTIONS`, or `*` for any.
    public let method: String
    /// Starts with `/`; `:name` segments are path params.
    public let path: String

    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*"]

    /// Parses `"METHOD /path"` or `"/path"`; throws naming what is wrong.
    public init(parsing text: String) throws(BrokerError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        let method = parts.count == 2 ? parts[0].uppercased() : "*"
        let path = parts.last.map(String.init) ?? ""
        guard parts.count == 1 || parts.count == 2, Self.methods.contains(method), path.hasPrefix("/") else {
            throw BrokerError(
                code: .serviceSchema,
                message: "\"\(text)\" is not a REST route; write \"METHOD /path\" (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS) or \"/path\"")
        }
        self.method = method
        self.path = path
    }

    /// A route written in code; an invalid one is a programming error and stops the program
    /// with the parse error's message.
    public init(stringLiteral value: String) {
        do {
            try self.init(parsing: value)
        } catch {
            preconditionFailure(error.message)
        }
    }

    /// Reads a route as peers publish it: the string form, or Moleculer's `{method, path}`
    /// object; nil for anything else.
    init?(json: JSON) {
        if let text = json.stringValue {
            guard let route = try? RestRoute(parsing: text) else { return nil }
            self = route
        } else if let path = json["path"]?.stringValue {
            let method = json["method"]?.stringValue ?? "*"
            guard let route = try? RestRoute(parsing: "\(method) \(path)") else { return nil }
            self = route
        } else {
            return nil
        }
    }

    /// `GET /products/:id`, or the path alone for any method.
    public var description: String { method == "*" ? path : "\(method) \(path)" }

    /// The names of the `:name` path params, in order.
    public var pathParams: [String] {
        path.split(separator: "/").compactMap { $0.hasPrefix(":") ? String($0.dropFirst()) : nil }
    }
}
