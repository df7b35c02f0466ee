import BrokerTesting
import Testing

@Suite("The test kit's Recorder")
struct RecorderTests {
    @Test("a wait gets records in order, each once; a cancelled wait returns what there is")
    func waits() async {
        let recorder = Recorder<Int>()
        recorder.record(1)
        recorder.record(2)
        #expect(await recorder.next() == [1])
        let waiting = Task { await recorder.next(3) }
        recorder.record(3)
        waiting.cancel()
        #expect(await waiting.value == [2, 3])
        recorder.record(4)
        #expect(await recorder.next() == [4])
        #expect(recorder.records == [1, 2, 3, 4])
    }
}
