import Foundation
import IAMClient
import Provisioning
import Testing
import TerminalUI
@testable import Wizard

/// Signing in from the start screen: the screens open at once, the MFA code
/// is a field there (concealed, checked as typed), the device sign-in shows
/// its page and code, Esc goes on offline (a late result is dropped), `s`
/// signs in again, and a question that comes later opens the sign-in screen
/// over whatever is up. The connector is scripted; the tmux tests in
/// RolewizTests drive the same flow with the real binary against moto.
@MainActor
@Suite(.timeLimit(.minutes(10))) struct WizardSignInTests {
    static let request = MFACodeRequest(profile: "mfa", device: "arn:aws:iam::123456789012:mfa/alice", roleArn: "arn:aws:iam::123456789012:role/admin")

    /// A connector that asks `ask` and reports, as its offline message, what it got.
    static func connector(_ ask: @escaping @Sendable (SignInAsker) async -> String) -> RoleServiceConnector {
        let place = RoleServiceConnector(partition: "aws", region: "eu-west-1", profile: "mfa", connect: { _ in offlineService() }, redirectQuestions: { _ in })
        return RoleServiceConnector(
            partition: "aws", region: "eu-west-1", profile: "mfa",
            connect: { asker in place.offline("connected: " + (await ask(asker))) }, redirectQuestions: { _ in })
    }

    static func askForCode(_ asker: SignInAsker) async -> String {
        do { return "code " + (try await asker.mfaCode(request)) } catch { return "declined (\(error))" }
    }

    @Test func theMFACodeIsAConcealedFieldOnTheStartScreenAndReachesTheChain() async throws {
        let harness = WizardHarness(connection: .signInOnStartScreen(Self.connector(Self.askForCode)), start: .create(preset: .lookoutEquipment, roleName: nil))
        try await harness.deliver { $0.isSignInQuestion }
        var screen = harness.screen
        #expect(screen.contains("signing in…"))
        #expect(screen.contains("Profile mfa assumes arn:aws:iam::123456789012:role/admin"))
        #expect(screen.contains("arn:aws:iam::123456789012:mfa/alice"))
        try harness.type("12q")
        screen = harness.screen
        #expect(screen.contains("MFA code: ***"), "\(screen)")
        #expect(!screen.contains("12q"))
        #expect(screen.contains("the code is the 6 digits the device shows"))
        try harness.press(.enter)  // not six digits: nothing is sent
        #expect(harness.context.signIn == .askingForMFACode(Self.request))
        try harness.press(.backspace, .backspace, .backspace)
        try harness.type("123456")
        try harness.press(.enter)
        #expect(harness.context.signIn == .connecting)
        try await harness.deliver { $0.isConnected }
        screen = harness.screen
        #expect(screen.contains("connected: code 123456"), "\(screen)")
        #expect(!harness.context.isConnecting)
        #expect(harness.stack.top.title == "Start")
    }

    @Test func theCodeFieldTakesTheKeysWhileCtrlCStillQuits() async throws {
        let harness = WizardHarness(connection: .signInOnStartScreen(Self.connector(Self.askForCode)), start: .create(preset: nil, roleName: nil))
        try await harness.deliver { $0.isSignInQuestion }
        // q and ? are typed into the field (and the bar says F10 and F1 only), Down and Enter move nothing.
        try harness.press(.character("q"), .character("?"), .down, .enter)
        #expect(harness.stack.screens.count == 1 && !harness.stack.isFinished && !harness.stack.isShowingHelp)
        #expect(harness.context.signIn == .askingForMFACode(Self.request), "nothing was sent")
        let screen = harness.screen
        #expect(screen.contains("MFA code: **") && screen.contains("F10 Quit") && !screen.contains("F10/q"), "\(screen)")
        try harness.press(.control("c"))
        #expect(harness.stack.isFinished)
    }

    /// Esc before the question has even arrived (a slow source profile):
    /// the late question is declined, never shown, and the wizard stays offline.
    @Test func aQuestionFromASkippedSignInIsDeclinedUnseen() async throws {
        let gate = AsyncStream.makeStream(of: Void.self)
        let connector = Self.connector { asker in
            var iterator = gate.stream.makeAsyncIterator()
            _ = await iterator.next()
            return await Self.askForCode(asker)
        }
        let harness = WizardHarness(connection: .signInOnStartScreen(connector), start: .create(preset: nil, roleName: nil))
        try harness.press(.escape)
        try harness.press(.down, .enter)  // a custom role, offline
        let depth = harness.stack.screens.count
        gate.continuation.yield()
        try await harness.deliver { $0.isSignInQuestion }
        #expect(harness.stack.screens.count == depth, "no sign-in screen for a question nobody waits for")
        #expect(harness.context.signIn == .idle)
        try await harness.deliver { $0.isConnected }
        #expect(harness.context.service.offlineReason?.message == "Signing in was skipped.")
    }

    /// The editor as the first screen (`rolewiz edit ROLE`): a later question opens the sign-in screen over it.
    @Test func aLaterQuestionOverTheEditorOpensTheSignInScreen() async throws {
        let askers = AsyncStream.makeStream(of: SignInAsker.self)
        let connector = RoleServiceConnector(
            partition: "aws", region: "eu-west-1", profile: "mfa", connect: { _ in offlineService() },
            redirectQuestions: { askers.continuation.yield($0) })
        let harness = WizardHarness(connection: .connected(offlineService(), questions: connector), start: .edit(roleName: "admin"))
        var iterator = askers.stream.makeAsyncIterator()
        let asker = try #require(await iterator.next())
        let answer = Task { await Self.askForCode(asker) }
        try await harness.deliver { $0.isSignInQuestion }
        #expect(harness.stack.top.title == "Sign in")
        // Ctrl-C declines and closes it (it does not quit from under the screen below).
        try harness.press(.control("c"))
        #expect(harness.stack.screens.count == 1 && !harness.stack.isFinished)
        #expect(await answer.value.hasPrefix("declined"))
    }

    /// Enter pressed before the credentials resolve is not lost: the choice
    /// opens as soon as they do (a person, or a script, that is quick).
    @Test func enterBeforeTheCredentialsResolveOpensTheChoiceOnceTheyDo() async throws {
        let gate = AsyncStream.makeStream(of: Void.self)
        let live = try unreachableLiveService()
        let connector = RoleServiceConnector(
            partition: "aws", region: "eu-west-1", profile: "dev",
            connect: { _ in
                var iterator = gate.stream.makeAsyncIterator()
                _ = await iterator.next()
                return live
            }, redirectQuestions: { _ in })
        let harness = WizardHarness(connection: .signInOnStartScreen(connector), start: .create(preset: nil, roleName: nil))
        #expect(harness.screen.contains("Reading the credentials…"))
        try harness.press(.down, .enter)  // "Create a custom role", early
        #expect(harness.stack.screens.count == 1)
        #expect(harness.screen.contains("\"Create a custom role\" opens as soon as that is done"), "\(harness.screen)")
        gate.continuation.yield()
        try await harness.deliver { $0.isConnected }
        #expect(harness.topTitle == "Trusted entity", "\(harness.screen)")
    }

    /// When signing in fails after an early Enter, the wizard does not go on
    /// offline by itself: it says so, and the next Enter does.
    @Test func anEarlyChoiceWaitsForThePersonWhenSigningInFails() async throws {
        let harness = WizardHarness(connection: .signInOnStartScreen(Self.connector { _ in "no credentials" }), start: .create(preset: nil, roleName: nil))
        try harness.press(.down, .enter)
        try await harness.deliver { $0.isConnected }
        #expect(harness.stack.screens.count == 1)
        #expect(harness.screen.contains("Signing in did not work (see above); Enter goes on offline."))
        try harness.press(.enter)
        #expect(harness.topTitle == "Trusted entity")
    }

    @Test func escapeGoesOnOfflineAndDropsTheLateResult() async throws {
        let harness = WizardHarness(connection: .signInOnStartScreen(Self.connector(Self.askForCode)), start: .create(preset: nil, roleName: nil))
        try await harness.deliver { $0.isSignInQuestion }
        try harness.press(.escape)
        #expect(!harness.context.isConnecting)
        var screen = harness.screen
        #expect(screen.contains("Signing in was skipped."), "\(screen)")
        #expect(!screen.contains("Edit an existing role"), "offline, there is no role to edit")
        #expect(screen.contains("Sign in again"))
        // The declined question ends the connect; its result is not the service now.
        try await harness.deliver { $0.isConnected }
        #expect(harness.context.service.offlineReason?.message == "Signing in was skipped.")
        // The menu works offline.
        try harness.press(.down)
        try harness.press(.enter)
        #expect(harness.stack.screens.count == 2, "\(harness.screen)")
        try harness.press(.escape)
        // s signs in again: the question comes back.
        try harness.press(.character("s"))
        #expect(harness.context.isConnecting)
        try await harness.deliver { $0.isSignInQuestion }
        screen = harness.screen
        #expect(screen.contains("MFA code"))
        try harness.type("654321")
        try harness.press(.enter)
        try await harness.deliver { $0.isConnected }
        #expect(harness.screen.contains("connected: code 654321"))
    }

    @Test func theDeviceSignInShowsThePageTheCodeAndTheTimeLeft() async throws {
        let gate = AsyncStream.makeStream(of: Void.self)
        let request = DeviceSignInRequest(
            profile: "dev", verificationURL: "https://device.sso.eu-west-1.amazonaws.com/",
            completeURL: "https://device.sso.eu-west-1.amazonaws.com/?user_code=WXYZ-ABCD", userCode: "WXYZ-ABCD",
            expiresAt: Date().addingTimeInterval(600))
        let connector = Self.connector { asker in
            await asker.showDeviceSignIn(request)
            var iterator = gate.stream.makeAsyncIterator()
            _ = await iterator.next()
            return "approved"
        }
        let harness = WizardHarness(connection: .signInOnStartScreen(connector), start: .create(preset: nil, roleName: nil), size: Size(columns: 120, rows: 40))
        try await harness.deliver { $0.isSignInQuestion }
        let screen = harness.screen
        // The QR code of the address with the code, whole, beside the text.
        let qrRows = QRCodeView(try QRCode(text: try #require(request.completeURL), errorCorrection: .low)).rows
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstDark = try #require(qrRows.firstIndex { $0.contains("█") })  // past the quiet zone
        let top = try #require(lines.firstIndex { $0.contains(qrRows[firstDark]) }, "no QR code on:\n\(screen)") - firstDark
        for (offset, row) in qrRows.enumerated() { #expect(lines[top + offset].contains(row), "QR row \(offset)") }
        #expect(screen.contains("Or scan the QR code with a phone."))
        #expect(screen.contains("Sign in to IAM Identity Center (profile dev)."))
        #expect(screen.contains("https://device.sso.eu-west-1.amazonaws.com/"))
        #expect(screen.contains("and enter the code:  WXYZ-ABCD"))
        #expect(screen.contains("https://device.sso.eu-west-1.amazonaws.com/?user_code=WXYZ-ABCD"))
        // The time left as drawn: at most the ten minutes given, and no less than what is really left (a loaded machine is slow to get here).
        let shown = try #require(screen.firstMatch(of: /(\d+):(\d\d) left/), "no time left on:\n\(screen)")
        let secondsShown = Int(shown.1)! * 60 + Int(shown.2)!
        let secondsLeft = Int(request.expiresAt.timeIntervalSinceNow.rounded(.down))
        #expect(secondsShown <= 600 && secondsShown >= secondsLeft - 1, "shows \(secondsShown) s, \(secondsLeft) s are left")
        #expect(harness.stack.isAnimating, "the countdown moves")
        gate.continuation.yield()
        try await harness.deliver { $0.isConnected }
        #expect(harness.screen.contains("connected: approved"))
        #expect(!harness.stack.isAnimating)
    }

    @Test func aSmallWindowLeavesTheQRCodeOutAndSaysWhatSizeShowsIt() async throws {
        let request = DeviceSignInRequest(
            profile: "dev", verificationURL: "https://device.sso.eu-west-1.amazonaws.com/", completeURL: nil, userCode: "WXYZ-ABCD",
            expiresAt: Date().addingTimeInterval(600))
        let connector = Self.connector { asker in
            await asker.showDeviceSignIn(request)
            return await Self.askForCode(asker)
        }
        let harness = WizardHarness(connection: .signInOnStartScreen(connector), start: .create(preset: nil, roleName: nil))
        try await harness.deliver { $0.isSignInQuestion }
        let screen = harness.screen
        #expect(screen.contains("and enter the code:  WXYZ-ABCD"))
        #expect(screen.contains("(A QR code of the address shows in a window of"), "\(screen)")
        #expect(!screen.contains("█"))
    }

    @Test func aLaterQuestionOpensTheSignInScreenOverTheCurrentOne() async throws {
        let askers = AsyncStream.makeStream(of: SignInAsker.self)
        let connector = RoleServiceConnector(
            partition: "aws", region: "eu-west-1", profile: "mfa", connect: { _ in offlineService() },
            redirectQuestions: { askers.continuation.yield($0) })
        let harness = WizardHarness(connection: .connected(offlineService(), questions: connector), start: .create(preset: nil, roleName: nil))
        var iterator = askers.stream.makeAsyncIterator()
        let asker = try #require(await iterator.next())
        try harness.press(.enter)  // the presets
        let depth = harness.stack.screens.count
        let answer = Task { await Self.askForCode(asker) }
        try await harness.deliver { $0.isSignInQuestion }
        #expect(harness.stack.top.title == "Sign in")
        #expect(harness.stack.screens.count == depth + 1)
        try harness.type("q?")  // text in the field, not quit or help
        #expect(!harness.stack.isFinished && !harness.stack.isShowingHelp)
        try harness.press(.control("u"))
        try harness.type("111222")
        try harness.press(.enter)
        #expect(harness.stack.screens.count == depth)
        #expect(await answer.value == "code 111222")
        // Declined: the call that needed it fails, and the screen closes.
        let declined = Task { await Self.askForCode(asker) }
        try await harness.deliver { $0.isSignInQuestion }
        try harness.press(.escape)
        #expect(harness.stack.screens.count == depth)
        #expect(await declined.value.hasPrefix("declined"))
    }

    @Test(arguments: [(0, "0:00"), (59, "0:59"), (60, "1:00"), (601, "10:01"), (-5, "0:00")])
    func timeLeftIsMinutesAndSeconds(seconds: Int, shown: String) {
        let now = Date()
        // Half a second over, so the floating-point difference cannot fall below the whole second.
        #expect(SignInPanel.remaining(until: now.addingTimeInterval(TimeInterval(seconds) + 0.5), now: now) == shown)
    }
}

/// A live service whose calls fail at once (nothing listens on port 9 of
/// loopback): for screens that need "signed in", not IAM's answers.
func unreachableLiveService() throws -> RoleService {
    let environment = ["AWS_EC2_METADATA_DISABLED": "true", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"]
    let session = try AWSSession.resolve(ClientOptions(
        endpointURL: "http://127.0.0.1:9", maxAttempts: 1, environment: environment, profiles: ProfileStore()))
    return RoleService(connection: .live(LiveConnection(iam: session.iam, sts: session.sts, partition: session.partition.name)))
}
