/// The Moleculer JSON serializer: each payload is a JSON object carrying `ver: "4"` and `sender`.
public struct JSONSerializer: Serializer {
    /// The protocol version written and required: Moleculer protocol 4.
    public static let protocolVersion = "4"

    public init() {}

    /// Throws `InvalidPacketDataError` for a packet without a sender, which no peer would accept.
    public func serialize(_ packet: Packet) throws(BrokerError) -> [UInt8] {
        guard !packet.sender.isEmpty else {
            throw .invalidPacketData("Cannot send a \(packet.type.rawValue) packet without a sender.")
        }
        switch packet {
        case .request(let request): return JSONPacketWriter.request(request)
        case .response(let response): return JSONPacketWriter.response(response)
        case .event(let event): return JSONPacketWriter.event(event)
        default: break
        }
        var payload = packet.json
        payload["ver"] = .string(Self.protocolVersion)
        payload["sender"] = .string(packet.sender)
        return JSONWriter.bytes(payload, sortedKeys: false)
    }

    /// Checks, in order: the bytes are a JSON object, `ver` is the string "4" (else
    /// `ProtocolVersionMismatchError` with the sender, or "unknown", and the version received:
    /// `"3"`, `"missing"` or, for a non-string, its type and text such as `"number 4"`),
    /// `sender` is a non-empty string; then decodes the payload liberally as a packet of `type`.
    public func deserialize(_ bytes: [UInt8], type: PacketType) throws(BrokerError) -> Packet {
        guard let payload = try JSONParser.parseMembers(bytes) else {
            let typeName = try JSONParser.parse(bytes).typeName
            throw .invalidPacketData(
                "Invalid \(type.rawValue) packet: the payload is \(typeName), not an object.",
                data: ["type": .string(type.rawValue), "actual": .string(typeName)])
        }
        let sender = payload["sender"]?.stringValue
        switch payload["ver"] {
        case .string(Self.protocolVersion): break
        case .string(let other): throw .protocolVersionMismatch(nodeID: sender ?? "unknown", actual: other)
        case .none, .null: throw .protocolVersionMismatch(nodeID: sender ?? "unknown", actual: "missing")
        case .some(let other):
            throw .protocolVersionMismatch(nodeID: sender ?? "unknown", actual: "\(other.typeName) \(other)")
        }
        guard let sender, !sender.isEmpty else {
            throw .invalidPacketData(
                "Invalid \(type.rawValue) packet: no sender.",
                data: ["type": .string(type.rawValue), "sender": payload["sender"] ?? .null])
        }
        // The hot packets read their few members straight from the list; the rest as objects.
        let fields = PacketFields(payload, in: type.rawValue)
        switch type {
        case .request: return .request(try RequestPacket(fields: fields))
        case .response: return .response(try ResponsePacket(fields: fields))
        case .event: return .event(try EventPacket(fields: fields))
        default: return try Packet(type: type, json: .object(payload.dictionary))
        }
    }
}
