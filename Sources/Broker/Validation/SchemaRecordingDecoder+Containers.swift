extension SchemaRecordingDecoder {
    /// Records every key asked for as a prop of the object. `contains` says yes and marks the key
    /// optional: it is how `decodeIfPresent` (Swift's synthesized code for an optional property)
    /// and hand-written inits ask whether a key may be left out. `decodeNil` says no and marks
    /// the key nullable, so that its value is decoded next.
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let value: RecordedValue

        var codingPath: [any CodingKey] { value.codingPath }
        /// None: a dictionary decodes as an empty one, and so infers as a plain `object`.
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool {
            value.member(key).optional = true
            return true
        }

        func decodeNil(forKey key: Key) -> Bool {
            value.member(key).nullable = true
            return false
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(type, key) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try member(type, key) }

        private func member<T: Decodable>(_ type: T.Type, _ key: Key) throws(Rejection) -> T {
            try SchemaRecordingDecoder.decode(type, into: value.member(key))
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) -> KeyedDecodingContainer<NestedKey> {
            SchemaRecordingDecoder(value: value.member(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer {
            SchemaRecordingDecoder(value: value.member(key)).unkeyedContainer()
        }

        /// The decoder for the `super` member, as `JSONValueDecoder` reads it.
        func superDecoder() -> any Decoder {
            SchemaRecordingDecoder(value: value.member(JSONCodingKey.superKey))
        }

        func superDecoder(forKey key: Key) -> any Decoder {
            SchemaRecordingDecoder(value: value.member(key))
        }
    }

    /// The container of a single value, or of an array's elements: either way, what it decodes
    /// is recorded into `target` (the value, or the array's element). As an array it holds one
    /// element: it is at its end once something was decoded. `decodeNil` says no and marks the
    /// target nullable, so that the value is decoded next.
    struct ValueContainer: SingleValueDecodingContainer, UnkeyedDecodingContainer {
        let codingPath: [any CodingKey]
        let target: RecordedValue

        var count: Int? { 1 }
        var currentIndex: Int { target.decodeCount }
        var isAtEnd: Bool { currentIndex > 0 }

        func decodeNil() -> Bool {
            target.nullable = true
            return false
        }

        func decode(_ type: Bool.Type) throws -> Bool { try record(type) }
        func decode(_ type: String.Type) throws -> String { try record(type) }
        func decode(_ type: Double.Type) throws -> Double { try record(type) }
        func decode(_ type: Float.Type) throws -> Float { try record(type) }
        func decode(_ type: Int.Type) throws -> Int { try record(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try record(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try record(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try record(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try record(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try record(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try record(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try record(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try record(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try record(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try record(type) }

        private func record<T: Decodable>(_ type: T.Type) throws(Rejection) -> T {
            try SchemaRecordingDecoder.decode(type, into: target)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedDecodingContainer<NestedKey> {
            target.decodeCount += 1
            return SchemaRecordingDecoder(value: target).container(keyedBy: type)
        }

        func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer {
            target.decodeCount += 1
            return SchemaRecordingDecoder(value: target).unkeyedContainer()
        }

        func superDecoder() -> any Decoder {
            target.decodeCount += 1
            return SchemaRecordingDecoder(value: target)
        }
    }
}
