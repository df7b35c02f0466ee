import Broker
import Testing

@Suite("shorthand rules")
struct ShorthandTests {
    /// A shorthand and the object form it stands for.
    struct Equivalence: Sendable, CustomTestStringConvertible {
        let shorthand: String
        let object: JSON
        var testDescription: String { shorthand }
    }

    static let equivalences: [Equivalence] = [
        Equivalence(shorthand: "string", object: ["type": "string"]),
        Equivalence(shorthand: " string | min : 3 | max:5 ", object: ["type": "string", "min": 3, "max": 5]),
        Equivalence(shorthand: "number|positive|integer", object: ["type": "number", "positive": true, "integer": true]),
        Equivalence(shorthand: "number|min:1.5", object: ["type": "number", "min": 1.5]),
        Equivalence(shorthand: "string|optional", object: ["type": "string", "optional": true]),
        Equivalence(shorthand: "boolean|convert:true", object: ["type": "boolean", "convert": true]),
        Equivalence(shorthand: "boolean|no-convert", object: ["type": "boolean", "convert": false]),
        Equivalence(shorthand: "string|contains:a:b", object: ["type": "string", "contains": "a:b"]),
        Equivalence(shorthand: "string[]", object: ["type": "array", "items": "string"]),
        Equivalence(shorthand: "number[]|min:2|optional", object: ["type": "array", "items": "number", "min": 2, "optional": true]),
    ]

    static let samples: [JSON] = [.null, "", "ab", "a:b", "abcdef", "3", 0, 1.5, 3, -2, true, [], ["x"], [1, 2], [:]]

    @Test(arguments: equivalences)
    func shorthandBehavesLikeItsObjectForm(_ equivalence: Equivalence) throws {
        let short = try ParamSchema(["v": .string(equivalence.shorthand)])
        let long = try ParamSchema(["v": equivalence.object])
        for sample in Self.samples {
            let params: JSON = sample.isNull ? [:] : ["v": sample]
            #expect(failureSummary(of: params, against: short) == failureSummary(of: params, against: long), "\(sample)")
            #expect((try? short.validate(params)) == (try? long.validate(params)), "\(sample)")
        }
    }

    @Test func shorthandDefaultsAreTyped() throws {
        let schema: ParamSchema = ["n": "number|default:5", "s": "string|default:hello", "b": "boolean|default:true"]
        #expect(try schema.validate([:]) == ["n": 5, "s": "hello", "b": true])
    }
}
