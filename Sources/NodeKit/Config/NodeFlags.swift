/// The `quark node` flags, as typed: every field is the raw text of its flag, `nil` when the
/// flag was not given. `--config` and `--id` are not here: the caller loads the file and passes
/// the id to ``NodeSettings/resolve(file:nodeID:flags:environment:knownServices:)``.
public struct NodeFlags: Sendable, Equatable {
    /// `--services a,b,c`
    public var services: String?
    /// `--seeds tcp://h:p,...`
    public var seeds: String?
    /// `--bind tcp://0.0.0.0:PORT`
    public var bind: String?
    /// `--advertise HOST`
    public var advertise: String?
    /// `--namespace NS`
    public var namespace: String?
    /// `--transporter zmq|nats://host:port`
    public var transporter: String?
    /// `--data DIR`
    public var data: String?
    /// `--log-level L`
    public var logLevel: String?
    /// `--log-format text|json`
    public var logFormat: String?

    public init(
        services: String? = nil, seeds: String? = nil, bind: String? = nil, advertise: String? = nil,
        namespace: String? = nil, transporter: String? = nil, data: String? = nil,
        logLevel: String? = nil, logFormat: String? = nil
    ) {
        self.services = services
        self.seeds = seeds
        self.bind = bind
        self.advertise = advertise
        self.namespace = namespace
        self.transporter = transporter
        self.data = data
        self.logLevel = logLevel
        self.logFormat = logFormat
    }
}
