import Broker

/// The store's email templates: a subject and a body with `{{name}}` placeholders.
enum EmailTemplates {
    struct Template: Sendable {
        let subject: String
        let body: String
    }

    static let all: [String: Template] = [
        "welcome": Template(subject: "Welcome to the Quark Store, {{name}}", body: "Hello {{name}},\n\nyour account is ready.\n"),
        "order-placed": Template(
            subject: "Order {{number}} received", body: "Hello {{name}},\n\nwe received your order {{number}} of {{total}}.\n"),
        "payment-succeeded": Template(subject: "Order {{number}} is paid", body: "Your payment of {{total}} for order {{number}} went through.\n"),
        "payment-failed": Template(
            subject: "Payment for order {{number}} failed", body: "Your payment for order {{number}} was refused: {{reason}}.\n"),
        "order-shipped": Template(
            subject: "Order {{number}} is on its way", body: "Order {{number}} has shipped. Tracking number: {{trackingNumber}}.\n"),
        "newsletter-confirm": Template(
            subject: "You are subscribed to the Quark Store newsletter",
            body: "To unsubscribe, use this token: {{token}}\n"),
    ]

    /// `text` with every `{{key}}` replaced by `data[key]` (strings as they are, other values as
    /// JSON); a placeholder without a value is a 422 naming it.
    static func render(_ text: String, _ data: [String: JSON]) throws(BrokerError) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = String(rest[open.upperBound..<close.lowerBound])
            guard let value = data[key] else {
                throw BrokerError.validation(fields: [
                    ["type": "required", "field": .string("data.\(key)"), "message": .string("The template needs '\(key)'.")],
                ])
            }
            output += value.stringValue ?? value.description
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}
