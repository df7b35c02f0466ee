import Broker
import Foundation
import Testing

@Suite("Date coding in JSONValueEncoder and JSONValueDecoder")
struct JSONDateCodingTests {
    let encoder = JSONValueEncoder()
    let decoder = JSONValueDecoder()

    @Test(
        "writes ISO 8601 with milliseconds, in UTC",
        arguments: [
            (1_700_000_000.123, "2023-11-14T22:13:20.123Z"), (0, "1970-01-01T00:00:00.000Z"),
            (-1.5, "1969-12-31T23:59:58.500Z"), (1_709_208_000, "2024-02-29T12:00:00.000Z"),
            (-62_167_219_200, "0000-01-01T00:00:00.000Z"), (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
            (253_402_300_800, "+010000-01-01T00:00:00.000Z"),
        ])
    func encodes(_ seconds: Double, _ text: String) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(try encoder.encode(date) == .string(text))
        #expect(try decoder.decode(Date.self, from: .string(text)) == date)
    }

    @Test("rejects dates outside JavaScript's range, naming the coding path")
    func outOfRange() throws {
        for seconds in [8.64e12 + 1, -8.64e12 - 1, .infinity, .nan] {
            let error = #expect(throws: EncodingError.self) { try encoder.encode(["at": Date(timeIntervalSince1970: seconds)]) }
            guard case .invalidValue(_, let context)? = error else { continue }
            #expect(context.codingPath.map(\.stringValue) == ["at"])
        }
        #expect(try encoder.encode(Date(timeIntervalSince1970: 8.64e12)) == "+275760-09-13T00:00:00.000Z")
    }

    @Test(
        "reads ISO 8601 strings with or without fraction, with an offset (none means UTC), or milliseconds since 1970",
        arguments: [
            JSON.string("2023-11-14T22:13:20Z"), "2023-11-14T22:13:20.000Z", "2023-11-14T22:13:20.0000001Z",
            "2023-11-15T00:43:20+02:30", "2023-11-14T21:13:20.0-01:00", .int(1_700_000_000_000), .double(1.7e12),
            "2023-11-14T22:13:20", "2023-11-14 22:13:20Z",
        ])
    func decodes(_ json: JSON) throws {
        let decoded = try decoder.decode(Date.self, from: json)
        #expect(abs(decoded.timeIntervalSince1970 - 1_700_000_000) < 1e-6)
    }

    @Test(
        "rejects malformed timestamps",
        arguments: [
            "2023-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2023-11-14T24:00:00Z", "2023-11-14T22:13:20.Z",
            "2023-11-14T22", "2023-11-14X22:13:20Z", "yesterday", "",
        ])
    func rejects(_ text: String) {
        let error = #expect(throws: DecodingError.self) { try decoder.decode([Date].self, from: [.string(text)]) }
        guard case .dataCorrupted(let context)? = error else { return }
        #expect(context.codingPath.map(\.stringValue) == ["Index 0"])
    }

    /// Before 1583 Foundation switches to the Julian calendar; JavaScript's `toISOString`, like
    /// `JSONValueEncoder`, stays Gregorian (the year-0 case above checks that).
    @Test("agrees with Foundation's ISO 8601 format from 1583 to 9999")
    func matchesFoundation() throws {
        let foundationStyle = Date.ISO8601FormatStyle()
        for milliseconds in stride(from: -12_212_553_600_000, through: 253_402_300_799_999, by: 77_777_777_777) {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let json = try encoder.encode(date)
            let text = try #require(json.stringValue)
            #expect(text.prefix(19) + "Z" == foundationStyle.format(date), "\(milliseconds)")
            #expect(try decoder.decode(Date.self, from: json) == date)
        }
    }
}
