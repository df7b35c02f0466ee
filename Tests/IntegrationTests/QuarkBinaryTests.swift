import Broker
import Foundation
import Testing

@Suite("The quark binary the process tests run")
struct QuarkBinaryTests {
    private static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test("it runs and is built from the current sources")
    func builtFromCurrentSources() async throws {
        let binary = try QuarkProcess.binary
        let outcome = try await QuarkProcess.run(["--version"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout == quarkVersion + "\n")

        let built = try Self.modified(binary)
        let newer = try Self.files(under: Self.sources).filter { try Self.modified($0) > built }
        // An edit that leaves the object file as it was (a comment at the end of a file) is
        // compiled but not linked again: such a file has a dependency file newer than itself.
        let stale = try newer.filter { try !Self.compiledSince($0, buildDirectory: binary.deletingLastPathComponent()) }
        #expect(stale.isEmpty, """
            \(binary.path) is older than \(stale.map(\.lastPathComponent)): build it with swift build --build-tests
            """)
    }

    private static func files(under directory: URL) throws -> [URL] {
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        return try (walker?.allObjects as? [URL] ?? []).filter { try $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true }
    }

    private static func modified(_ file: URL) throws -> Date {
        try file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
    }

    /// Whether the compiler has read `source` since its last change: SwiftPM writes
    /// `<Target>.build/<name>.d` each time it compiles `Sources/<Target>/.../<name>.swift`.
    private static func compiledSince(_ source: URL, buildDirectory: URL) throws -> Bool {
        let relative = source.path.dropFirst(sources.path.count + 1)
        guard let target = relative.split(separator: "/").first else { return false }
        let dependencies = buildDirectory.appendingPathComponent("\(target).build")
            .appendingPathComponent(source.deletingPathExtension().lastPathComponent + ".d")
        guard FileManager.default.fileExists(atPath: dependencies.path) else { return false }
        return try modified(dependencies) >= modified(source)
    }
}
