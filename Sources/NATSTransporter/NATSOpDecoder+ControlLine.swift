extension NATSOpDecoder {
    /// A server op's control line (without CRLF), read where it lies in the receive buffer:
    /// the op name, matched without regard to case, and for MSG its subject and payload size.
    struct ControlLine {
        enum Name: Equatable {
            case msg, ping, pong, ok, error, info
            case unknown(String)
        }

        let length: Int
        let name: Name
        /// For MSG: where the second field lies in the line, nil when the line does not have 4
        /// or 5 fields.
        private(set) var subject: Range<Int>?
        /// For MSG: the last field as a size of 1 to 9 digits, else nil.
        private(set) var size: Int?

        init(_ line: UnsafeRawBufferPointer) {
            length = line.count
            let nameEnd = line.firstIndex(where: Self.isBlank) ?? line.count
            let word = UnsafeRawBufferPointer(rebasing: line[..<nameEnd])
            name = Self.name(word)
            if name == .msg { readMessageFields(line) }
        }

        private static let names: [(text: String, name: Name)] = [
            ("MSG", .msg), ("PING", .ping), ("PONG", .pong), ("+OK", .ok), ("-ERR", .error), ("INFO", .info),
        ]

        private static func name(_ word: UnsafeRawBufferPointer) -> Name {
            for (text, name) in names where word.count == text.utf8.count && zip(word, text.utf8).allSatisfy({ uppercased($0) == $1 }) {
                return name
            }
            return .unknown(String(decoding: word, as: UTF8.self))
        }

        private mutating func readMessageFields(_ line: UnsafeRawBufferPointer) {
            var count = 0
            var index = 0
            var subjectRange = 0..<0
            var last = 0..<0
            while index < line.count {
                while index < line.count, Self.isBlank(line[index]) { index += 1 }
                guard index < line.count else { break }
                let start = index
                while index < line.count, !Self.isBlank(line[index]) { index += 1 }
                count += 1
                if count == 2 { subjectRange = start..<index }
                last = start..<index
            }
            guard count == 4 || count == 5 else { return }
            subject = subjectRange
            size = Self.decimal(line[last])
        }

        /// A payload size: 1 to 9 ASCII digits.
        private static func decimal(_ digits: Slice<UnsafeRawBufferPointer>) -> Int? {
            guard (1...9).contains(digits.count) else { return nil }
            var value = 0
            for digit in digits {
                guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(digit - UInt8(ascii: "0"))
            }
            return value
        }

        private static func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        }

        private static func uppercased(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
        }
    }
}
