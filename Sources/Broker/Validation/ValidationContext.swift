/// The mutable state of one validation walk: where it is in the params, and what it found wrong.
///
/// The location is a stack of keys and indexes pushed on the way down and popped on the way up,
/// so a field path string is built only when an issue is reported.
struct ValidationContext {
    private enum Step {
        case key(String)
        case index(Int)
    }

    private var steps: [Step] = []
    private(set) var issues: [ValidationIssue] = []

    mutating func enter(key: String) { steps.append(.key(key)) }
    mutating func enter(index: Int) { steps.append(.index(index)) }
    mutating func leave() { steps.removeLast() }

    /// The current field path, like `"items[1].qty"`.
    var field: String {
        var path = ""
        for step in steps {
            switch step {
            case .key(let key): path += path.isEmpty ? key : "." + key
            case .index(let index): path += "[\(index)]"
            }
        }
        return path
    }

    mutating func report(_ type: IssueType, _ wording: RuleWording?, expected: JSON? = nil, actual: JSON? = nil) {
        issues.append(ValidationIssue(type: type, field: field, wording: wording, expected: expected, actual: actual))
    }

    /// Removes and returns the issues reported since `issues.count` was `mark`.
    mutating func takeIssues(since mark: Int) -> [ValidationIssue] {
        defer { issues.removeSubrange(mark...) }
        return Array(issues[mark...])
    }

    mutating func restore(_ dropped: [ValidationIssue]) { issues += dropped }
}
