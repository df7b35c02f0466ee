extension JSONDateFormat {
    /// A cursor over the bytes of a timestamp; every read returns `nil` when the text does not fit.
    struct DigitReader {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        /// Consumes `character` if it is next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Exactly `count` decimal digits.
        mutating func number(_ count: Int) -> Int64? {
            guard index + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<index + count] {
                guard let digit = Self.digit(byte) else { return nil }
                value = value * 10 + digit
            }
            index += count
            return value
        }

        /// Four digits, or a sign and six digits (the expanded years JavaScript writes).
        mutating func year() -> Int64? {
            if skip("+") { return number(6) }
            if skip("-") { return number(6).map { -$0 } }
            return number(4)
        }

        /// The digits after the decimal point: whole milliseconds, and the rest in seconds
        /// (down to nanoseconds; further digits are ignored).
        mutating func fraction() -> (millisecond: Int64, rest: Double)? {
            let start = index
            var millisecond: Int64 = 0
            var rest: Int64 = 0
            var restScale = 1000.0
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                switch index - start {
                case 0..<3: millisecond = millisecond * 10 + digit
                case 3..<9: rest = rest * 10 + digit; restScale *= 10
                default: break
                }
                index += 1
            }
            let count = index - start
            guard count > 0 else { return nil }
            for _ in min(count, 3)..<3 { millisecond *= 10 }
            return (millisecond, Double(rest) / restScale)
        }

        /// `Z`, or `±hh:mm`; in seconds east of UTC.
        mutating func utcOffset() -> Int64? {
            if skip("Z") { return 0 }
            let sign: Int64
            if skip("+") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = number(2), skip(":"), let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }

        private static func digit(_ byte: UInt8) -> Int64? {
            let value = byte &- UInt8(ascii: "0")
            return value < 10 ? Int64(value) : nil
        }
    }
}
