import Broker
import Foundation
import Logging
import NodeKit

/// Process-wide logging for `quark node`: text (swift-log's stream handler) or one JSON object
/// per line, on standard error.
enum NodeLogging {
    static func bootstrap(level: Logger.Level, format: LogFormat) {
        LoggingSystem.bootstrap { label in
            switch format {
            case .json:
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}

/// `{"time":..,"level":..,"label":..,"message":..,"metadata":{..}}` per line, for log shippers.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        let line: JSON = [
            "time": .string(Date().formatted(.iso8601)), "level": .string(event.level.rawValue), "label": .string(label),
            "message": .string(event.message.description), "source": .string(event.source),
            "metadata": .object(fields.mapValues { .string($0.description) }),
        ]
        FileHandle.standardError.write(Data((line.description + "\n").utf8))
    }
}
