import NodeKit
import Testing

@Suite("REPL: mistakes get one clear line")
struct ReplParseErrorTests {
    @Test(
        "rejects",
        arguments: [
            ("cal math.add", "unknown command 'cal' (did you mean 'call'?); type 'help' for the list"),
            ("frobnicate", "unknown command 'frobnicate'; type 'help' for the list"),
            (#"{"a": 1}"#, #"unknown command '{"a": 1}'; type 'help' for the list"#),
            ("call", "call: missing action name; usage: \(ReplCommand.Kind.call.usage)"),
            (#"call {"a": 1}"#, "call: missing action name; usage: \(ReplCommand.Kind.call.usage)"),
            ("dcall math.add", "dcall: missing action name; usage: \(ReplCommand.Kind.dcall.usage)"),
            ("emit", "emit: missing event name; usage: \(ReplCommand.Kind.emit.usage)"),
            (#"call math.add {"a": 1,}"#, "call: bad JSON: trailing comma at byte 8"),
            (#"call math.add {"a": 1"#, #"bad JSON: missing '}' in {"a": 1"#),
            (#"call math.add {"a": "1}"#, #"bad JSON: unterminated string in {"a": "1}"#),
            (#"call math.add {"a": 1]"#, #"bad JSON: unexpected ']' in {"a": 1]"#),
            (#"call math.add {"a": 1}x"#, #"bad JSON: unexpected text after {"a": 1}"#),
            (#"call math.add --name "Ada"#, "unterminated \" quote"),
            ("call math.add --name 'Ada", "unterminated ' quote"),
            ("call math.add a=1", "call: unexpected argument 'a=1'; give params as JSON or --key value"),
            (#"emit tick "now""#, "emit: unexpected argument 'now'; give params as JSON or --key value"),
            (#"call math.add {} {} {}"#, "call: unexpected argument '{}'; usage: \(ReplCommand.Kind.call.usage)"),
            (#"call math.add {} [1]"#, "call: meta must be a JSON object"),
            ("call math.add [1] --a 2", "call: --key flags need JSON params that are an object, not array"),
            ("call x --a 1 --a.b 2", #"--a.b: "a" is already 1, not an object"#),
            ("call x --a..b 1", "call: --a..b: empty key name"),
            ("call x --$ 1", "call: --$ needs an option name"),
            ("call x --$timout 5", "call: unknown option --$timout (did you mean '--$timeout'?); options: --$timeout, --$retries, --$nodeID"),
            ("call x --$timeout soon", "--$timeout: \"soon\" is not a number of milliseconds"),
            ("call x --$retries -1", "--$retries: -1 is not a number of retries"),
            ("dcall n x --$nodeID m", "dcall: unknown option --$nodeID; options: --$timeout, --$retries"),
            ("emit e --$timeout 5", "emit: unknown option --$timeout; options: --$groups"),
            ("emit e --$groups 5", "--$groups: 5 is not a list of group names"),
            ("nodes -x", "nodes: unknown option '-x'; options: -a|--all, -d|--details, -f|--filter <pattern>"),
            ("nodes -l", "nodes: unknown option '-l'; options: -a|--all, -d|--details, -f|--filter <pattern>"),
            ("actions --locl", "actions: unknown option '--locl' (did you mean '--local'?); options: -a|--all, -d|--details, -f|--filter <pattern>, -l|--local, -i|--skipinternal"),
            ("services -f", "services: -f needs a value <pattern>"),
            ("services --all=yes", "services: --all takes no value"),
            ("events extra", "events: unexpected argument 'extra'; usage: \(ReplCommand.Kind.events.usage)"),
            ("info now", "info: unexpected argument 'now'; usage: info"),
            ("bench", "bench: missing action name; usage: \(ReplCommand.Kind.bench.usage)"),
            ("bench x --num 5 --time 1", "bench: give --num or --time, not both"),
            ("bench x --num many", "bench: --num many is not a positive number"),
            ("bench x --time 0", "bench: --time 0 is not a positive number of seconds"),
            ("bench x --time", "bench: --time needs a value <seconds>"),
            ("bench x --$timeout 5", "bench: unknown option '--$timeout'; options: --num <n>, --time <seconds>, --nodeID <id>"),
            ("listener", "listener: expected add, remove or list; usage: \(ReplCommand.Kind.listener.usage)"),
            ("listener watch e", "listener: expected add, remove or list; usage: \(ReplCommand.Kind.listener.usage)"),
            ("listener add", "listener add: missing event name; usage: \(ReplCommand.Kind.listener.usage)"),
            ("listener list e", "listener list: unexpected argument 'e'"),
            ("listener remove e --group g", "listener remove: --group applies to add only"),
            ("help nope", "help: unknown command 'nope'"),
            ("quit now", "quit: unexpected argument 'now'; usage: quit"),
        ])
    func rejects(_ line: String, _ message: String) {
        let error = #expect(throws: ReplParseError.self) { try ReplCommand.parse(line) }
        #expect(error?.message == message)
        #expect(error?.description == message)
    }
}
