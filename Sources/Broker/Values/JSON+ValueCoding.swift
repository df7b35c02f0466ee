extension JSON {
    /// The `JSON` form of `value`, as `JSONValueEncoder` writes it.
    public init<T: Encodable>(encoding value: T) throws {
        self = try JSONValueEncoder().encode(value)
    }

    /// Decodes this value as a `T`, as `JSONValueDecoder` reads it.
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONValueDecoder().decode(type, from: self)
    }
}
