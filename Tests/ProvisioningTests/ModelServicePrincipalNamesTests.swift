import Testing

@testable import Provisioning

@Suite("Model: generated service principal names", .timeLimit(.minutes(10)))
struct ModelServicePrincipalNamesTests {
    @Test("the generated list is the reference's, not a handful")
    func size() {
        #expect(ServicePrincipal.generatedCount > 400)
    }

    @Test("real services are known, in any case and with .cn", arguments: [
        "rolesanywhere.amazonaws.com", "cloudfront.amazonaws.com", "lambda.amazonaws.com",
        "credentials.iot.amazonaws.com", "scheduler.redshift.amazonaws.com", "pods.eks.amazonaws.com",
        "CloudFront.amazonaws.com", "states.amazonaws.com.cn",
    ])
    func known(principal: String) {
        #expect(ServicePrincipal.isKnown(principal))
    }

    @Test("every generated name is shaped like a service principal and lints as known")
    func generatedNamesAreWellFormed() {
        let linter = TrustPolicyLinter()
        for name in ServicePrincipal.generatedList.split(separator: "\n").map(String.init) {
            #expect(ServicePrincipal.formatProblem(name) == nil, "\(name)")
            #expect(ServicePrincipal.isKnown(name), "\(name)")
            let policy = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "\#(name)"}, "Action": "sts:AssumeRole"}]}"#
            #expect(!linter.lint(trustPolicy: policy).contains { $0.code == .servicePrincipalUnknown }, "\(name)")
        }
    }

    @Test("made-up names are not", arguments: [
        "lamda.amazonaws.com", "notaservice.amazonaws.com", "credentials.nosuch.amazonaws.com",
        "lambda", "lambda.amazonaws.org", "amazonaws.com", ".amazonaws.com",
    ])
    func unknown(principal: String) {
        #expect(!ServicePrincipal.isKnown(principal))
    }
}
