import Broker
import Foundation
import Synchronization

/// A count kept in memory and, with a path, in a small JSON file (`{"count": 3}`): `load` reads
/// it (a missing file is zero; an unreadable or malformed one is an error), `save` writes it.
final class PersistentCounter: Sendable {
    private let path: String?
    private let count = Atomic<Int>(0)

    init(path: String?) {
        self.path = path
    }

    var value: Int { count.load(ordering: .relaxed) }

    func increment() {
        count.add(1, ordering: .relaxed)
    }

    func load() throws {
        guard let path, FileManager.default.fileExists(atPath: path) else { return }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let json: JSON
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw BrokerError.server("\(path) is not valid JSON: \(error.message)")
        }
        guard let stored = json["count"]?.intValue, stored >= 0 else {
            throw BrokerError.server("\(path) has no count (expected {\"count\": <number>})")
        }
        count.store(stored, ordering: .relaxed)
    }

    func save() throws {
        guard let path else { return }
        try Data(JSONWriter.bytes(["count": .int(value)])).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
