extension BrokerError {
    /// A params schema that cannot be compiled. `field` is the path of the offending rule
    /// (`"address.city"`, `"tags[]"`), empty for the schema as a whole.
    static func invalidParamSchema(field: String, _ problem: String) -> BrokerError {
        let place = field.isEmpty ? "" : " for field '\(field)'"
        return BrokerError(
            code: .serviceSchema, message: "Invalid params schema\(place): \(problem).", status: 500,
            type: "SERVICE_SCHEMA_ERROR", data: ["field": .string(field)])
    }
}
