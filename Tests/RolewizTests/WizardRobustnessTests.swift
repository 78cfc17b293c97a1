import Foundation
import IAMClient
import Testing
import TestSupport

/// The wizard under tmux when things go wrong around it. SIGTERM, SIGHUP (a
/// dropped SSH connection) and SIGINT: during an apply it stops after the IAM
/// call in flight, puts the terminal back and says on standard error what
/// was done; while editing it says nothing was changed; either way the shell
/// sees the signal (exit 128+n). A resize storm and a 20x6 window do not
/// crash it, and odd terminal types and locales work or get a clear message.
/// `stty -g` is always as it was.
@Suite("Wizard under tmux: signals, resizes and terminal types", .serialized, .heavy)
struct WizardRobustnessTests {
    static let signals: [(signal: Int32, name: String)] = [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGINT, "SIGINT")]

    @Test(arguments: signals.map(\.name))
    func aSignalDuringApplyStopsAfterTheCallInFlightAndReportsWhatWasDone(_ name: String) async throws {
        let signal = try #require(Self.signals.first { $0.name == name }).signal
        let moto = try await MotoServer.sharedOrSkip()
        let proxy = try await FaultProxy.start(upstream: moto, latencyMilliseconds: 1500)
        defer { proxy.stop() }
        let home = try WizardEndToEndTests.emptyHome()
        let role = MotoServer.uniqueName("signal")
        let pane = try WizardPane.start(
            ["--preset", "lookout-equipment", "--role-name", role, "--endpoint-url", proxy.endpoint.absoluteString],
            environment: WizardEndToEndTests.environment(moto, home: home))
        defer { pane.close() }
        try await pane.waitFor("from preset lookout-equipment")
        for expected in WizardEndToEndTests.presetStepsToReview {
            pane.tmux.send("Enter")
            try await pane.waitFor(expected)
        }
        pane.tmux.send("Enter")
        // The CreateRole call is in flight: its row on the apply screen spins ("[ / ]").
        let spinning = try Regex(#"\[ [^ ]  \] create role "# + role)
        try await pane.tmux.waitFor(seconds: 60) { $0.contains(spinning) && !$0.contains("[ ok ] create role") }
        let stderr = try await pane.end(by: signal, named: name)
        #expect(stderr.contains("rolewiz: stopped by \(name)."), "\(stderr)")
        #expect(stderr.contains("Stopped on request after the calls in flight."), "\(stderr)")
        #expect(stderr.contains("Done: create role \(role)"), "\(stderr)")
        #expect(stderr.contains("Not done: attach arn:aws:iam::aws:policy/"), "\(stderr)")
        let iam = try WizardEndToEndTests.iam(moto)
        #expect(try await iam.getRole(name: role).roleName == role)
        #expect(try await iam.listAttachedRolePolicies(roleName: role).isEmpty)
    }

    @Test(arguments: signals.map(\.name))
    func aSignalWhileEditingSaysNothingWasChanged(_ name: String) async throws {
        let signal = try #require(Self.signals.first { $0.name == name }).signal
        let home = try WizardEndToEndTests.emptyHome()
        let pane = try WizardPane.start(["wizard", "--preset", "lookout-equipment"],
                                              environment: WizardEndToEndTests.environment(nil, home: home))
        defer { pane.close() }
        try await pane.waitFor("No AWS credentials were found")
        pane.tmux.send("Enter", "Enter", "Enter")
        try await pane.waitFor("Size ")
        pane.tmux.send("e")
        pane.tmux.type("typed")
        try await pane.waitFor("typed")
        let stderr = try await pane.end(by: signal, named: name)
        #expect(stderr.hasPrefix("rolewiz: stopped by \(name). Nothing was changed in IAM.\n"), "\(stderr)")
    }

    @Test func aResizeStormAndATinyWindowDoNotCrashIt() async throws {
        let home = try WizardEndToEndTests.emptyHome()
        let pane = try WizardPane.start(["wizard", "--preset", "lookout-equipment"],
                                              environment: WizardEndToEndTests.environment(nil, home: home))
        defer { pane.close() }
        try await pane.waitFor("No AWS credentials were found")
        pane.tmux.send("Enter")
        try await pane.waitFor("Trusted entity type")
        var random = SeededRandom(seed: 7_20_6)
        for _ in 0..<40 {
            try pane.tmux.resize(columns: Int.random(in: 10...200, using: &random), rows: Int.random(in: 3...60, using: &random))
        }
        try pane.tmux.resize(columns: 20, rows: 6)
        try await pane.waitFor("too small")
        pane.tmux.send("Down")
        try pane.tmux.resize(columns: 80, rows: 24)
        try await pane.waitFor("Trusted entity type")
        #expect(pane.read("exit-status") == nil, "the wizard ended during the resizes: \(pane.read("stderr") ?? "")")
        pane.tmux.send("C-c")
        #expect(try await pane.waitForExit() == 0, "stderr: \(pane.read("stderr") ?? "")")
        let (before, after) = pane.sttyBeforeAndAfter
        #expect(before == after)
    }

    @Test(arguments: [("vt100", "C.UTF-8"), ("linux", "C.UTF-8"), ("xterm-mono", "C.UTF-8"), ("dumb", "C.UTF-8"), ("xterm-256color", "C")])
    func everyTerminalTypeWorksOrGetsAClearMessage(_ term: String, _ lang: String) async throws {
        let home = try WizardEndToEndTests.emptyHome()
        var environment = WizardEndToEndTests.environment(nil, home: home)
        environment["TERM"] = term
        environment["LANG"] = lang
        let pane = try WizardPane.start(["wizard"], environment: environment)
        defer { pane.close() }
        let screen = try await pane.tmux.waitFor(seconds: 60) { $0.contains("What would you like to do?") || pane.read("exit-status") != nil }
        if screen.contains("What would you like to do?") {
            pane.tmux.send("C-c")
            #expect(try await pane.waitForExit() == 0, "TERM=\(term) LANG=\(lang): \(pane.read("stderr") ?? "")")
        } else {
            let status = try await pane.waitForExit()
            let message = pane.read("stderr") ?? ""
            #expect(status == 1 && message.contains("rolewiz plan --spec"),
                    "TERM=\(term) LANG=\(lang): exit \(status) with \(message.debugDescription)")
        }
        let (before, after) = pane.sttyBeforeAndAfter
        #expect(before == after, "TERM=\(term) LANG=\(lang) changed stty")
    }
}

extension WizardPane {
    /// Sends `signal` to rolewiz and waits for it to exit; expects the shell
    /// to see that signal (128+n) and the tty settings to be as before.
    /// Returns rolewiz's standard error (after which the shell running the
    /// pane may add its own "Terminated" or "Hangup" line).
    func end(by signal: Int32, named name: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        kill(try #require(pid, sourceLocation: sourceLocation), signal)
        #expect(try await waitForExit() == 128 + signal, sourceLocation: sourceLocation)
        let (before, after) = sttyBeforeAndAfter
        #expect(before == after, "stty -g changed after \(name)", sourceLocation: sourceLocation)
        return read("stderr") ?? ""
    }
}
