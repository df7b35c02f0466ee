/// Tab completion for `quark repl`: the command word first, then the names of the live cluster
/// that the command takes (actions, events, node IDs).
///
/// Pure: it is given the names; ``ReplExecutor/completer()`` makes one from the cluster.
public struct ReplCompleter: Sendable, Equatable {
    /// The actions that can be called (`call`, `bench`, `dcall`'s second argument).
    public var actions: [String]
    /// The events subscribed to (`emit`, `broadcast`, `listener add|remove`).
    public var events: [String]
    /// The node IDs (`dcall`'s first argument).
    public var nodes: [String]

    public init(actions: [String] = [], events: [String] = [], nodes: [String] = []) {
        self.actions = actions
        self.events = events
        self.nodes = nodes
    }

    /// The command words; single-character aliases (`q`, `?`) are not worth completing.
    static let commandWords = ReplCommand.Kind.allCases.map(\.rawValue) + ReplCommand.Kind.aliases.keys.filter { $0.count > 1 }

    /// Completes the last word of `line`, the text before the cursor (an empty word after a space).
    public func complete(_ line: String) -> ReplCompletion {
        var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let word = line.last.map(\.isWhitespace) == false ? words.removeLast() : ""
        guard !word.hasPrefix("-") else { return ReplCompletion(word: word, names: []) }
        return ReplCompletion(word: word, names: names(after: words))
    }

    /// The names that can follow `words`, the complete words before the one being typed.
    private func names(after words: [String]) -> [String] {
        guard let first = words.first else { return Self.commandWords }
        switch (ReplCommand.Kind(word: first), words.count) {
        case (.call?, 1), (.bench?, 1), (.dcall?, 2): return actions
        case (.dcall?, 1): return nodes
        case (.emit?, 1), (.broadcast?, 1): return events.filter { !$0.contains("*") }
        case (.listener?, 1): return ReplListenerAction.allCases.map(\.rawValue)
        case (.listener?, 2) where words[1] != ReplListenerAction.list.rawValue: return events
        case (.help?, 1): return Self.commandWords
        default: return []
        }
    }
}
