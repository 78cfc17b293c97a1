import IAMClient
import Provisioning
import Testing
@testable import Wizard

/// Screens say of an AWS error what the command line says: the code, AWS's
/// message and the advice (not a bare "message (code)").
@Suite(.timeLimit(.minutes(10)))
struct WizardErrorWordsTests {
    @Test(arguments: [
        ("AccessDenied", "GetRole", "Check that your credentials allow iam:GetRole."),
        ("ExpiredToken", "GetCallerIdentity", "Your session credentials have expired"),
        ("EntityAlreadyExists", "CreateRole", "Choose another name, or edit the existing one."),
        ("Throttling", "ListRoles", "AWS kept throttling the requests"),
        ("AccessDeniedException", "ListAccounts", "allow organizations:ListAccounts: --organization runs as the organization's management account"),
        ("AWSOrganizationsNotInUseException", "ListAccounts", "name the accounts with --accounts or --profiles instead."),
        ("AccessDenied", "AssumeRole", "Check that your credentials allow sts:AssumeRole."),
    ])
    func anAWSErrorOnScreenCarriesTheAdvice(code: String, action: String, advice: String) {
        let error = AWSError(code: AWSErrorCode(rawValue: code), message: "Something went wrong", httpStatus: 400, requestId: "req-1", action: action)
        let shown = WizardError.describe(error)
        #expect(shown.hasPrefix("\(code): Something went wrong."), "\(shown)")
        #expect(shown.contains(advice), "\(shown)")
        #expect(shown.contains("(request id req-1)"))
        #expect(shown == AWSErrorAdvice.message(for: error), "the wizard and the command line say the same")
    }

    @Test func anUnknownCodeIsShownWhole() {
        let error = AWSError(code: "SomethingNew", message: "It broke", httpStatus: 400)
        #expect(WizardError.describe(error) == "SomethingNew: It broke.")
    }
}
