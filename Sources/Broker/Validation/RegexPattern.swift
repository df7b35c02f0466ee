import Foundation

/// A compiled regular expression for the string rule's `pattern` option and the precise e-mail
/// check. ICU's syntax (`NSRegularExpression`) is close to JavaScript's; like JavaScript's
/// `test`, a match anywhere in the value counts.
struct RegexPattern: Sendable {
    /// The JavaScript form, `/source/flags`, reported as `expected`.
    let description: String
    private let expression: NSRegularExpression

    /// `nil` when the pattern does not compile or a flag is not one of JavaScript's
    /// (`i`, `m`, `s` change matching; `g`, `u`, `y` change nothing for a test).
    init?(_ pattern: String, flags: String = "") {
        var options: NSRegularExpression.Options = []
        for flag in flags {
            switch flag {
            case "i": options.insert(.caseInsensitive)
            case "m": options.insert(.anchorsMatchLines)
            case "s": options.insert(.dotMatchesLineSeparators)
            case "g", "u", "y": break
            default: return nil
            }
        }
        guard let expression = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
        self.expression = expression
        description = "/\(pattern)/\(flags)"
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// fastest-validator's `precise` e-mail pattern.
    static let preciseEmail = RegexPattern(
        #"^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$"#
    )!
}
