extension JSONValueEncoder {
    /// A value under construction. Containers are references because `Encodable` code keeps
    /// writing into a container after handing it out; finished values are plain `JSON`.
    enum Node {
        case value(JSON)
        case array(ArrayNode)
        case object(ObjectNode)
        /// A `superEncoder()`, resolved when the enclosing value is finished.
        case encoder(TreeEncoder)

        var json: JSON {
            switch self {
            case .value(let json): return json
            case .array(let array): return array.json
            case .object(let object): return object.json
            case .encoder(let encoder): return encoder.node?.json ?? .object([:])
            }
        }
    }

    /// An array being encoded. Finished elements are stored as `JSON`; elements that are still
    /// open containers wait in `pending` until the array is read.
    final class ArrayNode {
        private var elements: [JSON] = []
        private var pending: [(index: Int, node: Node)] = []

        var count: Int { elements.count }

        func append(_ node: Node) {
            if case .value(let json) = node {
                elements.append(json)
            } else {
                pending.append((elements.count, node))
                elements.append(.null)
            }
        }

        var json: JSON {
            var result = elements
            for (index, node) in pending { result[index] = node.json }
            return .array(result)
        }
    }

    /// An object being encoded; like `ArrayNode`, open containers wait in `pending`.
    final class ObjectNode {
        private var members: [String: JSON] = [:]
        private var pending: [String: Node] = [:]

        func set(_ node: Node, for key: String) {
            if case .value(let json) = node {
                members[key] = json
                if !pending.isEmpty { pending[key] = nil }
            } else {
                members[key] = nil
                pending[key] = node
            }
        }

        var json: JSON {
            guard !pending.isEmpty else { return .object(members) }
            var result = members
            for (key, node) in pending { result[key] = node.json }
            return .object(result)
        }
    }
}
