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
    /// op is not complete yet. The control line is read in place, without allocating.
    static func next(from buffer: inout ByteBuffer) throws(NATSProtocolError) -> NATSServerOp? {
        guard let lineLength = controlLineLength(buffer) else {
            guard buffer.readableBytes <= maxControlLine else { throw NATSProtocolError("control line over \(maxControlLine) bytes") }
            return nil
        }
        let line = buffer.withUnsafeReadableBytes { bytes in ControlLine(UnsafeRawBufferPointer(rebasing: bytes[..<lineLength])) }
        switch line.name {
        case .msg:
            return try message(line, from: &buffer)
        case .ping: buffer.moveReaderIndex(forwardBy: lineLength + 2); return .ping
        case .pong: buffer.moveReaderIndex(forwardBy: lineLength + 2); return .pong
        case .ok: buffer.moveReaderIndex(forwardBy: lineLength + 2); return .ok
        case .error:
            let text = String(decoding: buffer.readBytes(length: lineLength)!.dropFirst(4), as: UTF8.self)
            buffer.moveReaderIndex(forwardBy: 2)
            return .error(text.trimmingCharacters(in: " '\t"))
        case .info:
            let json = Array(buffer.readBytes(length: lineLength)!.dropFirst(5))
            buffer.moveReaderIndex(forwardBy: 2)
            do {
                return .info(try NATSServerInfo(json: json))
            } catch {
                throw NATSProtocolError("unreadable INFO: \(error.message)")
            }
        case .unknown(let name):
            throw NATSProtocolError("unknown operation \"\(name.prefix(20))\"")
        }
    }

    /// `MSG <subject> <sid> [reply-to] <#bytes>`: consumes line and payload once both are here.
    private static func message(_ line: ControlLine, from buffer: inout ByteBuffer) throws(NATSProtocolError) -> NATSServerOp? {
        guard let subject = line.subject, let size = line.size else { throw NATSProtocolError("malformed MSG line") }
        guard size <= maxMessage else { throw NATSProtocolError("MSG of \(size) bytes, over \(maxMessage)") }
        let total = line.length + 2 + size + 2
        guard buffer.readableBytes >= total else { return nil }
        let payloadStart = buffer.readerIndex + line.length + 2
        guard buffer.getInteger(at: payloadStart + size, as: UInt16.self) == 0x0D0A else {
            throw NATSProtocolError("MSG payload not followed by CRLF")
        }
        let subjectSlice = buffer.getSlice(at: buffer.readerIndex + subject.lowerBound, length: subject.count)!
        let payload = buffer.getSlice(at: payloadStart, length: size)!
        buffer.moveReaderIndex(forwardBy: total)
        return .message(subject: subjectSlice, payload: payload)
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
