/// What Tab does to the word before the cursor: the words it may become, and the text to insert.
public struct ReplCompletion: Sendable, Equatable {
    /// The words that begin with what was typed, sorted.
    public var candidates: [String]
    /// The text to insert at the cursor: what every candidate adds to the typed word, and a space
    /// after it when there is a single candidate. Empty when Tab can only list the candidates.
    public var insertion: String

    public init(candidates: [String], insertion: String) {
        self.candidates = candidates
        self.insertion = insertion
    }

    /// Completes `word` from `names`.
    init(word: String, names: [String]) {
        candidates = Set(names.filter { $0.hasPrefix(word) }).sorted()
        guard var shared = candidates.first else {
            insertion = ""
            return
        }
        for candidate in candidates.dropFirst() {
            shared = String(zip(shared, candidate).prefix { $0 == $1 }.map(\.0))
        }
        insertion = String(shared.dropFirst(word.count)) + (candidates.count == 1 ? " " : "")
    }
}
