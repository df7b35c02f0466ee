/// The string rule's character-class options (`numeric`, `alpha`, ...), checked by hand on
/// UTF-8 rather than with regular expressions; each matches fastest-validator's pattern.
enum CharacterClass: String, Sendable, CaseIterable {
    case numeric, alpha, alphanum, alphadash, hex, base64

    /// The error reported when a value is not of the class.
    var issueType: IssueType {
        switch self {
        case .numeric: .stringNumeric
        case .alpha: .stringAlpha
        case .alphanum: .stringAlphanum
        case .alphadash: .stringAlphadash
        case .hex: .stringHex
        case .base64: .stringBase64
        }
    }

    func matches(_ text: String) -> Bool {
        let bytes = text.utf8
        switch self {
        case .numeric: return Self.isNumeric(bytes)
        case .alpha: return !bytes.isEmpty && bytes.allSatisfy(Self.isLetter)
        case .alphanum: return !bytes.isEmpty && bytes.allSatisfy { Self.isLetter($0) || Self.isDigit($0) }
        case .alphadash:
            return !bytes.isEmpty && bytes.allSatisfy { Self.isLetter($0) || Self.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        case .hex: return !bytes.isEmpty && bytes.count % 2 == 0 && bytes.allSatisfy(Self.isHexDigit)
        case .base64: return Self.isBase64(bytes)
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    /// `^-?[0-9]\d*(\.\d+)?$`
    private static func isNumeric(_ bytes: String.UTF8View) -> Bool {
        var digits = bytes[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        let integral = digits.prefix(while: isDigit)
        guard !integral.isEmpty else { return false }
        let rest = digits.dropFirst(integral.count)
        guard let dot = rest.first else { return true }
        let fraction = rest.dropFirst()
        return dot == UInt8(ascii: ".") && !fraction.isEmpty && fraction.allSatisfy(isDigit)
    }

    /// Groups of four base64 characters, the last one possibly padded with one or two `=`.
    private static func isBase64(_ bytes: String.UTF8View) -> Bool {
        guard bytes.count % 4 == 0 else { return false }
        let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        guard padding <= 2 else { return false }
        return bytes.dropLast(padding).allSatisfy {
            isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/")
        }
    }
}
