import Broker

/// The `math` demo service: `add`, `sub`, `mult`, `div` on two validated numbers. Integer
/// inputs give integer results (except `div`, which gives a number); dividing by zero is a
/// client error (422, `DIVISION_BY_ZERO`).
public enum MathService {
    public static func schema() -> ServiceSchema {
        ServiceSchema(name: "math", actions: [
            operation("add") { a, b in .success(a + b) },
            operation("sub") { a, b in .success(a - b) },
            operation("mult") { a, b in .success(a * b) },
            operation("div") { a, b in
                guard b != 0 else {
                    return .failure(BrokerError.client("Division by zero.", status: 422, type: "DIVISION_BY_ZERO", data: ["b": 0]))
                }
                return .success(a / b)
            },
        ])
    }

    private static let params: ParamSchema = ["a": "number", "b": "number"]

    private static func operation(
        _ name: String, _ compute: @escaping @Sendable (Number, Number) -> Result<Number, BrokerError>
    ) -> ActionSchema {
        ActionSchema(name, params: params) { ctx in
            let params = ctx.params
            guard let a = params["a"].flatMap(Number.init), let b = params["b"].flatMap(Number.init) else {
                throw BrokerError.validation(fields: [["type": "number", "field": "a", "message": "The 'a' and 'b' fields must be numbers."]])
            }
            return try compute(a, b).get().json
        }
    }
}

/// An int or a double: integer arithmetic stays exact, overflow and fractions become doubles.
struct Number: Equatable {
    var int: Int?
    var double: Double

    init?(_ json: JSON) {
        switch json {
        case .int(let value): int = value; double = Double(value)
        case .double(let value): int = nil; double = value
        default: return nil
        }
    }

    private init(int: Int?, double: Double) {
        self.int = int
        self.double = double
    }

    var json: JSON { int.map(JSON.int) ?? .double(double) }

    static func == (lhs: Number, rhs: Int) -> Bool { lhs.double == Double(rhs) }
    static func != (lhs: Number, rhs: Int) -> Bool { !(lhs == rhs) }

    private static func combine(_ lhs: Number, _ rhs: Number, _ exact: (Int, Int) -> (Int, Bool), _ inexact: (Double, Double) -> Double) -> Number {
        if let a = lhs.int, let b = rhs.int {
            let (value, overflow) = exact(a, b)
            if !overflow { return Number(int: value, double: Double(value)) }
        }
        return Number(int: nil, double: inexact(lhs.double, rhs.double))
    }

    static func + (lhs: Number, rhs: Number) -> Number { combine(lhs, rhs, { $0.addingReportingOverflow($1) }, +) }
    static func - (lhs: Number, rhs: Number) -> Number { combine(lhs, rhs, { $0.subtractingReportingOverflow($1) }, -) }
    static func * (lhs: Number, rhs: Number) -> Number { combine(lhs, rhs, { $0.multipliedReportingOverflow(by: $1) }, *) }
    static func / (lhs: Number, rhs: Number) -> Number {
        if let a = lhs.int, let b = rhs.int, b != 0, a % b == 0 { return Number(int: a / b, double: Double(a / b)) }
        return Number(int: nil, double: lhs.double / rhs.double)
    }
}
