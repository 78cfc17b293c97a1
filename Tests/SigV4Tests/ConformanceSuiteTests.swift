import Foundation
import SigV4
import Testing

@Suite("AWS SigV4 conformance suite (../shared/conformance/sigv4)", .timeLimit(.minutes(10)))
struct ConformanceSuiteTests {
    /// A missing suite must never look like a pass: it fails on CI and is
    /// reported on the console elsewhere.
    @Test("The suite is present with all of its cases")
    func suiteIsComplete() {
        guard ConformanceSuite.isPresent else {
            let message = "SigV4 conformance suite NOT RUN: \(TestPaths.conformanceSuite.path) does not exist"
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record(Comment(rawValue: message))
            } else {
                print("⚠️  \(message). 0 of \(ConformanceSuite.expectedCaseCount) cases ran (CI=true makes this a failure).")
            }
            return
        }
        #expect(ConformanceSuite.caseNames().count == ConformanceSuite.expectedCaseCount)
    }

    @Test("Canonical request, string to sign and Authorization match the suite", arguments: ConformanceSuite.caseNames())
    func signsLikeTheSuite(caseName: String) throws {
        let suiteCase = try ConformanceSuite.load(caseName)
        let signature = Self.sign(suiteCase)

        #expect(signature.canonicalRequest.text == suiteCase.canonicalRequest)
        #expect(signature.stringToSign == suiteCase.stringToSign)
        #expect(signature.authorization == suiteCase.authorization)

        let sentAuthorization = suiteCase.signedRequest.values(of: "Authorization").map { $0.trimmingCharacters(in: .whitespaces) }
        switch caseName {
        case "get-vanilla-with-session-token":
            // Its .sreq signature was copied from another case (README.md): only the token is checked.
            #expect(signature.headersToAdd.contains { $0 == ("X-Amz-Security-Token", ConformanceSuite.vanillaSessionToken) })
            #expect(suiteCase.signedRequest.values(of: "X-Amz-Security-Token") == [ConformanceSuite.vanillaSessionToken])
        case "post-sts-token/post-sts-header-after":
            // The token goes on the wire after signing, so the signature must not cover it.
            #expect(!signature.canonicalRequest.signedHeaders.contains("x-amz-security-token"))
            #expect(suiteCase.signedRequest.values(of: "X-Amz-Security-Token").count == 1)
            #expect(sentAuthorization == [signature.authorization])
        default:
            #expect(sentAuthorization == [signature.authorization])
        }
    }

    /// Signs a case as its README says: fixed keys, time, region and service;
    /// the two session-token cases that sign a token carry it in the credentials.
    static func sign(_ suiteCase: ConformanceSuite.Case) -> SigV4Signer.Signature {
        var credentials = ConformanceSuite.credentials
        switch suiteCase.name {
        case "get-vanilla-with-session-token":
            credentials.sessionToken = ConformanceSuite.vanillaSessionToken
        case "post-sts-token/post-sts-header-before":
            credentials.sessionToken = suiteCase.request.values(of: "X-Amz-Security-Token").first
        default:
            break
        }
        let request = suiteCase.request
        return SigV4Signer(credentials: credentials, service: ConformanceSuite.service, region: ConformanceSuite.region)
            .sign(
                method: request.method,
                path: request.path,
                query: request.query,
                headers: request.headers.map { ($0.name, $0.value) },
                body: request.body,
                date: ConformanceSuite.date
            )
    }
}
