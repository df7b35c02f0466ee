import Broker
import Foundation
import Testing

@Suite("JSONWriter and JSONParser round trip")
struct JSONRoundTripTests {
    @Test("parse(JSONWriter.bytes(x)) == x for pseudo-random values")
    func randomRoundTrip() throws {
        var random = SplitMix64(seed: 0x5EED_1234)
        for _ in 0..<400 {
            let value = random.json(depth: 0)
            let bytes = JSONWriter.bytes(value)
            #expect(try JSONParser.parse(bytes) == value, "\(value)")
            #expect(try JSONParser.parse(value.description) == value)
            #expect((try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) != nil, "\(value)")
        }
    }
}

/// SplitMix64: a tiny deterministic generator, so a failure reproduces on every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func json(depth: Int) -> JSON {
        switch Int.random(in: 0..<(depth < 4 ? 9 : 6), using: &self) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &self))
        case 2: return .int(integer())
        case 3: return .double(double())
        case 4, 5: return .string(string())
        case 6: return .array((0..<Int.random(in: 0..<6, using: &self)).map { _ in json(depth: depth + 1) })
        default:
            let members = (0..<Int.random(in: 0..<6, using: &self)).map { _ in (string(), json(depth: depth + 1)) }
            return .object(Dictionary(members, uniquingKeysWith: { _, last in last }))
        }
    }

    mutating func integer() -> Int {
        switch Int.random(in: 0..<4, using: &self) {
        case 0: return [Int.min, Int.max, 0, -1, 1 << 53, -(1 << 53) - 1].randomElement(using: &self)!
        case 1: return Int.random(in: -1000...1000, using: &self)
        default: return Int(truncatingIfNeeded: next())
        }
    }

    /// A finite double the writer keeps as a double: integral doubles below 10^15 are written
    /// without a fraction and read back as `.int`, by design.
    mutating func double() -> Double {
        while true {
            let candidate: Double
            switch Int.random(in: 0..<4, using: &self) {
            case 0: candidate = Double(bitPattern: next())
            case 1: candidate = Double(Int.random(in: -1_000_000...1_000_000, using: &self)) / 1000
            case 2: candidate = Double.random(in: -1...1, using: &self)
            default: candidate = Double.random(in: 1e15...1e300, using: &self)
            }
            if candidate.isFinite, candidate != candidate.rounded() || abs(candidate) >= 1e15 { return candidate }
        }
    }

    mutating func string() -> String {
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x20...0x7E, 0x00...0x1F, 0x22...0x22, 0x5C...0x5C, 0x80...0x7FF, 0x800...0xD7FF,
            0xE000...0xFFFF, 0x1_0000...0x10_FFFF,
        ]
        var text = ""
        for _ in 0..<Int.random(in: 0..<12, using: &self) {
            let pool = pools.randomElement(using: &self)!
            text.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: pool, using: &self))!)
        }
        return text
    }
}
