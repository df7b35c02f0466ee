import Broker
import NIOCore

/// Splits the server's byte stream into ``NATSServerOp``s. A control line longer than
/// `maxControlLine` or an op the client does not know is a protocol error: the connection is
/// closed and re-established, never trusted further.
struct NATSOpDecoder: ByteToMessageDecoder {
    typealias InboundOut = NATSServerOp

    static let maxControlLine = 64 << 10
    /// No server sends more than its max_payload (1 MiB by default, 64 MiB at most): a bigger
    /// size is not waited for.
    static let maxMessage = 64 << 20

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let op = try Self.next(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(op))
        return .continue
    }

    /// The next complete op at the front of `buffer`, consumed; nil (nothing consumed) when the
    /// op is not complete yet.
    static func next(from buffer: inout ByteBuffer) throws(NATSProtocolError) -> NATSServerOp? {
        guard let lineLength = controlLineLength(buffer) else {
            guard buffer.readableBytes <= maxControlLine else { throw NATSProtocolError("control line over \(maxControlLine) bytes") }
            return nil
        }
        let line = buffer.getBytes(at: buffer.readerIndex, length: lineLength)!
        let opName = String(decoding: line.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }, as: UTF8.self).uppercased()
        switch opName {
        case "MSG":
            return try message(line: line, from: &buffer)
        case "PING": buffer.moveReaderIndex(forwardBy: lineLength + 2); return .ping
        case "PONG": buffer.moveReaderIndex(forwardBy: lineLength + 2); return .pong
        case "+OK": buffer.moveReaderIndex(forwardBy: lineLength + 2); return .ok
        case "-ERR":
            buffer.moveReaderIndex(forwardBy: lineLength + 2)
            let text = String(decoding: line.dropFirst(4), as: UTF8.self)
            return .error(text.trimmingCharacters(in: " '\t"))
        case "INFO":
            buffer.moveReaderIndex(forwardBy: lineLength + 2)
            do {
                return .info(try NATSServerInfo(json: Array(line.dropFirst(5))))
            } catch {
                throw NATSProtocolError("unreadable INFO: \(error.message)")
            }
        default:
            throw NATSProtocolError("unknown operation \"\(opName.prefix(20))\"")
        }
    }

    /// `MSG <subject> <sid> [reply-to] <#bytes>`: consumes line and payload once both are here.
    private static func message(line: [UInt8], from buffer: inout ByteBuffer) throws(NATSProtocolError) -> NATSServerOp? {
        let fields = line.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        guard fields.count == 4 || fields.count == 5, let size = decimal(fields[fields.count - 1]) else {
            throw NATSProtocolError("malformed MSG line")
        }
        guard size <= maxMessage else { throw NATSProtocolError("MSG of \(size) bytes, over \(maxMessage)") }
        let total = line.count + 2 + size + 2
        guard buffer.readableBytes >= total else { return nil }
        let payloadStart = buffer.readerIndex + line.count + 2
        guard buffer.getInteger(at: payloadStart + size, as: UInt16.self) == 0x0D0A else {
            throw NATSProtocolError("MSG payload not followed by CRLF")
        }
        let payload = buffer.getSlice(at: payloadStart, length: size)!
        buffer.moveReaderIndex(forwardBy: total)
        return .message(subject: String(decoding: fields[1], as: UTF8.self), payload: payload)
    }

    /// A payload size: 1 to 9 ASCII digits.
    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard (1...9).contains(digits.count) else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// The length of the first line (without its CRLF), nil when no CRLF has arrived yet.
    private static func controlLineLength(_ buffer: ByteBuffer) -> Int? {
        buffer.withUnsafeReadableBytes { bytes -> Int? in
            var index = 0
            while let found = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
                if found > 0, bytes[found - 1] == UInt8(ascii: "\r") { return found - 1 }
                index = found + 1
            }
            return nil
        }
    }
}

/// The server sent something that is not the NATS client protocol.
struct NATSProtocolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) { result = result.dropFirst() }
        while let last = result.last, characters.contains(last) { result = result.dropLast() }
        return String(result)
    }
}
