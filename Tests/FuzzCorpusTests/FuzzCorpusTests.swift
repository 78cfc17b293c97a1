import Foundation
import FuzzTargets
import Testing
import TestSupport

/// Every input in the committed fuzz corpus (Tests/Fuzz/Corpus/TARGET/),
/// the seeds and whatever the fuzzer kept, replayed as a regression test.
@Suite("Fuzz corpus replay", .timeLimit(.minutes(10)))
struct FuzzCorpusTests {
    static func corpus(_ target: FuzzTarget) -> [URL] {
        let folder = Processes.packageRoot().appendingPathComponent("Tests/Fuzz/Corpus/\(target.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everyCorpusInputHoldsItsProperties(_ target: FuzzTarget) throws {
        let inputs = Self.corpus(target)
        #expect(inputs.count >= 5, "the \(target.rawValue) corpus is missing or nearly empty")
        for input in inputs {
            let bytes = Array(try Data(contentsOf: input))
            #expect(target.check(bytes) == nil, "\(input.lastPathComponent)")
        }
    }
}
