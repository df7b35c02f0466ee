/// The `boolean` type. With `convert`, `"true"`, `"1"`, `"on"` and `1` become `true`;
/// `"false"`, `"0"`, `"off"` and `0` become `false`.
struct BooleanRule: ValueRule {
    private var convert: Bool

    init(_ options: inout RuleOptions) throws(BrokerError) {
        convert = try options.bool("convert") ?? false
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        if case .bool = value { return false }
        if convert, let flag = Self.converted(value) {
            value = .bool(flag)
            return true
        }
        context.report(.boolean, wording, actual: value)
        return false
    }

    private static func converted(_ value: JSON) -> Bool? {
        switch value {
        case .string("true"), .string("1"), .string("on"): true
        case .string("false"), .string("0"), .string("off"): false
        case .int, .double:
            switch value.doubleValue {
            case 1: true
            case 0: false
            default: nil
            }
        default: nil
        }
    }
}
