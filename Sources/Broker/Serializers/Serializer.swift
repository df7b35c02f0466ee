/// Turns packets into payload bytes and back. The packet type is not part of the payload: the
/// transporter carries it (in the topic or a frame) and hands it to `deserialize`.
public protocol Serializer: Sendable {
    /// The payload bytes of `packet`, including the protocol version and the sender.
    func serialize(_ packet: Packet) throws(BrokerError) -> [UInt8]

    /// The packet of `type` in `bytes`. Throws `ProtocolVersionMismatchError` for another protocol
    /// version and `InvalidPacketDataError` for anything malformed; never traps on bad input.
    func deserialize(_ bytes: [UInt8], type: PacketType) throws(BrokerError) -> Packet
}
