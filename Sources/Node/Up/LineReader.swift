import Foundation
import Synchronization

/// Splits what a pipe delivers into lines and hands each to `onLine`; a last unterminated line
/// is handed over at end of file.
final class LineReader: Sendable {
    private let buffer = Mutex(Data())
    private let onLine: @Sendable (String) -> Void

    private init(onLine: @escaping @Sendable (String) -> Void) {
        self.onLine = onLine
    }

    /// Reads `handle` on a thread of its own until end of file, then closes it. (A blocking
    /// read keeps the cooperative pool free; FileHandle's `readabilityHandler` would leave the
    /// descriptor open after the node exits, two per restart.)
    static func attach(to handle: FileHandle, onLine: @escaping @Sendable (String) -> Void) {
        let reader = LineReader(onLine: onLine)
        Thread {
            while case let chunk = handle.availableData, !chunk.isEmpty {
                reader.append(chunk)
            }
            try? handle.close()
            reader.finish()
        }.start()
    }

    private func append(_ chunk: Data) {
        let lines = buffer.withLock { buffer -> [Data] in
            buffer.append(chunk)
            var lines: [Data] = []
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(buffer[buffer.startIndex..<newline])
                buffer.removeSubrange(buffer.startIndex...newline)
            }
            return lines
        }
        for line in lines { onLine(String(decoding: line, as: UTF8.self)) }
    }

    private func finish() {
        let rest = buffer.withLock { buffer in
            defer { buffer.removeAll() }
            return buffer
        }
        if !rest.isEmpty { onLine(String(decoding: rest, as: UTF8.self)) }
    }
}
