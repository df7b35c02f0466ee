/// Decodes `Decodable` values straight from `JSON`, with no JSON text in between.
///
/// Reads what `JSONValueEncoder` writes, and is liberal where peers in other languages are
/// loose: integers decode from integral doubles (`3.0`), floating-point numbers from integers,
/// every fixed-width integer type with a range check; a missing key or `null` decodes as `nil`
/// for an optional. `Bool` accepts only `true` and `false`. `Date` decodes from an ISO 8601
/// string or from a number of milliseconds since 1970; `URL` and Base64 `Data` from strings; a
/// `JSON` value is returned as it is.
///
/// Failures are the standard `DecodingError`s, with the coding path of the offending value.
public struct JSONValueDecoder: Sendable {
    public init() {}

    /// Decodes a value of type `type` from `json`.
    public func decode<T: Decodable>(_ type: T.Type, from json: JSON) throws -> T {
        try TreeDecoder(value: json, path: .root).unwrap(type)
    }
}
