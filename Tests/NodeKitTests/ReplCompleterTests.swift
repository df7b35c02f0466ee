import NodeKit
import Testing

@Suite("REPL: Tab completes commands, then the cluster's names")
struct ReplCompleterTests {
    let completer = ReplCompleter(
        actions: ["$node.list", "math.add", "math.div", "greeter.welcome"],
        events: ["user.created", "user.deleted", "user.*", "user.created"],
        nodes: ["worker-1", "worker-2", "gateway"])

    @Test("the first word completes to a command, aliases of more than one letter included")
    func commands() {
        #expect(completer.complete("di") == ReplCompletion(candidates: [], insertion: ""))
        #expect(completer.complete("dc") == ReplCompletion(candidates: ["dcall"], insertion: "all "))
        #expect(completer.complete("b") == ReplCompletion(candidates: ["bench", "broadcast"], insertion: ""))
        #expect(completer.complete("e") == ReplCompletion(candidates: ["emit", "events", "exit"], insertion: ""))
        #expect(completer.complete("ev") == ReplCompletion(candidates: ["events"], insertion: "ents "))
        #expect(completer.complete("q") == ReplCompletion(candidates: ["quit"], insertion: "uit "))
        #expect(completer.complete("").candidates.count == ReplCommand.Kind.allCases.count + 1)
    }

    @Test("call and bench complete action names; a shared prefix is inserted without a space")
    func actions() {
        #expect(completer.complete("call math.a") == ReplCompletion(candidates: ["math.add"], insertion: "dd "))
        #expect(completer.complete("call ma") == ReplCompletion(candidates: ["math.add", "math.div"], insertion: "th."))
        #expect(completer.complete("call  math.") == ReplCompletion(candidates: ["math.add", "math.div"], insertion: ""))
        #expect(completer.complete("bench $") == ReplCompletion(candidates: ["$node.list"], insertion: "node.list "))
        #expect(completer.complete("CALL gr").insertion == "eeter.welcome ")
    }

    @Test("dcall completes a node ID, then an action")
    func dcall() {
        #expect(completer.complete("dcall w") == ReplCompletion(candidates: ["worker-1", "worker-2"], insertion: "orker-"))
        #expect(completer.complete("dcall worker-1 g").insertion == "reeter.welcome ")
    }

    @Test("emit, broadcast and listener add complete event names, once each; emit leaves out wildcard patterns")
    func events() {
        #expect(completer.complete("emit user.c") == ReplCompletion(candidates: ["user.created"], insertion: "reated "))
        #expect(completer.complete("broadcast u") == ReplCompletion(candidates: ["user.created", "user.deleted"], insertion: "ser."))
        #expect(completer.complete("listener a") == ReplCompletion(candidates: ["add"], insertion: "dd "))
        #expect(completer.complete("listener add user.").candidates == ["user.*", "user.created", "user.deleted"])
        #expect(completer.complete("listener list ").candidates.isEmpty)
        #expect(completer.complete("help n") == ReplCompletion(candidates: ["nodes"], insertion: "odes "))
    }

    @Test("nothing is completed for flags, JSON, or arguments past the names")
    func nothing() {
        #expect(completer.complete("call math.add --").candidates.isEmpty)
        #expect(completer.complete("call math.add ").candidates.isEmpty)
        #expect(completer.complete("nodes ").candidates.isEmpty)
        #expect(completer.complete("nope x").candidates.isEmpty)
        #expect(ReplCompleter().complete("call ").candidates.isEmpty)
    }
}
