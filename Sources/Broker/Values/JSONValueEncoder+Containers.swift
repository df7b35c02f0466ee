extension JSONValueEncoder {
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: ObjectNode
        let path: JSONCodingPath

        var codingPath: [any CodingKey] { path.keys }

        private func set(_ value: JSON, for key: Key) {
            object.set(.value(value), for: key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) { set(.null, for: key) }
        mutating func encode(_ value: Bool, forKey key: Key) { set(.bool(value), for: key) }
        mutating func encode(_ value: String, forKey key: Key) { set(.string(value), for: key) }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            set(try TreeEncoder.box(value, at: path.appending(key)), for: key)
        }
        mutating func encode(_ value: Float, forKey key: Key) throws {
            set(try TreeEncoder.box(value, at: path.appending(key)), for: key)
        }
        mutating func encode(_ value: Int, forKey key: Key) { set(.int(value), for: key) }
        mutating func encode(_ value: Int8, forKey key: Key) { set(.int(Int(value)), for: key) }
        mutating func encode(_ value: Int16, forKey key: Key) { set(.int(Int(value)), for: key) }
        mutating func encode(_ value: Int32, forKey key: Key) { set(.int(Int(value)), for: key) }
        mutating func encode(_ value: Int64, forKey key: Key) { set(.int(Int(value)), for: key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws {
            set(try TreeEncoder.box(value, at: path.appending(key)), for: key)
        }
        mutating func encode(_ value: UInt8, forKey key: Key) { set(.int(Int(value)), for: key) }
        mutating func encode(_ value: UInt16, forKey key: Key) { set(.int(Int(value)), for: key) }
        mutating func encode(_ value: UInt32, forKey key: Key) { set(.int(Int(value)), for: key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws {
            set(try TreeEncoder.box(value, at: path.appending(key)), for: key)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let node = try TreeEncoder.node(for: value, at: path.appending(key)) ?? .value(.object([:]))
            object.set(node, for: key.stringValue)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectNode()
            object.set(.object(nested), for: key.stringValue)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, path: path.appending(key)))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ArrayNode()
            object.set(.array(nested), for: key.stringValue)
            return UnkeyedContainer(array: nested, path: path.appending(key))
        }

        mutating func superEncoder() -> any Encoder {
            superEncoder(at: JSONCodingKey.superKey)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            superEncoder(at: key)
        }

        private func superEncoder(at key: some CodingKey) -> any Encoder {
            let encoder = TreeEncoder(path: path.appending(key))
            object.set(.encoder(encoder), for: key.stringValue)
            return encoder
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let array: ArrayNode
        let path: JSONCodingPath

        var codingPath: [any CodingKey] { path.keys }
        var count: Int { array.count }

        private var nextPath: JSONCodingPath { path.appending(index: array.count) }

        private func append(_ value: JSON) {
            array.append(.value(value))
        }

        mutating func encodeNil() { append(.null) }
        mutating func encode(_ value: Bool) { append(.bool(value)) }
        mutating func encode(_ value: String) { append(.string(value)) }
        mutating func encode(_ value: Double) throws { append(try TreeEncoder.box(value, at: nextPath)) }
        mutating func encode(_ value: Float) throws { append(try TreeEncoder.box(value, at: nextPath)) }
        mutating func encode(_ value: Int) { append(.int(value)) }
        mutating func encode(_ value: Int8) { append(.int(Int(value))) }
        mutating func encode(_ value: Int16) { append(.int(Int(value))) }
        mutating func encode(_ value: Int32) { append(.int(Int(value))) }
        mutating func encode(_ value: Int64) { append(.int(Int(value))) }
        mutating func encode(_ value: UInt) throws { append(try TreeEncoder.box(value, at: nextPath)) }
        mutating func encode(_ value: UInt8) { append(.int(Int(value))) }
        mutating func encode(_ value: UInt16) { append(.int(Int(value))) }
        mutating func encode(_ value: UInt32) { append(.int(Int(value))) }
        mutating func encode(_ value: UInt64) throws { append(try TreeEncoder.box(value, at: nextPath)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            array.append(try TreeEncoder.node(for: value, at: nextPath) ?? .value(.object([:])))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectNode()
            let nestedPath = nextPath
            array.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, path: nestedPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ArrayNode()
            let nestedPath = nextPath
            array.append(.array(nested))
            return UnkeyedContainer(array: nested, path: nestedPath)
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = TreeEncoder(path: nextPath)
            array.append(.encoder(encoder))
            return encoder
        }
    }
}
