import Broker
import NIOCore

/// Writes the client-to-server operations of the NATS protocol.
enum NATSClientCommands {
    static let crlf: StaticString = "\r\n"

    /// `CONNECT {...}`: no +OK acknowledgements (verbose false), no echo of our own messages.
    static func connect(_ credentials: NATSCredentials, name: String, into buffer: inout ByteBuffer) {
        var fields: [String: JSON] = [
            "verbose": false, "pedantic": false, "tls_required": false, "echo": false,
            "lang": "swift", "version": "quark", "protocol": 1, "headers": false, "no_responders": false,
            "name": .string(name),
        ]
        if let user = credentials.user { fields["user"] = .string(user) }
        if let password = credentials.password { fields["pass"] = .string(password) }
        if let token = credentials.token { fields["auth_token"] = .string(token) }
        buffer.writeString("CONNECT ")
        buffer.writeBytes(JSONWriter.bytes(.object(fields)))
        buffer.writeStaticString(crlf)
    }

    static func subscribe(_ subject: String, sid: Int, into buffer: inout ByteBuffer) {
        buffer.writeString("SUB \(subject) \(sid)\r\n")
    }

    static func unsubscribe(sid: Int, into buffer: inout ByteBuffer) {
        buffer.writeString("UNSUB \(sid)\r\n")
    }

    /// `PUB <subject> <#bytes>`, the subject written in place (no String built per packet).
    static func publish(_ type: PacketType, target: String?, subjects: NATSSubjects, payload: [UInt8], into buffer: inout ByteBuffer) {
        buffer.writeStaticString("PUB ")
        subjects.write(type, target: target, into: &buffer)
        buffer.writeStaticString(" ")
        buffer.writeString(String(payload.count))
        buffer.writeStaticString(crlf)
        buffer.writeBytes(payload)
        buffer.writeStaticString(crlf)
    }

    static func ping(into buffer: inout ByteBuffer) { buffer.writeStaticString("PING\r\n") }
    static func pong(into buffer: inout ByteBuffer) { buffer.writeStaticString("PONG\r\n") }
}

/// The user/password or token sent in CONNECT.
struct NATSCredentials: Sendable, Equatable {
    var user: String?
    var password: String?
    var token: String?

    init(server: NATSServerAddress, options: NATSOptions) {
        if server.user != nil || server.token != nil {
            user = server.user
            password = server.password
            token = server.token
        } else {
            user = options.user
            password = options.password
            token = options.token
        }
    }
}
