/// The configuration as `$node.options` shows it (no secrets, durations in milliseconds).
extension BrokerConfiguration {
    var json: JSON {
        func ms(_ duration: Duration?) -> JSON { duration.map { .int(Int($0.milliseconds)) } ?? .null }
        return [
            "nodeID": .string(nodeID), "namespace": .string(namespace),
            "transporter": transporter.map { .string(String(describing: type(of: $0))) } ?? .null,
            "serializer": .string(String(describing: type(of: serializer))),
            "requestTimeout": ms(requestTimeout), "maxCallLevel": .int(maxCallLevel), "validation": .bool(validation),
            "retryPolicy": [
                "enabled": .bool(retryPolicy.enabled), "retries": .int(retryPolicy.retries), "delay": ms(retryPolicy.delay),
                "maxDelay": ms(retryPolicy.maxDelay), "factor": .double(retryPolicy.factor),
            ],
            "circuitBreaker": [
                "enabled": .bool(circuitBreaker.enabled), "threshold": .double(circuitBreaker.threshold),
                "windowTime": ms(circuitBreaker.windowTime), "minRequestCount": .int(circuitBreaker.minRequestCount),
                "halfOpenTime": ms(circuitBreaker.halfOpenTime),
            ],
            "bulkhead": [
                "enabled": .bool(bulkhead.enabled), "concurrency": .int(bulkhead.concurrency), "maxQueueSize": .int(bulkhead.maxQueueSize),
            ],
            "heartbeatInterval": ms(heartbeat.interval), "heartbeatTimeout": ms(heartbeat.timeout),
            "registry": ["strategy": .string(registry.strategy.description), "preferLocal": .bool(registry.preferLocal)],
            "cacher": cacher.map { ["maxEntries": .int($0.maxEntries), "ttl": ms($0.ttl)] } ?? .null,
            "middlewares": .array(middlewares.map { .string(String(describing: type(of: $0))) }),
            "metadata": .object(metadata),
        ]
    }
}
