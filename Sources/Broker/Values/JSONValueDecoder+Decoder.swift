import Foundation

extension JSONValueDecoder {
    /// The `Decoder` passed to `init(from:)`: one value and its path; its own single-value
    /// container. A small struct, so descending into a member allocates nothing but the path.
    struct TreeDecoder: Decoder, SingleValueDecodingContainer {
        let value: JSON
        let path: JSONCodingPath

        var codingPath: [any CodingKey] { path.keys }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        /// Decodes `type`, converting `JSON`, `Date`, `URL` and `Data` here, as `JSONDecoder` does.
        func unwrap<T: Decodable>(_ type: T.Type) throws -> T {
            // Type checks instead of `as?` casts: far cheaper when the answer is no.
            if T.self == JSON.self { return value as! T }
            if T.self == String.self { return try decode(String.self) as! T }
            if T.self == Int.self { return try decode(Int.self) as! T }
            if T.self == Double.self { return try decode(Double.self) as! T }
            if T.self == Bool.self { return try decode(Bool.self) as! T }
            if T.self == Date.self { return try decodeDate() as! T }
            if T.self == URL.self { return try decodeURL() as! T }
            if T.self == Data.self { return try decodeData() as! T }
            return try T(from: self)
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let members) = value else { throw mismatch([String: JSON].self) }
            return KeyedDecodingContainer(KeyedContainer(members: members, path: path))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let elements) = value else { throw mismatch([JSON].self) }
            return UnkeyedContainer(elements: elements, path: path)
        }

        func singleValueContainer() -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool { value.isNull }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard case .bool(let flag) = value else { throw mismatch(type) }
            return flag
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .string(let text) = value else { throw mismatch(type) }
            return text
        }

        func decode(_ type: Double.Type) throws -> Double {
            guard let number = value.doubleValue else { throw mismatch(type) }
            return number
        }

        func decode(_ type: Float.Type) throws -> Float {
            let number = try decode(Double.self)
            let narrowed = Float(number)
            guard narrowed.isFinite else { throw corrupted("Number \(number) does not fit in Float.") }
            return narrowed
        }

        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try unwrap(type) }

        private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
            let exact: I?
            switch value {
            case .int(let number): exact = I(exactly: number)
            case .double(let number): exact = I(exactly: number)
            default: throw mismatch(type)
            }
            guard let exact else { throw corrupted("Number \(value) does not fit in \(I.self).") }
            return exact
        }

        /// An ISO 8601 string, or milliseconds since 1970.
        private func decodeDate() throws -> Date {
            switch value {
            case .string(let text):
                guard let date = JSONDateFormat.date(from: text) else {
                    throw corrupted("Expected date string to be ISO8601-formatted.")
                }
                return date
            case .int, .double:
                return Date(timeIntervalSince1970: try decode(Double.self) / 1000)
            default: throw mismatch(Date.self)
            }
        }

        private func decodeURL() throws -> URL {
            guard let url = URL(string: try decode(String.self)) else { throw corrupted("Invalid URL string.") }
            return url
        }

        private func decodeData() throws -> Data {
            guard let data = Data(base64Encoded: try decode(String.self)) else {
                throw corrupted("Encountered Data is not valid Base64.")
            }
            return data
        }

        /// `valueNotFound` for `null`, `typeMismatch` for any other wrong kind of value.
        private func mismatch(_ type: Any.Type) -> DecodingError {
            if value.isNull {
                let context = DecodingError.Context(codingPath: codingPath, debugDescription: "Expected \(type) value but found null instead.")
                return .valueNotFound(type, context)
            }
            let found = value.typeName
            let article = found.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            let context = DecodingError.Context(
                codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(article) \(found) instead.")
            return .typeMismatch(type, context)
        }

        private func corrupted(_ description: String) -> DecodingError {
            .dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: description))
        }
    }
}
