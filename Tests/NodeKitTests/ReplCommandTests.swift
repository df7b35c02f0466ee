import Broker
import NodeKit
import Testing

/// One REPL line and the command it must parse to.
struct ReplCase: Sendable, CustomTestStringConvertible {
    let line: String
    let expected: ReplCommand

    init(_ line: String, _ kind: ReplCommand.Kind, _ configure: (inout ReplCommand) -> Void = { _ in }) {
        self.line = line
        var command = ReplCommand(kind: kind)
        configure(&command)
        expected = command
    }

    var testDescription: String { line }
}

@Suite("REPL: lines parse to commands, moleculer-repl style")
struct ReplCommandTests {
    static let cases: [ReplCase] = [
        .init("call math.add", .call) { $0.name = "math.add" },
        .init(#"call math.add {"a": 1, "b": 2}"#, .call) { $0.name = "math.add"; $0.params = ["a": 1, "b": 2] },
        .init("call math.add --a 5 --b 3", .call) { $0.name = "math.add"; $0.params = ["a": 5, "b": 3] },
        .init(#"call greeter.welcome --name "Ada Lovelace" --flag"#, .call) {
            $0.name = "greeter.welcome"; $0.params = ["name": "Ada Lovelace", "flag": true]
        },
        .init("call x --a 1.5 --b -2 --c true --d false --e null --f abc", .call) {
            $0.name = "x"; $0.params = ["a": 1.5, "b": -2, "c": true, "d": false, "e": .null, "f": "abc"]
        },
        .init(#"call x --zip "01234" --n '5' --s 007"#, .call) { $0.name = "x"; $0.params = ["zip": "01234", "n": "5", "s": "007"] },
        .init("call users.create --user.name Ada --user.address.city London --user.age 36", .call) {
            $0.name = "users.create"; $0.params = ["user": ["name": "Ada", "address": ["city": "London"], "age": 36]]
        },
        .init(#"call x {"a": 1, "user": {"name": "A", "age": 1}} --a 2 --user.age 3"#, .call) {
            $0.name = "x"; $0.params = ["a": 2, "user": ["name": "A", "age": 3]]
        },
        .init("call x --tag a --tag b --tag c", .call) { $0.name = "x"; $0.params = ["tag": ["a", "b", "c"]] },
        .init(#"call x --ids [1, 2, 3] --filter {"active": true}"#, .call) {
            $0.name = "x"; $0.params = ["ids": [1, 2, 3], "filter": ["active": true]]
        },
        .init("call x --a=5 --b=hello --c=", .call) { $0.name = "x"; $0.params = ["a": 5, "b": "hello", "c": ""] },
        .init("call posts.list --#tenant t1 --#user.id 7 --limit 10", .call) {
            $0.name = "posts.list"; $0.params = ["limit": 10]; $0.meta = ["tenant": "t1", "user": ["id": 7]]
        },
        .init(#"call x {"a": 1} {"tenant": "t0", "trace": true} --#tenant t1"#, .call) {
            $0.name = "x"; $0.params = ["a": 1]; $0.meta = ["tenant": "t1", "trace": true]
        },
        .init("call x --$timeout 500 --$retries 2 --$nodeID node-2", .call) {
            $0.name = "x"; $0.timeout = .milliseconds(500); $0.retries = 2; $0.nodeID = "node-2"
        },
        .init("call x --$timeout 0.5", .call) { $0.name = "x"; $0.timeout = .microseconds(500) },
        .init("call x [1, 2]", .call) { $0.name = "x"; $0.params = [1, 2] },
        .init(#"call "v2.posts.get" --id "a b""#, .call) { $0.name = "v2.posts.get"; $0.params = ["id": "a b"] },
        .init(#"call x --text 'it''s' --q "say \"hi\"" --p a\ b"#, .call) {
            $0.name = "x"; $0.params = ["text": "its", "q": #"say "hi""#, "p": "a b"]
        },
        .init(#"call x {"s": "has } and ] and \" inside"}"#, .call) { $0.name = "x"; $0.params = ["s": #"has } and ] and " inside"#] },
        .init("   CALL   math.add   --a   1   ", .call) { $0.name = "math.add"; $0.params = ["a": 1] },
        .init(#"dcall node-2 math.add {"a": 1} --b 2 --$timeout 100"#, .dcall) {
            $0.nodeID = "node-2"; $0.name = "math.add"; $0.params = ["a": 1, "b": 2]; $0.timeout = .milliseconds(100)
        },
        .init(#"emit user.created {"name": "Ada"} --#source repl"#, .emit) {
            $0.name = "user.created"; $0.params = ["name": "Ada"]; $0.meta = ["source": "repl"]
        },
        .init("emit order.paid --id 42 --$groups billing,mail", .emit) {
            $0.name = "order.paid"; $0.params = ["id": 42]; $0.groups = ["billing", "mail"]
        },
        .init("emit tick", .emit) { $0.name = "tick" },
        .init(#"broadcast cache.clean ["prices.*"]"#, .broadcast) { $0.name = "cache.clean"; $0.params = ["prices.*"] },
        .init("nodes", .nodes),
        .init("nodes -a -d", .nodes) { $0.listing.all = true; $0.listing.details = true },
        .init("nodes -ad --filter 'web-*'", .nodes) { $0.listing.all = true; $0.listing.details = true; $0.listing.filter = "web-*" },
        .init("services -f math* -l -i", .services) { $0.listing.filter = "math*"; $0.listing.onlyLocal = true; $0.listing.skipInternal = true },
        .init("actions --local --skipinternal --filter=math.*", .actions) {
            $0.listing.onlyLocal = true; $0.listing.skipInternal = true; $0.listing.filter = "math.*"
        },
        .init("events -i", .events) { $0.listing.skipInternal = true },
        .init("info", .info),
        .init("bench math.add", .bench) { $0.name = "math.add"; $0.bench.duration = .seconds(5) },
        .init(#"bench math.add {"a": 1, "b": 2} --num 1000"#, .bench) { $0.name = "math.add"; $0.params = ["a": 1, "b": 2]; $0.bench.count = 1000 },
        .init("bench math.add --time 2.5 --nodeID node-1", .bench) {
            $0.name = "math.add"; $0.bench.duration = .milliseconds(2500); $0.nodeID = "node-1"
        },
        .init("listener add user.created --group audit", .listener) { $0.listener = .add; $0.name = "user.created"; $0.listenerGroup = "audit" },
        .init("listener remove user.created", .listener) { $0.listener = .remove; $0.name = "user.created" },
        .init("listener list", .listener) { $0.listener = .list },
        .init("help", .help),
        .init("help dcall", .help) { $0.topic = "dcall" },
        .init("? exit", .help) { $0.topic = "quit" },
        .init("quit", .quit),
        .init("exit", .quit),
        .init("q", .quit),
    ]

    @Test("parses", arguments: cases)
    func parses(_ replCase: ReplCase) throws {
        #expect(try ReplCommand.parse(replCase.line) == replCase.expected)
    }

    @Test("a blank line is no command", arguments: ["", "   ", "\t"])
    func blank(_ line: String) throws {
        #expect(try ReplCommand.parse(line) == nil)
    }

    @Test("the command's call and event options carry what was parsed")
    func brokerOptions() throws {
        let call = try #require(try ReplCommand.parse("call x --$timeout 250 --$retries 1 --#k v --$nodeID n1"))
        #expect(call.callOptions.timeout == .milliseconds(250))
        #expect(call.callOptions.retries == 1)
        #expect(call.callOptions.nodeID == "n1")
        #expect(call.callOptions.meta == ["k": "v"])
        let emit = try #require(try ReplCommand.parse("emit e --$groups a --#k v"))
        #expect(emit.eventOptions.groups == ["a"])
        #expect(emit.eventOptions.meta == ["k": "v"])
    }

    @Test("every command has a usage line naming it", arguments: ReplCommand.Kind.allCases)
    func usage(_ kind: ReplCommand.Kind) {
        #expect(kind.usage.hasPrefix(kind.rawValue))
        #expect(!kind.summary.isEmpty)
    }
}
