extension ActionSchema {
    /// An action whose handler takes a `Decodable` input and returns an `Encodable` output.
    /// It takes every option of the `JSON` form. Without `params`, the params schema is inferred
    /// from `Input` (see ``ParamSchema/init(inferring:rules:)``), refined by its `rules` when it
    /// is ``ActionParams``; it is validated before the handler runs and published in INFO. An
    /// `ActionParams` input that cannot be inferred makes `createService` throw; another input
    /// that cannot be (`JSON`, a type with a custom decoder) goes without a schema. Params that
    /// do not decode are answered with a ValidationError (422) naming the field.
    public init<Input: Decodable & SendableMetatype, Output: Encodable & SendableMetatype>(
        _ name: String, params: ParamSchema? = nil, timeout: Duration? = nil, visibility: ActionVisibility = .published,
        retry: RetryPolicy? = nil, cache: CacheOptions? = nil, strategy: StrategyKind? = nil,
        circuitBreaker: CircuitBreakerOptions? = nil, bulkhead: BulkheadOptions? = nil,
        fallback: FallbackHandler? = nil, metadata: [String: JSON] = [:], rest: RestRoute? = nil,
        handler: @escaping @Sendable (Context, Input) async throws -> Output
    ) {
        var schema = params
        var schemaError: BrokerError?
        if schema == nil {
            do {
                schema = try ParamSchema(inferring: Input.self)
            } catch where Input.self is any ActionParams.Type {
                schemaError = BrokerError(code: .serviceSchema, message: "The params of the action '\(name)': \(error.message)")
            } catch {
                // Not inferable, not declared ActionParams: no schema; decoding still checks params.
            }
        }
        self.init(
            name, params: schema, timeout: timeout, visibility: visibility, retry: retry, cache: cache, strategy: strategy,
            circuitBreaker: circuitBreaker, bulkhead: bulkhead, fallback: fallback, metadata: metadata, rest: rest
        ) { ctx in
            let input: Input = try decodeParams(ctx.params, as: Input.self)
            let output = try await handler(ctx, input)
            return try JSONValueEncoder().encode(output)
        }
        self.schemaError = schemaError
    }
}

/// Decodes params into `T`, turning a decoding failure into a ValidationError.
func decodeParams<T: Decodable>(_ params: JSON, as type: T.Type) throws -> T {
    do {
        return try JSONValueDecoder().decode(T.self, from: params)
    } catch let error as DecodingError {
        throw BrokerError.validation(fields: [error.validationField])
    }
}

extension DecodingError {
    /// This error as one entry of a ValidationError's data.
    var validationField: JSON {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text
        }
        switch self {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return ["type": "required", "field": .string(field), "message": .string("The '\(field)' field is required.")]
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return ["type": "required", "field": .string(field), "message": .string("The '\(field)' field is required.")]
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return ["type": "type", "field": .string(field), "message": .string("The '\(field)' field must be of type \(type).")]
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return ["type": "invalid", "field": .string(field), "message": .string(context.debugDescription)]
        @unknown default:
            return ["type": "invalid", "field": "", "message": .string(String(describing: self))]
        }
    }
}
