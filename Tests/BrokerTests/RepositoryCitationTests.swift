import Foundation
import Testing

/// Comments and docs cite only files a clone of the repository has: the protocol reference is
/// `docs/PROTOCOL.md`, and the sections they name exist there.
@Suite("Citations in the repository")
struct RepositoryCitationTests {
    /// The repository root, from this file's place in it (Tests/BrokerTests/).
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let scanned = ["Sources", "Tests", "scripts", "docs", "README.md", "BENCHMARKS.md", "Makefile", "Package.swift", "nodes.yml"]

    /// Every text file scanned, with its path relative to the root, except this one.
    private static func files() -> [(path: String, text: String)] {
        var paths: [String] = []
        for entry in scanned {
            let url = root.appendingPathComponent(entry)
            guard let walker = FileManager.default.enumerator(atPath: url.path) else {
                paths.append(entry)
                continue
            }
            while let next = walker.nextObject() as? String { paths.append(entry + "/" + next) }
        }
        return paths.compactMap { path in
            let url = root.appendingPathComponent(path)
            guard url.path != #filePath, let data = FileManager.default.contents(atPath: url.path) else { return nil }
            return String(data: data, encoding: .utf8).map { (path, $0) }
        }
    }

    @Test("nothing cites notes outside the repository; PROTOCOL.md is cited as docs/PROTOCOL.md")
    func onlyRepositoryFiles() {
        let files = Self.files()
        #expect(files.count > 100)
        for (path, text) in files {
            for outside in ["STACK-NOTES", "/work/shared", "../shared"] {
                #expect(!text.contains(outside), "\(path) cites \(outside)")
            }
            let bare = text.ranges(of: "PROTOCOL.md").filter { !text[..<$0.lowerBound].hasSuffix("docs/") }
            #expect(bare.isEmpty, "\(path) cites PROTOCOL.md without docs/")
        }
    }

    @Test("the sections cited in docs/PROTOCOL.md exist")
    func citedSectionsExist() throws {
        let protocolText = try #require(FileManager.default.contents(atPath: Self.root.appendingPathComponent("docs/PROTOCOL.md").path))
        let headings = Set(String(decoding: protocolText, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("## ") }
            .map { String($0.dropFirst(3)) })
        var cited = 0
        for (path, text) in Self.files() {
            for match in text.matches(of: /docs\/PROTOCOL\.md,? \(?"([^"]+)"/) {
                cited += 1
                #expect(headings.contains(String(match.1)), "\(path) cites a section \"\(match.1)\" that docs/PROTOCOL.md lacks")
            }
        }
        #expect(cited >= 4)
    }
}
