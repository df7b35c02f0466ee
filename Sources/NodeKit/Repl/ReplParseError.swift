/// A REPL line that cannot be understood; ``message`` is one line, fit to print as is.
public struct ReplParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
