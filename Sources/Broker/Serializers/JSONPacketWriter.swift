/// Writes the hot packets (REQ, RES, EVENT) straight to JSON bytes, member by member, instead of
/// building a `JSON` object first: no dictionary, no hashing of the member names. The bytes are
/// what `JSONWriter` gives for the packet's `json` plus `ver` and `sender`, in another order.
struct JSONPacketWriter {
    private(set) var bytes: [UInt8] = []
    private var first = true

    init(sender: String) {
        bytes.reserveCapacity(256)
        bytes.append(UInt8(ascii: "{"))
        member("ver", .string(JSONSerializer.protocolVersion))
        member("sender", sender)
    }

    static func request(_ packet: RequestPacket) -> [UInt8] {
        var writer = JSONPacketWriter(sender: packet.sender)
        writer.member("id", packet.id)
        writer.member("action", packet.action)
        writer.member("params", packet.params)
        writer.member("meta", .object(packet.meta))
        writer.member("timeout", .double(packet.timeout))
        writer.lineage(level: packet.level, tracing: packet.tracing, parentID: packet.parentID, requestID: packet.requestID, caller: packet.caller)
        writer.member("stream", .bool(packet.stream))
        return writer.finished()
    }

    static func response(_ packet: ResponsePacket) -> [UInt8] {
        var writer = JSONPacketWriter(sender: packet.sender)
        writer.member("id", packet.id)
        writer.member("success", .bool(packet.success))
        writer.member("data", packet.data)
        writer.member("meta", .object(packet.meta))
        if let error = packet.error { writer.member("error", error.wire) }
        return writer.finished()
    }

    static func event(_ packet: EventPacket) -> [UInt8] {
        var writer = JSONPacketWriter(sender: packet.sender)
        writer.member("id", packet.id)
        writer.member("event", packet.event)
        writer.member("data", packet.data)
        writer.member("groups", packet.groups.map { .array($0.map(JSON.string)) } ?? .null)
        writer.member("broadcast", .bool(packet.broadcast))
        writer.member("meta", .object(packet.meta))
        writer.lineage(level: packet.level, tracing: packet.tracing, parentID: packet.parentID, requestID: packet.requestID, caller: packet.caller)
        writer.member("needAck", packet.needAck.map(JSON.bool) ?? .null)
        return writer.finished()
    }

    /// The context's place in its call chain, common to REQ and EVENT.
    private mutating func lineage(level: Int, tracing: Bool?, parentID: String?, requestID: String?, caller: String?) {
        member("level", .int(level))
        member("tracing", tracing.map(JSON.bool) ?? .null)
        member("parentID", parentID)
        member("requestID", requestID)
        member("caller", caller)
    }

    private mutating func key(_ name: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private mutating func member(_ name: StaticString, _ value: JSON) {
        key(name)
        JSONWriter.append(value, to: &bytes, sortedKeys: false)
    }

    private mutating func member(_ name: StaticString, _ text: String?) {
        key(name)
        if let text { JSONWriter.appendString(text, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    private mutating func finished() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
