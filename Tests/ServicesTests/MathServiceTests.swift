import Broker
import Services
import Testing

@Suite("The math demo service")
struct MathServiceTests {
    @Test("integers give integers; a double operand gives a double")
    func arithmetic() async throws {
        try await withServices([MathService.schema()]) { client async throws in
            #expect(try await client.call("math.add", ["a": 2, "b": 40]) == .int(42))
            #expect(try await client.call("math.sub", ["a": 2, "b": 5]) == .int(-3))
            #expect(try await client.call("math.mult", ["a": -6, "b": 7]) == .int(-42))
            #expect(try await client.call("math.add", ["a": 1.5, "b": 2]) == .double(3.5))
            #expect(try await client.call("math.mult", ["a": 0.5, "b": 0.5]) == .double(0.25))
        }
    }

    @Test("an integer result that would overflow becomes a double")
    func overflow() async throws {
        try await withServices([MathService.schema()]) { client async throws in
            #expect(try await client.call("math.add", ["a": .int(Int.max), "b": 1]) == .double(Double(Int.max) + 1))
            #expect(try await client.call("math.sub", ["a": .int(Int.min), "b": 1]) == .double(Double(Int.min) - 1))
            #expect(try await client.call("math.mult", ["a": .int(Int.max), "b": 2]) == .double(Double(Int.max) * 2))
        }
    }

    @Test("div is exact for integers that divide, a double otherwise")
    func division() async throws {
        try await withServices([MathService.schema()]) { client async throws in
            #expect(try await client.call("math.div", ["a": 42, "b": 6]) == .int(7))
            #expect(try await client.call("math.div", ["a": 7, "b": 2]) == .double(3.5))
            #expect(try await client.call("math.div", ["a": 0.75, "b": 0.5]) == .double(1.5))
        }
    }

    @Test("dividing by zero is a 422 client error of type DIVISION_BY_ZERO")
    func divisionByZero() async throws {
        try await withServices([MathService.schema()]) { client async throws in
            for zero: JSON in [0, 0.0] {
                let error = await #expect(throws: BrokerError.self) { try await client.call("math.div", ["a": 1, "b": zero]) }
                #expect(error?.status == 422)
                #expect(error?.type == "DIVISION_BY_ZERO")
                #expect(error?.retryable == false)
            }
        }
    }

    @Test("operands that are not numbers are a 422 ValidationError")
    func notNumbers() async throws {
        try await withServices([MathService.schema()]) { client async throws in
            let error = await #expect(throws: BrokerError.self) { try await client.call("math.add", ["a": "1", "b": 2]) }
            #expect(error?.code == .validation)
            #expect(error?.data?[0]?["field"] == "a")
            let missing = await #expect(throws: BrokerError.self) { try await client.call("math.sub", ["a": 1]) }
            #expect(missing?.data?[0]?["field"] == "b")
        }
    }
}
