/// Thrown by a test when a decoded packet is not of the kind it expected.
struct Unexpected: Error, CustomStringConvertible {
    let description: String

    init(_ value: Any) {
        description = "unexpected \(value)"
    }
}
