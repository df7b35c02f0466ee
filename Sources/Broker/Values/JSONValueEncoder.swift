import Foundation

/// Encodes `Encodable` values straight into `JSON`, with no JSON text in between.
///
/// Produces what `JSONDecoder` would read back from `JSONEncoder`'s output with default
/// strategies, with these choices:
/// - `nil` optionals in keyed containers are omitted (synthesized `encodeIfPresent`);
/// - `Date` becomes an ISO 8601 string with milliseconds, `2024-01-02T03:04:05.678Z`;
/// - `URL` becomes its absolute string, `Data` a Base64 string;
/// - a `JSON` value is stored as it is;
/// - non-finite floating-point numbers and unsigned integers above `Int.max` have no `JSON`
///   form and throw `EncodingError.invalidValue`.
public struct JSONValueEncoder: Sendable {
    public init() {}

    /// The `JSON` form of `value`.
    public func encode<T: Encodable>(_ value: T) throws -> JSON {
        guard let node = try TreeEncoder.node(for: value, at: .root) else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return node.json
    }
}
