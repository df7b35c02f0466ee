import Broker
import Testing

@Suite("params schema")
struct ParamSchemaTests {
    static let user: ParamSchema = [
        "name": "string|min:3|max:50",
        "email": "email",
        "age": "number|optional|integer|positive",
        "role": ["type": "string", "enum": ["user", "admin"], "default": "user"],
        "newsletter": ["type": "boolean", "convert": true, "default": false],
    ]

    @Test func validParamsComeBackWithDefaults() throws {
        let result = try Self.user.validate(["name": "Ann", "email": "ann@example.com", "newsletter": "1"])
        #expect(result == ["name": "Ann", "email": "ann@example.com", "role": "user", "newsletter": true])
    }

    @Test func everyBadFieldIsReportedAtOnce() throws {
        let found = failureSummary(of: ["name": "An", "age": -3.5, "role": "root"], against: Self.user)
        #expect(found == [
            "numberInteger age", "numberPositive age", "required email", "stringMin name", "stringEnum role",
        ])
    }

    @Test func failureIsAValidationErrorWithFastestValidatorObjects() throws {
        let error = try #require(throws: BrokerError.self) { try Self.user.validate(["email": "ann@example.com"]) }
        #expect(error.code == .validation)
        #expect(error.type == "VALIDATION_ERROR")
        #expect(error.message == "Parameters validation error!")
        #expect(error.data == [["type": "required", "field": "name", "message": "The 'name' field is required."]])
    }

    @Test func nullIsRequiredUnlessNullableOrOptional() throws {
        let schema = try ParamSchema([
            "a": "string", "b": "string|optional", "c": ["type": "string", "nullable": true],
        ])
        let found = failures(of: ["a": .null, "b": .null, "c": .null], against: schema)
        #expect(found == [["type": "required", "field": "a", "message": "The 'a' field is required.", "actual": .null]])
    }

    @Test func defaultsReplaceMissingAndNullValues() throws {
        let schema = try ParamSchema([
            "limit": "number|default:10", "sort": ["type": "string", "default": "name"],
            "tag": ["type": "string", "nullable": true, "default": "none"],
        ])
        #expect(try schema.validate([:]) == ["limit": 10, "sort": "name", "tag": "none"])
        #expect(try schema.validate(["limit": .null, "tag": .null]) == ["limit": 10, "sort": "name", "tag": .null])
        #expect(try schema.validate(["limit": 3, "sort": "date"]) == ["limit": 3, "sort": "date", "tag": "none"])
    }

    @Test func missingParamsCountAsAnEmptyObject() throws {
        let schema = try ParamSchema(["page": "number|default:1"])
        #expect(try schema.validate(.null) == ["page": 1])
    }

    @Test(arguments: [JSON("text"), 5, [1, 2], true])
    func nonObjectParamsFailOnce(params: JSON) throws {
        let found = failures(of: params, against: Self.user)
        #expect(found == [["type": "object", "field": "", "message": "The 'params' must be an Object.", "actual": params]])
    }

    @Test func labelsAndCustomMessagesShapeTheMessage() throws {
        let schema = try ParamSchema([
            "pwd": ["type": "string", "min": 8, "label": "Password", "messages": ["stringMin": "{field} needs {expected}+ characters, got {actual}."]],
        ])
        let found = failures(of: ["pwd": "short"], against: schema)
        #expect(found.first?["message"] == "Password needs 8+ characters, got 5.")
        #expect(found.first?["label"] == "Password")
        #expect(found.first?["field"] == "pwd")
    }

    @Test func jsonGivesTheSchemaBackAsWritten() throws {
        let written: JSON = ["$$strict": true, "name": "string|min:3", "tags": ["type": "array", "items": "string"]]
        #expect(try ParamSchema(written).json == written)
    }

    @Test func schemasWrittenAlikeAreEqual() throws {
        let first: ParamSchema = ["name": "string"]
        let second = try ParamSchema(["name": "string"])
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(first != ["name": "number"])
    }

    @Test func anEmptySchemaAcceptsAnyObject() throws {
        let schema: ParamSchema = [:]
        #expect(try schema.validate(["x": 1]) == ["x": 1])
    }

    @Test func descriptionIsAcceptedAsDocumentation() throws {
        let schema = try ParamSchema(["id": ["type": "number", "description": "The order number"]])
        #expect(failureSummary(of: ["id": "x"], against: schema) == ["number id"])
    }
}
