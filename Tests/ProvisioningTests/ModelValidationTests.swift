import IAMClient
import Testing

@testable import Provisioning

@Suite("RoleSpec validation", .timeLimit(.minutes(10)))
struct ModelValidationTests {
    /// A spec IAM accepts; each test breaks one thing.
    let valid = RoleSpec(name: "role", trust: .services(["ec2.amazonaws.com"]))

    func issues(_ change: (inout RoleSpec) -> Void) -> [ValidationIssue] {
        var spec = valid
        change(&spec)
        return spec.validate()
    }

    @Test("the valid spec has no issues")
    func validSpec() {
        #expect(valid.validate().isEmpty)
    }

    @Test("name length: 64 is fine, 65 and empty are not")
    func nameLength() {
        #expect(issues { $0.name = String(repeating: "a", count: 64) }.isEmpty)
        #expect(issues { $0.name = String(repeating: "a", count: 65) } == [
            ValidationIssue(field: "name", message: "is 65 characters long; IAM allows at most 64")
        ])
        #expect(issues { $0.name = "" } == [
            ValidationIssue(field: "name", message: "is empty; IAM requires at least 1 character")
        ])
    }

    @Test("name characters")
    func nameCharacters() {
        #expect(issues { $0.name = "Az09+=,.@_-" }.isEmpty)
        #expect(issues { $0.name = "my role!" } == [
            ValidationIssue(field: "name", message: #""my role!" has a space and "!" which IAM does not allow; allowed: letters A-Z and a-z, digits and +=,.@_-"#)
        ])
    }

    @Test("path: / or /.../, printable ASCII, up to 512")
    func path() {
        #expect(issues { $0.path = "/service-role/team~x/" }.isEmpty)
        #expect(issues { $0.path = "/" + String(repeating: "a", count: 510) + "/" }.isEmpty)
        #expect(issues { $0.path = "/" + String(repeating: "a", count: 511) + "/" }.map(\.message) == [
            "is 513 characters long; IAM allows at most 512"
        ])
        #expect(issues { $0.path = "service" }.map(\.message) == [
            #""service" must start and end with "/" (for example /service-roles/)"#
        ])
        #expect(issues { $0.path = "/a b/" }.map(\.field) == ["path"])
    }

    @Test("description: up to 1000 of tab, line breaks, ASCII and Latin-1")
    func description() {
        #expect(issues { $0.description = "Ünïcödé £ ÿ\ttab\nline\r" }.isEmpty)
        #expect(issues { $0.description = String(repeating: "d", count: 1000) }.isEmpty)
        #expect(issues { $0.description = String(repeating: "d", count: 1001) }.map(\.message) == [
            "is 1001 characters long; IAM allows at most 1000"
        ])
        #expect(issues { $0.description = "Latin Extended \u{100}" } == [
            ValidationIssue(
                field: "description",
                message: #""Latin Extended Ā" has "Ā" which IAM does not allow; allowed: tab, line breaks, printable ASCII (U+0020 to U+007E) and U+00A1 to U+00FF"#)
        ])
        #expect(issues { $0.description = "no-break\u{A0}space" }.map(\.message).first?.contains("U+00A0") == true)
    }

    @Test("max session duration: 3600 to 43200", arguments: [(3599, false), (3600, true), (43200, true), (43201, false)])
    func maxSession(seconds: Int, accepted: Bool) {
        let found = issues { $0.maxSessionDuration = seconds }
        #expect(found.isEmpty == accepted)
        if !accepted {
            #expect(found == [ValidationIssue(
                field: "maxSessionDuration",
                message: "\(seconds) seconds is outside IAM's range of 3600 (1 hour) to 43200 (12 hours)")])
        }
    }

    @Test("tags: 50 are fine, 51 are not")
    func tagCount() {
        let tags = (0..<51).map { RoleTag(key: "k\($0)", value: "v") }
        #expect(issues { $0.tags = Array(tags.prefix(50)) }.isEmpty)
        #expect(issues { $0.tags = tags } == [ValidationIssue(field: "tags", message: "has 51 tags; IAM allows at most 50 on a role")])
    }

    @Test("tag key and value lengths")
    func tagLengths() {
        #expect(issues { $0.tags = [RoleTag(key: String(repeating: "k", count: 128), value: String(repeating: "v", count: 256))] }.isEmpty)
        #expect(issues { $0.tags = [RoleTag(key: String(repeating: "k", count: 129), value: "")] }.map(\.description) == [
            "tags[0].key: is 129 characters long; IAM allows at most 128"
        ])
        #expect(issues { $0.tags = [RoleTag(key: "k", value: String(repeating: "v", count: 257))] }.map(\.description) == [
            "tags[0].value: is 257 characters long; IAM allows at most 256"
        ])
        #expect(issues { $0.tags = [RoleTag(key: "", value: "v")] }.map(\.field) == ["tags[0].key"])
    }

    @Test("tag characters: Unicode letters, digits, spaces and _.:/=+-@")
    func tagCharacters() {
        #expect(issues { $0.tags = [RoleTag(key: "Équipe 東京 ٣", value: "a_b.c:d/e=f+g-h@i")] }.isEmpty)
        #expect(issues {
            $0.tags = [RoleTag(key: "a", value: "1"), RoleTag(key: "b", value: "2"), RoleTag(key: "c", value: "hi!")]
        } == [ValidationIssue(
            field: "tags[2].value",
            message: #""hi!" has "!" which IAM does not allow; allowed: letters, digits, spaces and _.:/=+-@"#)])
    }

    @Test("tag keys are unique regardless of case and may not start with aws:")
    func tagKeys() {
        #expect(issues { $0.tags = [RoleTag(key: "Team", value: "a"), RoleTag(key: "team", value: "b")] } == [
            ValidationIssue(field: "tags[1].key", message: #""team" repeats the key of tags[0]; IAM treats tag keys without regard to case"#)
        ])
        #expect(issues { $0.tags = [RoleTag(key: "AWS:x", value: "a")] } == [
            ValidationIssue(field: "tags[0].key", message: #""AWS:x" starts with "aws:", which AWS reserves for its own tags"#)
        ])
    }

    @Test("policies: names, paths and ARNs")
    func policies() {
        #expect(issues {
            $0.managedPolicies = ["AmazonS3FullAccess", "service-role/AWSGlueServiceRole", "arn:aws-cn:iam::111122223333:policy/team/Mine"]
        }.isEmpty)
        #expect(issues { $0.managedPolicies = ["Amazon S3"] }.map(\.description) == [
            #"policies[0]: the policy name "Amazon S3" has a space which IAM does not allow; allowed: letters A-Z and a-z, digits and +=,.@_-"#
        ])
        #expect(issues { $0.managedPolicies = ["arn:aws:s3:::bucket"] }.map(\.field) == ["policies[0]"])
        #expect(issues { $0.managedPolicies = ["IAMFullAccess", "arn:aws:iam::aws:policy/IAMFullAccess"] }.map(\.description) == [
            #"policies[1]: "arn:aws:iam::aws:policy/IAMFullAccess" is already listed as policies[0]"#
        ])
        #expect(issues { $0.permissionsBoundary = "arn:aws:iam::12:policy/x" }.map(\.field) == ["permissionsBoundary"])
    }

    @Test("trusted entity fields")
    func trust() {
        #expect(issues { $0.trust = .services([]) }.map(\.field) == ["trust.services"])
        #expect(issues { $0.trust = .services(["ec2.amazonaws.com", "sagemaker"]) } == [
            ValidationIssue(
                field: "trust.services[1]",
                message: #""sagemaker" is not a service principal; expected NAME.amazonaws.com (for example sagemaker.amazonaws.com)"#)
        ])
        #expect(issues { $0.trust = .awsServices(ServiceTrust(services: ["ec2.amazonaws.com"], sourceAccount: .id("12345"))) }.map(\.field) == ["trust.sourceAccount"])
        #expect(issues { $0.trust = .awsAccount(AccountTrust(account: .id("1234567890123"))) }.map(\.field) == ["trust.account"])
        #expect(issues { $0.trust = .awsAccount(AccountTrust(account: .current, externalId: "x")) }.map(\.description) == [
            "trust.externalId: is 1 characters long; IAM requires at least 2"
        ])
        #expect(issues { $0.trust = .awsAccount(AccountTrust(account: .current, externalId: "ab cd")) }.map(\.field) == ["trust.externalId"])
        #expect(issues { $0.trust = .webIdentity(WebIdentityTrust(provider: "accounts.google.com", audience: "")) }.map(\.field) == ["trust.audience"])
        #expect(issues { $0.trust = .saml(SAMLTrust(provider: "arn:aws:iam::111122223333:oidc-provider/x")) }.map(\.field) == ["trust.saml"])
        #expect(issues { $0.trust = .customPolicy("{\"Statement\": [\n  {\"Effect\": \"Maybe\"}]}") } == [
            ValidationIssue(field: "trust.policy", message: #"2:4: Statement[0].Effect: must be "Allow" or "Deny", found "Maybe""#)
        ])
        #expect(issues { $0.trust = .customPolicy(#"{"Statement": [], "Note": "\#u{100}"}"#) }.map(\.field) == ["trust.policy"])
    }

    @Test("every violation is reported, not only the first")
    func allViolations() {
        let spec = RoleSpec(
            name: "bad name", path: "nope", description: "\u{100}", trust: .services(["x"]),
            managedPolicies: ["a b"], tags: [RoleTag(key: "aws:k", value: "!")], maxSessionDuration: 1,
            permissionsBoundary: "arn:bad")
        #expect(spec.validate().map(\.field) == [
            "name", "path", "description", "trust.services[0]", "policies[0]", "tags[0].key", "tags[0].value",
            "maxSessionDuration", "permissionsBoundary",
        ])
    }
}

