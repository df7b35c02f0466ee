import CEditLine
import Foundation
import NodeKit
import Synchronization

/// The keys ``EditLineSession`` adds to libedit. libedit calls them as C functions, which cannot
/// capture anything, so what they need is here, shared.
enum EditLineKeys {
    /// The names Tab completes from, refreshed before each line is read.
    static let completer = Mutex(ReplCompleter())
    /// Whether Ctrl-C ended the current read.
    static let interrupted = Atomic(false)

    /// Tab: inserts what every candidate shares; when that is nothing, lists the candidates.
    static func complete(_ editor: OpaquePointer?) -> UInt8 {
        guard let editor, let info = el_line(editor)?.pointee else { return UInt8(CC_ERROR) }
        let before = UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer)
        let completion = completer.withLock { $0 }.complete(String(decoding: before, as: UTF8.self))
        if !completion.insertion.isEmpty {
            return el_insertstr(editor, completion.insertion) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        }
        guard completion.candidates.count > 1 else { return UInt8(CC_REFRESH_BEEP) }
        FileHandle.standardOutput.write(Data(("\n" + completion.candidates.joined(separator: "  ") + "\n").utf8))
        return UInt8(CC_REDISPLAY)
    }

    /// Ctrl-C: ends the read; the line is discarded.
    static func interrupt() -> UInt8 {
        interrupted.store(true, ordering: .relaxed)
        return UInt8(CC_NEWLINE)
    }
}
