/// Writes `JSON` values as compact JSON text (RFC 8259), object keys sorted so output is stable
/// (unless told otherwise: packets on the wire skip the sorting).
public enum JSONWriter {
    /// The UTF-8 bytes of `value` as JSON text.
    public static func bytes(_ value: JSON, sortedKeys: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        append(value, to: &out, sortedKeys: sortedKeys)
        return out
    }

    /// Appends `value` as JSON text to `out`.
    public static func write(_ value: JSON, into out: inout String) {
        out += String(decoding: bytes(value), as: UTF8.self)
    }

    static func append(_ value: JSON, to out: inout [UInt8], sortedKeys: Bool = true) {
        switch value {
        case .null: appendASCII("null", to: &out)
        case .bool(let flag): appendASCII(flag ? "true" : "false", to: &out)
        case .int(let number): appendInteger(number, to: &out)
        case .double(let number): appendDouble(number, to: &out)
        case .string(let text): appendString(text, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(element, to: &out, sortedKeys: sortedKeys)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            var first = true
            func member(_ key: String, _ value: JSON) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(value, to: &out, sortedKeys: sortedKeys)
            }
            if sortedKeys {
                for (key, value) in members.sorted(by: { $0.key < $1.key }) { member(key, value) }
            } else {
                for (key, value) in members { member(key, value) }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Non-finite doubles have no JSON form; they are written as `null`, as JavaScript does.
    /// Integral doubles below 10^15 are written without a fraction, as JavaScript does.
    static func appendDouble(_ number: Double, to out: inout [UInt8]) {
        guard number.isFinite else {
            appendASCII("null", to: &out)
            return
        }
        if number == number.rounded(), abs(number) < 1e15 {
            appendInteger(Int(number), to: &out)
        } else {
            out.append(contentsOf: number.description.utf8)
        }
    }

    static func appendInteger(_ number: Int, to out: inout [UInt8]) {
        if number < 0 { out.append(UInt8(ascii: "-")) }
        let start = out.count
        var magnitude = number.magnitude
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[start...].reverse()
    }

    /// Escapes `"`, `\` and control characters; `\n`, `\r` and `\t` by name, others as `\u00xx`.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plainStart = 0
            for (index, byte) in utf8.enumerated()
            where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                appendEscape(byte, to: &out)
                plainStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "0") + byte >> 4)
            let low = byte & 0x0F
            out.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
        }
    }

    private static func appendASCII(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
