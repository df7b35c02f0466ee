/// Moleculer's event-name wildcards: `*` matches within one dot-separated segment, `**` matches
/// across segments, `?` matches one character. Also used for cache-key patterns.
public struct WildcardPattern: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let bytes: [UInt8]
    private let isLiteral: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        bytes = Array(pattern.utf8)
        isLiteral = !bytes.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") })
    }

    public var description: String { pattern }

    public func matches(_ text: String) -> Bool {
        if isLiteral { return text == pattern }
        if pattern == "**" { return true }
        return Self.match(Array(text.utf8)[...], bytes[...])
    }

    private static let star = UInt8(ascii: "*"), question = UInt8(ascii: "?"), dot = UInt8(ascii: ".")

    private static func match(_ text: ArraySlice<UInt8>, _ pattern: ArraySlice<UInt8>) -> Bool {
        var text = text, pattern = pattern
        while let head = pattern.first {
            if head == star {
                let isDouble = pattern.dropFirst().first == star
                let rest = pattern.dropFirst(isDouble ? 2 : 1)
                var candidate = text
                while true {
                    if match(candidate, rest) { return true }
                    guard let next = candidate.first, isDouble || next != dot else { return false }
                    candidate = candidate.dropFirst()
                }
            }
            guard let char = text.first, head == question ? char != dot : head == char else { return false }
            text = text.dropFirst()
            pattern = pattern.dropFirst()
        }
        return text.isEmpty
    }
}
