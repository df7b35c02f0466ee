import Foundation

extension SchemaRecordingDecoder {
    /// The rule and placeholder of a type the validator knows by name, decoded as
    /// `JSONValueDecoder` decodes it, or of a `CaseIterable` enum with string or integer raw
    /// values; `nil` for any other type. Placeholders are chosen to pass ordinary checks in a
    /// hand-written `init(from:)`: a non-empty string, a positive number, an enum's first case.
    static func known<T>(_ type: T.Type) -> (InferredRule, T)? {
        if let (values, firstCase) = cases(of: type) { return (InferredRule(.enumeration(values)), firstCase) }
        let found: (rule: String, placeholder: Any)? =
            switch type {
            case is String.Type: ("string", "placeholder")
            case is Bool.Type: ("boolean", false)
            case let integer as any FixedWidthInteger.Type: ("number|integer", one(integer))
            case let number as any BinaryFloatingPoint.Type: ("number", one(number))
            case is Date.Type: ("date", Date(timeIntervalSince1970: 0))
            case is UUID.Type: ("uuid", UUID())
            case is URL.Type: ("url", URL(string: "https://example.com/")!)
            case is Data.Type: ("string|base64", Data())
            case is JSON.Type: ("any", JSON.null)
            default: nil
            }
        guard let found, let placeholder = found.placeholder as? T else { return nil }
        return (InferredRule(.plain(found.rule)), placeholder)
    }

    private static func one<Number: Numeric>(_ type: Number.Type) -> Number { 1 }

    /// The raw values and first case of a `CaseIterable` enum whose raw values are strings or
    /// integers; `nil` for any other type.
    private static func cases<T>(of type: T.Type) -> (values: [JSON], first: T)? {
        guard let enumeration = type as? any CaseIterable.Type, let (values, first) = rawValues(of: enumeration) else {
            return nil
        }
        return (first as? T).map { (values, $0) }
    }

    private static func rawValues<Enumeration: CaseIterable>(of type: Enumeration.Type) -> ([JSON], Enumeration)? {
        var values: [JSON] = []
        for element in type.allCases {
            switch (element as? any RawRepresentable)?.rawValue {
            case let text as String: values.append(.string(text))
            case let number as Int: values.append(.int(number))
            default: return nil
            }
        }
        return type.allCases.first.map { (values, $0) }
    }
}
