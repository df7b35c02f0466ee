import Foundation

extension JSONValueEncoder {
    /// The `Encoder` passed to `encode(to:)`: collects one value, a primitive or a container,
    /// and is its own single-value container.
    final class TreeEncoder: Encoder, SingleValueEncodingContainer {
        let path: JSONCodingPath
        private(set) var node: Node?

        init(path: JSONCodingPath) {
            self.path = path
        }

        var codingPath: [any CodingKey] { path.keys }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        /// The node for `value` at `path`; `nil` when its `encode(to:)` wrote nothing.
        /// `JSON`, `Date`, `URL` and `Data` are converted here, as `JSONEncoder` does.
        static func node<T: Encodable>(for value: T, at path: @autoclosure () -> JSONCodingPath) throws -> Node? {
            // Type checks instead of `as?` casts: far cheaper when the answer is no.
            if T.self == JSON.self { return .value(value as! JSON) }
            if T.self == String.self { return .value(.string(value as! String)) }
            if T.self == Int.self { return .value(.int(value as! Int)) }
            if T.self == Double.self { return .value(try box(value as! Double, at: path())) }
            if T.self == Bool.self { return .value(.bool(value as! Bool)) }
            if T.self == Date.self { return .value(try box(value as! Date, at: path())) }
            if T.self == URL.self { return .value(.string((value as! URL).absoluteString)) }
            if T.self == Data.self { return .value(.string((value as! Data).base64EncodedString())) }
            let encoder = TreeEncoder(path: path())
            try value.encode(to: encoder)
            return encoder.node
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let object: ObjectNode
            switch node {
            case .object(let existing): object = existing
            case nil:
                object = ObjectNode()
                node = .object(object)
            default: preconditionFailure("Keyed container requested where another kind of value was encoded")
            }
            return KeyedEncodingContainer(KeyedContainer(object: object, path: path))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let array: ArrayNode
            switch node {
            case .array(let existing): array = existing
            case nil:
                array = ArrayNode()
                node = .array(array)
            default: preconditionFailure("Unkeyed container requested where another kind of value was encoded")
            }
            return UnkeyedContainer(array: array, path: path)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { self }

        func encodeNil() { node = .value(.null) }
        func encode(_ value: Bool) { node = .value(.bool(value)) }
        func encode(_ value: String) { node = .value(.string(value)) }
        func encode(_ value: Double) throws { node = .value(try Self.box(value, at: path)) }
        func encode(_ value: Float) throws { node = .value(try Self.box(value, at: path)) }
        func encode(_ value: Int) { node = .value(.int(value)) }
        func encode(_ value: Int8) { node = .value(.int(Int(value))) }
        func encode(_ value: Int16) { node = .value(.int(Int(value))) }
        func encode(_ value: Int32) { node = .value(.int(Int(value))) }
        func encode(_ value: Int64) { node = .value(.int(Int(value))) }
        func encode(_ value: UInt) throws { node = .value(try Self.box(value, at: path)) }
        func encode(_ value: UInt8) { node = .value(.int(Int(value))) }
        func encode(_ value: UInt16) { node = .value(.int(Int(value))) }
        func encode(_ value: UInt32) { node = .value(.int(Int(value))) }
        func encode(_ value: UInt64) throws { node = .value(try Self.box(value, at: path)) }

        func encode<T: Encodable>(_ value: T) throws {
            node = try Self.node(for: value, at: path) ?? .value(.object([:]))
        }

        /// Out-of-range dates throw with their seconds since 1970 as the invalid value: Foundation's
        /// `Date.description` traps for non-finite dates, and errors get printed.
        static func box(_ value: Date, at path: @autoclosure () -> JSONCodingPath) throws -> JSON {
            guard let text = JSONDateFormat.string(from: value) else {
                let seconds = value.timeIntervalSince1970
                throw EncodingError.invalidValue(
                    seconds, EncodingError.Context(codingPath: path().keys, debugDescription: "A date \(seconds) s from 1970 is out of range."))
            }
            return .string(text)
        }

        static func box(_ value: Double, at path: @autoclosure () -> JSONCodingPath) throws -> JSON {
            guard value.isFinite else {
                throw EncodingError.invalidValue(
                    value, EncodingError.Context(codingPath: path().keys, debugDescription: "\(value) has no JSON form."))
            }
            return .double(value)
        }

        /// Floats go through their shortest decimal form, so `Float(0.1)` is written as `0.1`.
        static func box(_ value: Float, at path: @autoclosure () -> JSONCodingPath) throws -> JSON {
            try box(value.isFinite ? Double(value.description) ?? Double(value) : Double(value), at: path())
        }

        static func box<I: FixedWidthInteger>(_ value: I, at path: @autoclosure () -> JSONCodingPath) throws -> JSON {
            guard let integer = Int(exactly: value) else {
                throw EncodingError.invalidValue(
                    value, EncodingError.Context(codingPath: path().keys, debugDescription: "\(value) does not fit in Int."))
            }
            return .int(integer)
        }
    }
}
