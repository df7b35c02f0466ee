/// Parses JSON text (strict RFC 8259) into `JSON` values.
///
/// Rejects everything the RFC does not allow: trailing commas, comments, `NaN` and `Infinity`,
/// leading zeros, raw control characters and invalid UTF-8 in strings, lone surrogate escapes,
/// numbers too large for a `Double`, and anything but whitespace after the value. Arrays and
/// objects may nest at most 512 levels deep. A number without fraction or exponent that fits
/// an `Int` becomes `.int`, any other number `.double`. When an object repeats a key, the last
/// value wins.
///
/// Failures throw `BrokerError.invalidPacketData` with a message such as
/// `"trailing comma at byte 12"`, offsets counting from zero.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 512

    /// Parses the UTF-8 JSON text in `bytes`.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(BrokerError) -> JSON {
        var scanner = JSONScanner(bytes)
        return try scanner.parseDocument()
    }

    /// Parses the UTF-8 JSON text in `bytes`.
    public static func parse(_ bytes: [UInt8]) throws(BrokerError) -> JSON {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(BrokerError) in try parse(buffer) }
        }.get()
    }

    /// Parses `bytes` like `parse`, but an object comes back as its members in order rather than
    /// as a dictionary, which is cheaper to read a few known members from; nil for a valid
    /// document that is not an object.
    static func parseMembers(_ bytes: [UInt8]) throws(BrokerError) -> JSONMembers? {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(BrokerError) in
                var scanner = JSONScanner(buffer)
                return try scanner.parseDocumentMembers()
            }
        }.get()
    }

    /// Parses the JSON text `text`.
    public static func parse(_ text: String) throws(BrokerError) -> JSON {
        var text = text
        return try text.withUTF8 { buffer in
            Result { () throws(BrokerError) in try parse(UnsafeRawBufferPointer(buffer)) }
        }.get()
    }
}
