/// Splits a REPL line into words like a shell: spaces separate words; single quotes keep text
/// as is; double quotes allow `\"` and `\\`; a backslash outside quotes escapes the next
/// character; a word that begins with `{` or `[` runs to its matching bracket, spaces included,
/// so JSON needs no quotes.
struct ReplTokenizer {
    private let characters: [Character]
    private var index = 0

    init(_ line: String) {
        characters = Array(line)
    }

    static func tokens(of line: String) throws(ReplParseError) -> [ReplToken] {
        var tokenizer = ReplTokenizer(line)
        var tokens: [ReplToken] = []
        while let token = try tokenizer.next() { tokens.append(token) }
        return tokens
    }

    private mutating func next() throws(ReplParseError) -> ReplToken? {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        guard index < characters.count else { return nil }
        if characters[index] == "{" || characters[index] == "[" { return try json() }
        var token = ReplToken(text: "")
        while index < characters.count, !characters[index].isWhitespace {
            let character = characters[index]
            index += 1
            switch character {
            case "\"", "'":
                if token.text.isEmpty && !token.isQuoted { token.startsQuoted = true }
                token.isQuoted = true
                token.text += try quoted(until: character)
            case "\\" where index < characters.count:
                token.text.append(characters[index])
                index += 1
            default:
                token.text.append(character)
            }
        }
        return token
    }

    /// The text up to the closing `quote`; the opening quote is already consumed.
    private mutating func quoted(until quote: Character) throws(ReplParseError) -> String {
        var text = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote { return text }
            if quote == "\"", character == "\\", index < characters.count,
                characters[index] == "\"" || characters[index] == "\\"
            {
                text.append(characters[index])
                index += 1
            } else {
                text.append(character)
            }
        }
        throw ReplParseError("unterminated \(quote) quote")
    }

    /// A JSON object or array, up to its matching bracket; strings inside may hold brackets.
    private mutating func json() throws(ReplParseError) -> ReplToken {
        let start = index
        var closers: [Character] = []
        var inString = false
        while index < characters.count {
            let character = characters[index]
            index += 1
            if inString {
                if character == "\\" { index += 1 } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{": closers.append("}")
            case "[": closers.append("]")
            case "}", "]":
                guard closers.popLast() == character else {
                    throw ReplParseError("bad JSON: unexpected '\(character)' in \(String(characters[start..<index]))")
                }
            default: break
            }
            if closers.isEmpty { break }
        }
        let text = String(characters[start..<min(index, characters.count)])
        if let missing = closers.last {
            throw ReplParseError("bad JSON: \(inString ? "unterminated string" : "missing '\(missing)'") in \(text)")
        }
        if index < characters.count, !characters[index].isWhitespace {
            throw ReplParseError("bad JSON: unexpected text after \(text)")
        }
        return ReplToken(text: text, isJSON: true)
    }
}