/// `--max-session-duration` and the wizard's field read what the console writes.
@Suite(.timeLimit(.minutes(10))) struct SessionDurationTests {
    @Test func everyMinuteInIAMsRangeReadsBackFromItsText() throws {
        for seconds in stride(from: 3600, through: 43200, by: 60) {
            let text = SessionDuration.text(forSeconds: seconds)
            #expect(try SessionDuration.seconds(from: text) == seconds, "\(text)")
            #expect(try SessionDuration.seconds(from: "\(seconds)") == seconds)
            #expect(try SessionDuration.seconds(from: "\(seconds)s") == seconds)
        }
        #expect(SessionDuration.text(forSeconds: 43200) == "12h")
        #expect(SessionDuration.text(forSeconds: 5400) == "1h30m")
        #expect(SessionDuration.text(forSeconds: 3601) == "3601s")
        #expect(try SessionDuration.seconds(from: "90M") == 5400)
    }

    @Test func whatIsNotADurationIsRefusedWithTheForms() {
        for text in ["", "h", "m", "1.5h", "1h1h", "30m1h", "-1", "1d", "12 h", "s", "1hm", String(repeating: "9", count: 40), "١٢h"] {
            #expect(throws: SessionDuration.Unreadable.self, "\(text)") { try SessionDuration.seconds(from: text) }
        }
        #expect(SessionDuration.Unreadable(text: "soon").description
            == #""soon": expected seconds (3600) or hours and minutes (12h, 90m, 1h30m), from 1 to 12 hours"#)
    }
}
