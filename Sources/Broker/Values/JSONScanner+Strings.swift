extension JSONScanner {
    /// Parses the string starting at the opening quote under the cursor.
    ///
    /// Strings without escapes, the vast majority, are validated in place and copied once.
    mutating func parseString() throws(BrokerError) -> String {
        let start = offset + 1
        var index = start
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let special = Self.specialBytes(in: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                if special == 0 {
                    index += 8
                    continue
                }
                index += special.trailingZeroBitCount >> 3
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                offset = index + 1
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start, firstEscape: index) }
            index = try skipCharacter(byte, at: index)
        }
        throw failure("unterminated string", at: offset)
    }

    /// The slow path: decodes into `scratch` from the first backslash on.
    private mutating func parseEscapedString(from start: Int, firstEscape: Int) throws(BrokerError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[start..<firstEscape])
        var index = firstEscape
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                offset = index + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                index = try appendEscape(at: index)
            } else {
                let next = try skipCharacter(byte, at: index)
                scratch.append(contentsOf: bytes[index..<next])
                index = next
            }
        }
        throw failure("unterminated string", at: start - 1)
    }

    /// Flags (with its high bit) each of the eight bytes of `word` that ends a plain ASCII run:
    /// a quote, a backslash, a control character or a non-ASCII byte. Only the lowest flag is
    /// exact (the classic "has zero byte" bit tricks), which is all the caller uses.
    @inline(__always)
    private static func specialBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let control = (word &- ones &* 0x20) & ~word
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        return (word | control | hasQuote | hasBackslash) & 0x8080_8080_8080_8080
    }

    /// Validates the unescaped character starting with `byte` at `index`; returns the offset after it.
    private func skipCharacter(_ byte: UInt8, at index: Int) throws(BrokerError) -> Int {
        if byte >= 0x20, byte < 0x80 { return index + 1 }
        if byte < 0x20 { throw failure("control character in string", at: index) }
        return try skipUTF8Sequence(at: index)
    }

    /// Validates the multi-byte UTF-8 sequence at `index` (RFC 3629: no overlongs, no surrogates,
    /// nothing above U+10FFFF); returns the offset after it.
    private func skipUTF8Sequence(at index: Int) throws(BrokerError) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw failure("invalid UTF-8", at: index)
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else {
            throw failure("invalid UTF-8", at: index)
        }
        for continuation in index + 2..<index + length where bytes[continuation] & 0xC0 != 0x80 {
            throw failure("invalid UTF-8", at: index)
        }
        return index + length
    }

    /// Decodes the escape sequence at `index` into `scratch`; returns the offset after it.
    private mutating func appendEscape(at index: Int) throws(BrokerError) -> Int {
        guard index + 1 < bytes.count else { throw failure("unexpected end of input", at: index + 1) }
        let replacement: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "u"): return try appendUnicodeEscape(at: index)
        default: throw failure("invalid escape sequence", at: index)
        }
        scratch.append(replacement)
        return index + 2
    }

    /// Decodes `\uXXXX`, or a `\uD8XX\uDCXX` surrogate pair, at `index`.
    private mutating func appendUnicodeEscape(at index: Int) throws(BrokerError) -> Int {
        let unit = try hexQuad(at: index + 2)
        var scalarValue = UInt32(unit)
        var end = index + 6
        if unit >= 0xD800, unit <= 0xDBFF {
            guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "\\"), bytes[end + 1] == UInt8(ascii: "u"),
                case let low = try hexQuad(at: end + 2), low >= 0xDC00, low <= 0xDFFF
            else { throw failure("lone surrogate escape", at: index) }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            end += 6
        } else if unit >= 0xDC00, unit <= 0xDFFF {
            throw failure("lone surrogate escape", at: index)
        }
        appendUTF8(scalarValue)
        return end
    }

    /// Appends the UTF-8 form of a scalar value (never a surrogate: those were paired above).
    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case ..<0x80:
            scratch.append(UInt8(value))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | value >> 6))
            scratch.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | value >> 12))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | value >> 18))
            scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// The four hex digits at `index`.
    private func hexQuad(at index: Int) throws(BrokerError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure("invalid unicode escape", at: index - 2) }
        var value: UInt16 = 0
        for position in index..<index + 4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid unicode escape", at: index - 2)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
