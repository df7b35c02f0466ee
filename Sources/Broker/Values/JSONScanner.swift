/// The cursor behind `JSONParser`: walks a buffer of UTF-8 bytes once, by recursive descent.
///
/// Strings and numbers live in `JSONScanner+Strings.swift` and `JSONScanner+Numbers.swift`.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    /// The offset of the next unread byte.
    var offset = 0
    /// How many arrays and objects enclose the current value.
    var depth = 0
    /// Reused for strings containing escapes, so decoding them allocates once per document.
    var scratch: [UInt8] = []
    /// Elements and member values of the open arrays and objects, innermost last, so that each
    /// array or dictionary is allocated once, at its final size.
    private var valueStack: [JSON] = []
    /// Member keys of the open objects, innermost last.
    private var keyStack: [String] = []

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Parses one value surrounded by optional whitespace, and nothing else.
    mutating func parseDocument() throws(BrokerError) -> JSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard offset == bytes.count else { throw failure("unexpected data after the value", at: offset) }
        return value
    }

    mutating func parseValue() throws(BrokerError) -> JSON {
        guard offset < bytes.count else { throw failure("unexpected end of input", at: offset) }
        switch bytes[offset] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw unexpectedByte(at: offset)
        }
    }

    mutating func parseArray() throws(BrokerError) -> JSON {
        try enterContainer()
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return .array([])
        }
        let base = valueStack.count
        while true {
            let element = try parseValue()
            valueStack.append(element)
            if try endOfList(closedBy: UInt8(ascii: "]")) { break }
        }
        let elements = Array(valueStack[base...])
        valueStack.removeLast(valueStack.count - base)
        depth -= 1
        return .array(elements)
    }

    mutating func parseObject() throws(BrokerError) -> JSON {
        let count = try parseMembers()
        let keyBase = keyStack.count - count
        let valueBase = valueStack.count - count
        var members = [String: JSON](minimumCapacity: count)
        for index in 0..<count {
            members[keyStack[keyBase + index]] = valueStack[valueBase + index]  // a repeated key: the last wins
        }
        keyStack.removeLast(count)
        valueStack.removeLast(count)
        return .object(members)
    }

    /// Parses a whole document that is an object into its members in order, without building a
    /// dictionary (no hashing); nil when the document is valid JSON of another type.
    mutating func parseDocumentMembers() throws(BrokerError) -> JSONMembers? {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "{") else {
            _ = try parseDocument()
            return nil
        }
        // Room for a packet's top level at once, rather than growing 1, 2, 4, 8, 16.
        keyStack.reserveCapacity(16)
        valueStack.reserveCapacity(16)
        _ = try parseMembers()
        skipWhitespace()
        guard offset == bytes.count else { throw failure("unexpected data after the value", at: offset) }
        return JSONMembers(keys: keyStack, values: valueStack)
    }

    /// Parses an object's members onto the key and value stacks, in order; returns how many.
    private mutating func parseMembers() throws(BrokerError) -> Int {
        try enterContainer()
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return 0
        }
        let keyBase = keyStack.count
        while true {
            guard try peek() == UInt8(ascii: "\"") else { throw failure("expected a string key", at: offset) }
            let key = try parseString()
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw failure("expected ':' after object key", at: offset) }
            offset += 1
            skipWhitespace()
            keyStack.append(key)
            let value = try parseValue()
            valueStack.append(value)
            if try endOfList(closedBy: UInt8(ascii: "}")) { break }
        }
        depth -= 1
        return keyStack.count - keyBase
    }

    /// Consumes the opening bracket or brace, enforcing the depth limit.
    private mutating func enterContainer() throws(BrokerError) {
        depth += 1
        guard depth <= JSONParser.maximumDepth else {
            throw failure("nesting deeper than \(JSONParser.maximumDepth) levels", at: offset)
        }
        offset += 1
    }

    /// After an element: consumes `,` and returns false, or consumes the closing byte and returns true.
    private mutating func endOfList(closedBy closing: UInt8) throws(BrokerError) -> Bool {
        skipWhitespace()
        let byte = try peek()
        offset += 1
        if byte == closing { return true }
        guard byte == UInt8(ascii: ",") else {
            throw failure("expected ',' or '\(Character(Unicode.Scalar(closing)))'", at: offset - 1)
        }
        skipWhitespace()
        if try peek() == closing { throw failure("trailing comma", at: offset) }
        return false
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(BrokerError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - offset >= count else { throw unexpectedByte(at: offset) }
        for index in 0..<count where bytes[offset + index] != literal.utf8Start[index] {
            throw unexpectedByte(at: offset)
        }
        offset += count
    }

    /// The next byte, not consumed; throws at the end of the input.
    @inline(__always)
    private func peek() throws(BrokerError) -> UInt8 {
        guard offset < bytes.count else { throw failure("unexpected end of input", at: offset) }
        return bytes[offset]
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    func unexpectedByte(at position: Int) -> BrokerError {
        let byte = bytes[position]
        if byte >= 0x21, byte < 0x7F {
            return failure("unexpected character '\(Character(Unicode.Scalar(byte)))'", at: position)
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return failure("unexpected byte 0x\(byte < 0x10 ? "0" : "")\(hex)", at: position)
    }

    func failure(_ what: String, at position: Int) -> BrokerError {
        .invalidPacketData("\(what) at byte \(position)")
    }
}
