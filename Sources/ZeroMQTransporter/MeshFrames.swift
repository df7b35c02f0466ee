import Broker

/// The mesh's message format: two frames, the packet type (`REQ`, `INFO`, ...) and the JSON
/// payload. A ROUTER sees a third frame in front, the sender's routing id. Incoming messages
/// are checked here before the broker sees them; see `Drop` for what is refused.
enum MeshFrames {
    /// Why an incoming message was dropped.
    enum Drop: String, Error, Equatable {
        case frameCount = "wrong frame count"
        case oversize = "frame over the size limit"
        case unknownType = "unknown packet type"
        case notUTF8 = "payload is not UTF-8"
        case notJSONObject = "payload is not a JSON object"
    }

    private static let typeFrames: [PacketType: [UInt8]] = Dictionary(
        uniqueKeysWithValues: PacketType.allCases.map { ($0, Array($0.rawValue.utf8)) })

    private static let typesByFrame: [[UInt8]: PacketType] = Dictionary(
        uniqueKeysWithValues: PacketType.allCases.map { (Array($0.rawValue.utf8), $0) })

    static func frames(_ type: PacketType, _ payload: [UInt8]) -> [[UInt8]] {
        [typeFrames[type] ?? Array(type.rawValue.utf8), payload]
    }

    /// Decodes `[type, payload]` (after the routing id, if any).
    static func decode(_ received: ZeroMQMessage.Received, routed: Bool) -> Result<TransportPacket, Drop> {
        let expected = routed ? 3 : 2
        guard received.frameCount == expected, received.frames.count == expected else { return .failure(.frameCount) }
        guard !received.oversize else { return .failure(.oversize) }
        let typeFrame = received.frames[expected - 2]
        let payload = received.frames[expected - 1]
        guard let type = typesByFrame[typeFrame] else { return .failure(.unknownType) }
        guard isUTF8(payload) else { return .failure(.notUTF8) }
        guard looksLikeObject(payload) else { return .failure(.notJSONObject) }
        return .success(TransportPacket(type: type, target: nil, payload: payload))
    }

    /// Whether `bytes` is valid UTF-8; ASCII (nearly all JSON) takes the fast path.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// A cheap shape check (the broker's parser does the full one): the first and last
    /// non-whitespace bytes are `{` and `}`.
    static func looksLikeObject(_ bytes: [UInt8]) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return false
        }
        return first < last && bytes[first] == UInt8(ascii: "{") && bytes[last] == UInt8(ascii: "}")
    }
}
