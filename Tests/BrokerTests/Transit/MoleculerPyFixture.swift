import Broker
import Foundation
import Testing

/// The packets a MoleculerPy 0.14.22 node sent, from `Fixtures/moleculerpy-packets.jsonl`:
/// one `{"subject": ..., "payload": {...}}` object a line.
enum MoleculerPyFixture {
    struct Entry {
        let subject: String
        /// The second segment of the subject: `MOL.REQ.callee-1` is a `REQ`.
        let type: PacketType
        /// The payload exactly as MoleculerPy wrote it.
        let payload: [UInt8]
    }

    static func entries() throws -> [Entry] {
        let url = try #require(
            Bundle.module.url(forResource: "moleculerpy-packets", withExtension: "jsonl", subdirectory: "Fixtures")
                ?? Bundle.module.url(forResource: "moleculerpy-packets", withExtension: "jsonl"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in try entry(String(line)) }
    }

    /// The decoded packets of `type`, in fixture order.
    static func packets(_ type: PacketType) throws -> [Packet] {
        try entries().filter { $0.type == type }.map { try JSONSerializer().deserialize($0.payload, type: $0.type) }
    }

    private static func entry(_ line: String) throws -> Entry {
        let subject = try #require(JSONParser.parse(Array(line.utf8))["subject"]?.stringValue)
        let segments = subject.split(separator: ".")
        let type = try #require(PacketType(rawValue: String(segments[1])))
        // The payload is the rest of the line after `"payload": `, minus the closing brace.
        let start = try #require(line.range(of: "\"payload\": ")).upperBound
        let end = try #require(line.lastIndex(of: "}"))
        return Entry(subject: subject, type: type, payload: Array(line[start..<end].utf8))
    }
}
