/// The HTTP gateway's settings, from the `gateway:` section of `nodes.yml`. They apply to the
/// node that has an `http` port.
public struct GatewaySettings: Sendable, Hashable {
    /// Route prefix of the REST API; starts with `/`.
    public var path: String = "/api"
    /// How long a request may take before the gateway answers 504.
    public var requestTimeout: Duration = .seconds(10)
    /// The largest request body accepted, in bytes.
    public var bodyLimit: Int = 1_048_576
    /// Origins allowed by CORS (`*` for any); empty means CORS is off.
    public var cors: [String] = []

    public init() {}
}
