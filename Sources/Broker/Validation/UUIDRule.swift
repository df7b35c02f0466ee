/// The `uuid` type: `8-4-4-4-12` hexadecimal digits (any case) with a version digit from 1 to 8,
/// or the nil UUID. Versions 3, 4, 5, 7 and 8 must have the RFC variant. `version` demands one.
struct UUIDRule: ValueRule {
    private var version: Int?

    init(_ options: inout RuleOptions) throws(BrokerError) {
        if let json = options.take("version") {
            guard let version = json.intValue, (0...8).contains(version) else {
                throw options.invalid("version", "must be an integer from 0 to 8", json)
            }
            self.version = version
        }
    }

    func check(_ value: inout JSON, _ wording: RuleWording?, _ context: inout ValidationContext) -> Bool {
        guard case .string(let text) = value else {
            context.report(.string, wording, actual: value)
            return false
        }
        let bytes = Array(text.utf8)
        guard let found = Self.version(of: bytes) else {
            context.report(.uuid, wording, actual: value)
            return false
        }
        if let version, version != found {
            context.report(.uuidVersion, wording, expected: .int(version), actual: .int(found))
            return false
        }
        if [3, 4, 5, 7, 8].contains(found), !"89abAB".utf8.contains(bytes[19]) {
            context.report(.uuid, wording, actual: value)
        }
        return false
    }

    /// The version digit of a well-formed UUID, 0 for the nil UUID, `nil` when malformed.
    private static func version(of bytes: [UInt8]) -> Int? {
        guard bytes.count == 36 else { return nil }
        for (index, byte) in bytes.enumerated() {
            let isDashPosition = index == 8 || index == 13 || index == 18 || index == 23
            guard isDashPosition ? byte == UInt8(ascii: "-") : CharacterClass.isHexDigit(byte) else { return nil }
        }
        if bytes.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "-") }) { return 0 }
        guard CharacterClass.isDigit(bytes[14]) else { return nil }
        let version = Int(bytes[14] - UInt8(ascii: "0"))
        return (1...8).contains(version) ? version : nil
    }
}
