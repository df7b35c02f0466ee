extension ISO8601Timestamp {
    /// The read position in the UTF-8 bytes of a timestamp.
    struct Cursor {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        /// Consumes `character` if it is next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        /// Exactly `count` decimal digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var number = 0
            for byte in bytes[position..<position + count] {
                guard CharacterClass.isDigit(byte) else { return nil }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += count
            return number
        }

        /// Four digits, or a sign and six digits (the expanded years JavaScript writes).
        mutating func year() -> Int? {
            if skip("+") { return digits(6) }
            if skip("-") { return digits(6).map { -$0 } }
            return digits(4)
        }

        /// One or more fraction digits as whole milliseconds (digits past the third are dropped).
        mutating func fractionMilliseconds() -> Int? {
            let start = position
            var milliseconds = 0
            while position < bytes.count, CharacterClass.isDigit(bytes[position]) {
                if position - start < 3 { milliseconds = milliseconds * 10 + Int(bytes[position] - UInt8(ascii: "0")) }
                position += 1
            }
            let count = position - start
            guard count > 0 else { return nil }
            for _ in count..<max(count, 3) { milliseconds *= 10 }
            return milliseconds
        }

        /// The zone's offset east of UTC in minutes; 0 for `Z` or no zone; `nil` when malformed.
        mutating func zoneOffsetMinutes() -> Int? {
            if isAtEnd || skip("Z") || skip("z") { return 0 }
            let sign: Int
            if skip("+") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = digits(2), hours < 24 else { return nil }
            _ = skip(":")
            let minutes = isAtEnd ? 0 : digits(2)
            guard let minutes, minutes < 60 else { return nil }
            return sign * (hours * 60 + minutes)
        }
    }
}
