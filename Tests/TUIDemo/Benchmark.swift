import Foundation
import TerminalUI

/// `tui-demo --bench`: runs the demo on a pseudo-terminal and counts the
/// bytes it writes for small changes (moving one list row, typing one
/// character in the editor), then times the list filter on 2,000 rows.
/// It prints numbers and asserts nothing.
enum Benchmark {
    static func run() {
        // A write to a child that already quit must not kill the benchmark.
        signal(SIGPIPE, SIG_IGN)
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        report("TerminalUI benchmark (80x24, TERM=xterm-256color)")

        if let form = PtyChild(executable: executable, arguments: ["--screen", "form"]) {
            report("form: first frame \(form.drain()) bytes")
            form.send("\t")
            report("form: focus the list \(form.drain()) bytes")
            for step in 1...3 {
                form.send("\u{1B}[B")
                report("list: move one row down (#\(step)) \(form.drain()) bytes")
            }
            form.send("/")
            report("list: open the filter \(form.drain()) bytes")
            form.send("d")
            report("list: type one filter character \(form.drain()) bytes")
            form.stop()
        }
        if let editor = PtyChild(executable: executable, arguments: ["--screen", "editor"]) {
            report("editor: first frame \(editor.drain()) bytes")
            editor.send("\u{1B}[B\u{1B}[B")
            _ = editor.drain()
            for step in 1...3 {
                editor.send("x")
                report("editor: type one character (#\(step)) \(editor.drain()) bytes")
            }
            editor.stop()
        }
        timeFilter()
    }

    /// Unbuffered, so every line is out even if something goes wrong later.
    private static func report(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private static func timeFilter() {
        let list = ListView(items: DemoData.items, selection: .multiple)
        let clock = ContinuousClock()
        var typed = ""
        for character in "delta-echo" {
            typed.append(character)
            let elapsed = clock.measure { list.setFilter(typed) }
            report("filter: \"\(typed)\" on \(list.items.count) rows -> \(list.visibleIndices.count) rows in \(elapsed)")
        }
        let fresh = clock.measure { list.setFilter("row 1999") }
        report("filter: \"row 1999\" (not incremental) -> \(list.visibleIndices.count) rows in \(fresh)")
        let cleared = clock.measure { list.setFilter("") }
        report("filter: cleared in \(cleared)")
    }
}

/// The demo running on a pseudo-terminal made by script(1), which relays
/// everything the demo writes to our pipe byte for byte.
final class PtyChild {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init?(executable: String, arguments: [String]) {
        let quoted = ([executable] + arguments).map { "'\($0)'" }.joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // stty sets the pty's size before the demo starts.
        process.arguments = ["-q", "-f", "-e", "-c", "stty rows 24 cols 80 && exec \(quoted)", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LC_ALL"] = "C.UTF-8"
        environment["TUI_DEMO_STEP_SECONDS"] = "0.05"
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return nil }
    }

    func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Reads until the demo has been quiet for 300 ms; returns the byte count.
    func drain() -> Int {
        let descriptor = output.fileHandleForReading.fileDescriptor
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, 300) > 0 {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            total += count
        }
        return total
    }

    func stop() {
        send("\u{03}")  // Ctrl-C: quit, or open the quit confirmation
        _ = drain()
        if process.isRunning {
            send("q")    // "Quit" in the confirmation that opened
            _ = drain()
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
