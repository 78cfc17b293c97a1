import Testing

@testable import Provisioning

@Suite("Model: generated service principal names")
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

    @Test("made-up names are not", arguments: [
        "lamda.amazonaws.com", "notaservice.amazonaws.com", "credentials.nosuch.amazonaws.com",
        "lambda", "lambda.amazonaws.org", "amazonaws.com", ".amazonaws.com",
    ])
    func unknown(principal: String) {
        #expect(!ServicePrincipal.isKnown(principal))
    }
}
