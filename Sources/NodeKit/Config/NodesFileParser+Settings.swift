import Broker
import Yams

extension NodesFileParser {
    /// A `settings:` mapping: service name → that service's settings (a mapping). `services`
    /// limits the names (a node's own services), else any known service may be named.
    func parseSettings(_ node: Node, _ field: String, services: [String]? = nil) throws(ConfigError) -> [String: JSON] {
        let allowed = services ?? knownServices.sorted()
        let map = try reader.mapping(node, field, allowed: allowed)
        var settings: [String: JSON] = [:]
        for (service, entry) in map.entries {
            let value = try reader.json(entry.value, map.path(service))
            guard case .object = value else {
                throw reader.error(at: entry.value, map.path(service),
                    "expected the settings of service \"\(service)\" as a mapping, found \(reader.kind(of: entry.value))")
            }
            settings[service] = value
        }
        return settings
    }
}
