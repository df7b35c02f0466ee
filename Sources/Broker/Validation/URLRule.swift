/// The `url` type: an `http://` or `https://` address, as fastest-validator checks it
/// (`^https?://\S+`). `empty: true` accepts `""`.
struct URLRule: ValueRule {
    private var empty: Bool

    init(_ options: inout RuleOptions) throws(BrokerError) {
        empty = try options.bool("empty") ?? false
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        guard case .string(let text) = value else {
            context.report(.string, wording, actual: value)
            return false
        }
        if text.isEmpty {
            if !empty { context.report(.urlEmpty, wording, actual: value) }
            return false
        }
        if !Self.isWebAddress(text) { context.report(.url, wording, actual: value) }
        return false
    }

    static func isWebAddress(_ text: String) -> Bool {
        let rest: Substring
        if text.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else if text.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else {
            return false
        }
        guard let first = rest.first else { return false }
        return !first.isWhitespace
    }
}
