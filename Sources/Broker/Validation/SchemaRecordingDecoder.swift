/// The `Decoder` behind `ParamSchema(inferring:)`. It decodes a type once, with no data: every
/// value the type's `init(from:)` asks for gets a placeholder, and its rule is recorded into a
/// `RecordedValue`. A keyed container makes an object, an unkeyed one an array of one element.
struct SchemaRecordingDecoder: Decoder {
    /// Why a type cannot be inferred, at the field where the decoding stopped.
    struct Rejection: Error {
        let field: String
        let problem: String
    }

    let value: RecordedValue

    var codingPath: [any CodingKey] { value.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The rules of the props of the params type `type`, which must decode from an object.
    static func props<T: Decodable>(of type: T.Type) throws(BrokerError) -> [String: InferredRule] {
        let root = RecordedValue()
        do {
            _ = try decode(type, into: root)
        } catch {
            throw .invalidParamSchema(
                field: error.field, "cannot infer the params of \(T.self): \(error.problem); pass 'params:' explicitly")
        }
        if root.isUntouched { return [:] }  // a type with no fields takes an empty object
        switch root.rule.kind {
        case .object(let props): return props
        case .plain("object"): return [:]
        default:
            throw .invalidParamSchema(
                field: "", "cannot infer the params of \(T.self): params are an object, and \(T.self) does not decode from one")
        }
    }

    /// Decodes `type` from placeholders, recording into `value` what it asked for.
    static func decode<T: Decodable>(_ type: T.Type, into value: RecordedValue) throws(Rejection) -> T {
        value.decodeCount += 1
        if let (rule, placeholder) = known(type) {
            value.settle(rule)
            return placeholder
        }
        guard !value.enclosingTypes.contains(ObjectIdentifier(type)) else {
            throw Rejection(field: value.field, problem: "\(T.self) contains itself, which a params schema cannot describe")
        }
        value.type = type
        do {
            return try T(from: SchemaRecordingDecoder(value: value))
        } catch let rejection as Rejection {
            throw rejection
        } catch {
            throw Rejection(
                field: value.field,
                problem: "\(T.self).init(from:) rejected the placeholder values it was given (\(reason(error)))")
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        value.becomeObject()
        return KeyedDecodingContainer(KeyedContainer(value: value))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer {
        ValueContainer(codingPath: codingPath, target: value.element)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        ValueContainer(codingPath: codingPath, target: value)
    }

    /// What a `DecodingError` says, or the error as it prints.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
            DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            context.debugDescription
        default:
            String(describing: error)
        }
    }
}
