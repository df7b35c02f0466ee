import Broker
import Testing

/// Errors survive the trip to a peer and back with kind, status, type, data and origin.
@Suite struct BrokerErrorWireTests {
    /// One error of every standard kind, as its constructor makes it.
    static let standardKinds: [BrokerError] = [
        .server("boom", data: ["x": 1]),
        .retryable("try again"),
        .client("bad input"),
        .serviceNotFound(action: "posts.list", nodeID: "node-2"),
        .serviceNotAvailable(action: "posts.list"),
        .validation(fields: [["type": "required", "field": "limit", "message": "The 'limit' field is required."]]),
        .requestTimeout(action: "posts.list", nodeID: "node-2"),
        .requestSkipped(action: "posts.list", nodeID: nil),
        .requestRejected(action: "posts.list", nodeID: "node-2", reason: "Circuit open."),
        .queueIsFull(action: "posts.list", nodeID: "node-2", size: 10, limit: 10),
        .maxCallLevel(nodeID: "node-1", level: 100),
        .brokerDisconnected(),
        .protocolVersionMismatch(nodeID: "node-3", actual: "3"),
        .invalidPacketData("Invalid 'level' in REQ.", data: ["field": "level"]),
        BrokerError(code: .serverError, message: "server", retryable: true),
    ]

    /// Standard kinds with other statuses and types, and application kinds.
    static let customErrors: [BrokerError] = [
        .retryable("try again", status: 503, type: "BUSY"),
        .client("bad input", type: "BAD_INPUT", data: ["field": "a"]),
        BrokerError(code: .serviceSchema, message: "bad schema"),
        BrokerError(code: BrokerError.Code("PaymentDeclinedError"), message: "declined", status: 402, type: "DECLINED"),
    ]

    @Test(arguments: standardKinds + customErrors)
    func errorSurvivesTheWire(error: BrokerError) {
        var sent = error
        sent.nodeID = error.nodeID ?? "node-1"
        sent.stack = "at handler (posts.swift:12)"
        #expect(BrokerError(wire: sent.wire) == sent)
    }

    @Test(arguments: standardKinds)
    func nameAloneRestoresStandardStatusTypeAndRetryFlag(error: BrokerError) {
        let received = BrokerError(wire: ["name": .string(error.code.name)])
        #expect(received.code == error.code)
        #expect(received.status == error.status && received.type == error.type && received.retryable == error.retryable)
        #expect(received.message == "Unknown error")
    }

    @Test func wireFormUsesMoleculerFieldNames() {
        let wire = BrokerError.serviceNotFound(action: "posts.list", nodeID: "node-2").wire
        #expect(wire["name"] == "ServiceNotFoundError" && wire["code"] == 404 && wire["type"] == "SERVICE_NOT_FOUND")
        #expect(wire["retryable"] == true && wire["data"]?["action"] == "posts.list")
        #expect(wire["stack"] == nil && wire["nodeID"] == nil)
    }

    @Test func causeIsNotSent() {
        let error = BrokerError.wrapping(CancellationError(), nodeID: "node-1")
        #expect(error.cause != nil && error.wire["cause"] == nil)
        #expect(BrokerError(wire: error.wire).cause == nil)
    }

    @Test func unknownNameIsKeptAsItsOwnKind() {
        let received = BrokerError(wire: ["name": "ValueError", "message": "bad", "code": 500, "type": "INTERNAL_ERROR"])
        #expect(received.code == BrokerError.Code("ValueError") && received.code.name == "ValueError")
        #expect(received.message == "bad" && received.type == "INTERNAL_ERROR" && !received.retryable)
    }

    @Test func missingOrMistypedFieldsTakeDefaults() {
        let empty = BrokerError(wire: [:])
        #expect(empty == BrokerError(code: .moleculerError, message: "Unknown error", status: 500))
        let sloppy = BrokerError(
            wire: ["name": "Error", "message": 3, "code": "ECONNREFUSED", "retryable": "no", "data": .null, "nodeID": 1])
        #expect(sloppy == BrokerError(code: BrokerError.Code("Error"), message: "Unknown error", status: 500))
        #expect(BrokerError(wire: "boom") == BrokerError(code: .moleculerError, message: "boom"))
        #expect(BrokerError(wire: ["code": 404.0]).status == 404)
    }
}
