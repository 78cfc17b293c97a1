import Foundation
import TerminalUI

/// tui-demo: exercises the TerminalUI toolkit for people and for the
/// end-to-end tests (which drive it under tmux).
///
///     tui-demo [--ascii] [--no-color] [--screen form|editor|progress] [--pid-file PATH]
///              [--fault throw|trap]   (test hook: what Ctrl-X does on the form)
var arguments = Array(CommandLine.arguments.dropFirst())
var options = TerminalOptions(nonInteractiveAdvice: "Run it in a terminal; the end-to-end tests drive it under tmux.")
var startScreen = "form"
var pidFile: String?
var fault: String?

while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--ascii": options.ascii = true
    case "--no-color": options.noColor = true
    case "--screen": startScreen = arguments.isEmpty ? startScreen : arguments.removeFirst()
    case "--pid-file": pidFile = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--fault": fault = arguments.isEmpty ? nil : arguments.removeFirst()
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

if let pidFile {
    try? "\(ProcessInfo.processInfo.processIdentifier)\n".write(toFile: pidFile, atomically: true, encoding: .utf8)
}

do {
    let app = try Application<DemoMessage>(options: options)
    let root: any Screen<DemoMessage> = switch startScreen {
    case "editor": EditorScreen()
    case "progress": ProgressScreen(inbox: app.inbox)
    default: FormScreen(inbox: app.inbox, fault: fault)
    }
    if let termination = try app.run(root) { termination.end() }
} catch {
    FileHandle.standardError.write(Data("tui-demo: \(error)\n".utf8))
    exit(1)
}
