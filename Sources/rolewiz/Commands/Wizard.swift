import ArgumentParser
import Foundation
import IAMClient
import Provisioning
import TerminalUI
import Wizard

/// `rolewiz` and `rolewiz wizard`: the interactive Create role flow.
struct WizardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Create a role step by step in the terminal (the default command).",
        discussion: "Without credentials it opens offline: design the role and export it."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: DisplayOptions

    @Option(help: "Start from this preset (see `rolewiz presets`); Enter on every screen accepts it.")
    var preset: String?

    @Option(help: "The name of the role to create (overrides the preset's).")
    var roleName: String?

    func validate() throws {
        if let preset, RolePreset.named(preset) == nil {
            let names = RolePreset.all.map(\.id).joined(separator: ", ")
            throw ValidationError("--preset: there is no preset '\(preset)'; choose one of \(names).")
        }
    }

    func run() async throws {
        try await display.openWizard(.create(preset: preset.flatMap(RolePreset.named), roleName: roleName), global: global)
    }
}

/// Display flags of the interactive commands.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "Draw with ASCII characters only (+-| frames).")
    var ascii = false

    /// Where to point someone whose terminal cannot run the wizard.
    static let nonInteractiveAdvice =
        "Use the non-interactive commands instead: `rolewiz plan --spec FILE`, `rolewiz apply --spec FILE`, `rolewiz export --spec FILE`."

    /// Connects (offline when credentials cannot be resolved) and runs the wizard.
    func openWizard(_ start: WizardApp.Start, global: GlobalOptions) async throws {
        try await ErrorReporter.run {
            let environment = ProcessInfo.processInfo.environment
            let options = TerminalOptions(
                noColor: global.noColor, ascii: ascii, environment: environment,
                nonInteractiveAdvice: Self.nonInteractiveAdvice)
            let relay = WizardSignIn.QuestionRelay()
            let session = try global.makeSession(environment: environment, timeLimit: nil, mfaPrompt: relay.prompt)
            let connector = WizardSignIn.connector(session, relay: relay, global: global, environment: environment)
            let connection: WizardApp.Connection
            switch start {
            case .create:
                // The start screen opens at once and signs in: an MFA code field, or the device sign-in.
                connection = .signInOnStartScreen(connector)
            case .edit:
                // The editor needs the role at once: sign in on the terminal first (only when there is
                // one, so that nothing waits for a person who cannot be there).
                try options.checkUsable()
                connection = .connected(await connector.connect(WizardSignIn.terminalAsker(noColor: global.noColor)), questions: connector)
            }
            let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let terminated = try await TerminalThread.run {
                try WizardApp.run(start, connection: connection, options: options, outputDirectory: directory)
            }
            if let terminated {
                Console.line(Self.report(terminated).joined(separator: "\n"), toStandardError: true)
                terminated.termination.end()
            }
        }
    }

    /// What a wizard ended by a signal did to IAM, for standard error once the terminal is back.
    static func report(_ terminated: WizardApp.Terminated) -> [String] {
        let heading = "rolewiz: stopped by \(terminated.termination.name)."
        guard let last = terminated.applyResults.last else { return [heading + " Nothing was changed in IAM."] }
        let earlier = terminated.applyResults.dropLast().filter { !$0.completed.isEmpty }
        let before = earlier.isEmpty ? [] : ["Applied earlier in this run: " + earlier.map { $0.roleArn ?? "a role" }.joined(separator: ", ")]
        let outcome = last.status == .succeeded
            ? ["The last apply had finished: " + (last.roleArn ?? "the role") + " is up to date."]
            : ApplyOutcomeText.lines(for: last)
        return [heading] + before + outcome
    }
}
