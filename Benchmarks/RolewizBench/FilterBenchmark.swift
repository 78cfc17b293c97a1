import Foundation
import TerminalUI

/// Times TerminalUI's list filter over real policy names (one per line in a
/// file, as moto lists AWS managed policies), typing a query one character at
/// a time as a person would, and reports the peak memory with them loaded.
enum FilterBenchmark {
    static func run(namesFile: String, queries: [String]) {
        guard let text = try? String(contentsOfFile: namesFile, encoding: .utf8) else {
            FileHandle.standardError.write(Data("rolewiz-bench filter: cannot read \(namesFile)\n".utf8))
            exit(1)
        }
        let names = text.split(separator: "\n").map(String.init)
        let items = names.map { ListItem(id: "arn:aws:iam::aws:policy/\($0)", title: $0, detail: "AWS managed") }
        let list = ListView(items: items, selection: .multiple)
        let clock = ContinuousClock()
        var perKeystroke: [Double] = []
        // Several rounds so the median and p99 rest on a few hundred keystrokes.
        for _ in 0..<20 {
            for query in queries {
                var typed = ""
                for character in query {
                    typed.append(character)
                    let elapsed = clock.measure { list.setFilter(typed) }
                    perKeystroke.append(milliseconds(elapsed))
                }
                list.setFilter("")
            }
        }
        perKeystroke.sort()
        let median = perKeystroke[perKeystroke.count / 2]
        let p99 = perKeystroke[min(perKeystroke.count - 1, perKeystroke.count * 99 / 100)]
        print(String(format: "rows %d keystrokes %d median_ms %.4f p99_ms %.4f max_ms %.4f vmhwm_kb %d",
                     items.count, perKeystroke.count, median, p99, perKeystroke.last ?? 0, peakResidentKilobytes()))
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// VmHWM from /proc/self/status: the peak resident set size.
    static func peakResidentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        }
        return -1
    }
}
