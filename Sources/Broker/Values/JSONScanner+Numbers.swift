extension JSONScanner {
    /// Parses the number under the cursor: `.int` when it has no fraction or exponent and fits,
    /// `.double` otherwise.
    mutating func parseNumber() throws(BrokerError) -> JSON {
        let start = offset
        var index = offset
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }

        // All digits, integer and fraction, accumulate into `significand` until it overflows.
        var significand: UInt64 = 0
        var overflow = false
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit", at: index) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw failure("leading zero in number", at: start) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                accumulate(bytes[index], into: &significand, overflow: &overflow)
                index += 1
            }
        }
        let integerEnd = index

        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit", at: index) }
            while index < bytes.count, isDigit(bytes[index]) {
                accumulate(bytes[index], into: &significand, overflow: &overflow)
                exponent -= 1
                index += 1
            }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            exponent += try parseExponent(at: &index)
        }
        offset = index

        if index == integerEnd, !overflow, let integer = Self.integer(significand, negative: negative) {
            return .int(integer)
        }
        if !overflow, let value = Self.fastDouble(significand, exponent: exponent) {
            return .double(negative ? -value : value)
        }
        return .double(try slowDouble(from: start, to: index))
    }

    /// Parses `[+-]digits` after an `e`; saturates far outside the range of a Double.
    private func parseExponent(at index: inout Int) throws(BrokerError) -> Int {
        var sign = 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            if bytes[index] == UInt8(ascii: "-") { sign = -1 }
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit", at: index) }
        var value = 0
        while index < bytes.count, isDigit(bytes[index]) {
            value = min(value * 10 + Int(bytes[index] - UInt8(ascii: "0")), 100_000)
            index += 1
        }
        return sign * value
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Appends a decimal digit to `significand`, or sets `overflow` once it no longer fits.
    private func accumulate(_ digit: UInt8, into significand: inout UInt64, overflow: inout Bool) {
        guard !overflow else { return }
        let (shifted, timesOverflow) = significand.multipliedReportingOverflow(by: 10)
        let (sum, plusOverflow) = shifted.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
        if timesOverflow || plusOverflow { overflow = true } else { significand = sum }
    }

    /// Falls back to the C library's correctly rounded conversion for long or extreme numbers.
    private func slowDouble(from start: Int, to end: Int) throws(BrokerError) -> Double {
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure("number out of range", at: start) }
        return value
    }

    /// The integer with magnitude `magnitude`, when it fits an `Int`.
    private static func integer(_ magnitude: UInt64, negative: Bool) -> Int? {
        if negative {
            return magnitude <= Int.min.magnitude ? Int(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return Int(exactly: magnitude)
    }

    /// Clinger's fast path: exact when both the significand and the power of ten are exact doubles.
    private static func fastDouble(_ significand: UInt64, exponent: Int) -> Double? {
        guard significand <= maximumExactSignificand, exponent >= -22, exponent <= 22 else { return nil }
        let value = Double(significand)
        return exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
    }

    private static let maximumExactSignificand: UInt64 = 1 << 53

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
