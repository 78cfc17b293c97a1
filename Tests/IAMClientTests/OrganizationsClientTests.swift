import Foundation
import Testing
import TestSupport
@testable import IAMClient

/// The Organizations client: AWS JSON 1.1 on the shared send loop (signed
/// for `organizations`, retried, bounded), against a scripted transport and
/// against moto's Organizations with a real organization; and a session
/// that assumes a role in a member account and acts there.
@Suite("Organizations: JSON 1.1 calls and sessions in member accounts", .timeLimit(.minutes(10)))
struct OrganizationsClientTests {
    static func page(_ ids: [String], next: String?) -> FakeTransport.Step {
        let accounts = ids.map { #"{"Id":"\#($0)","Arn":"arn:aws:organizations::111122223333:account/o-x/\#($0)","Name":"n\#($0)","Email":"e@x","Status":"ACTIVE","JoinedMethod":"CREATED"}"# }
        let token = next.map { #","NextToken":"\#($0)""# } ?? ""
        return FakeTransport.json(200, #"{"Accounts":[\#(accounts.joined(separator: ","))]\#(token)}"#, headers: [("x-amzn-RequestId", "org-req")])
    }

    @Test func listAccountsIsAJSONCallSignedForOrganizationsAndFollowsNextToken() async throws {
        let fixture = FakeClientFixture([
            Self.page(["111111111111", "222222222222"], next: "t1"), Self.page([], next: "t2"), Self.page(["333333333333"], next: nil),
        ], service: "organizations")
        let accounts = try await fixture.organizations.listAccounts()
        #expect(accounts.map(\.id) == ["111111111111", "222222222222", "333333333333"])
        #expect(accounts.allSatisfy { $0.isActive })
        let requests = fixture.transport.requests
        #expect(requests.count == 3)
        for request in requests {
            #expect(request.url.absoluteString == "https://organizations.us-east-1.amazonaws.com")
            #expect(request.header("X-Amz-Target") == "AWSOrganizationsV20161128.ListAccounts")
            #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
            #expect(request.header("Authorization")?.contains("/us-east-1/organizations/aws4_request") == true)
        }
        let bodies = try requests.map { try #require(JSONSerialization.jsonObject(with: $0.body) as? [String: String]) }
        #expect(bodies == [[:], ["NextToken": "t1"], ["NextToken": "t2"]])
        #expect(fixture.events.values.map(\.action) == ["ListAccounts", "ListAccounts", "ListAccounts"])
        #expect(fixture.events.values.first?.requestId == "org-req")
    }

    @Test func theNewerStateFieldWinsOverStatus() async throws {
        let fixture = FakeClientFixture([FakeTransport.json(200, #"""
            {"Accounts":[{"Id":"111111111111","Status":"ACTIVE","State":"PENDING_ACTIVATION"},{"Id":"222222222222","Status":"SUSPENDED"}]}
            """#)], service: "organizations")
        let accounts = try await fixture.organizations.listAccounts()
        #expect(accounts.map(\.status) == ["PENDING_ACTIVATION", "SUSPENDED"])
        #expect(accounts.allSatisfy { !$0.isActive })
    }

    @Test(arguments: [
        (#"{"__type":"com.amazonaws.organizations#AWSOrganizationsNotInUseException","message":"Your account is not a member of an organization."}"#, [(String, String)](), "AWSOrganizationsNotInUseException"),
        (#"{"__type":"AccessDeniedException","Message":"You don't have permissions to access this resource."}"#, [], "AccessDeniedException"),
        (#"{"message":"denied"}"#, [("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/")], "AccessDeniedException"),
    ])
    func errorsAreReadFromTheTypeOrTheHeader(body: String, headers: [(String, String)], code: String) async throws {
        let fixture = FakeClientFixture([FakeTransport.json(400, body, headers: headers + [("x-amzn-RequestId", "err-req")])], service: "organizations")
        let error = try await #require(throws: AWSError.self) { try await fixture.organizations.listAccounts() }
        #expect(error.code.rawValue == code)
        #expect(!error.message.isEmpty)
        #expect(error.requestId == "err-req")
        #expect(error.action == "ListAccounts")
        #expect(fixture.transport.requests.count == 1, "a client error is not retried")
    }

    @Test func throttlingIsRetriedThenSucceeds() async throws {
        let fixture = FakeClientFixture([
            FakeTransport.json(400, #"{"__type":"TooManyRequestsException","message":"slow down"}"#),
            Self.page(["111111111111"], next: nil),
        ], service: "organizations")
        #expect(try await fixture.organizations.listAccounts().map(\.id) == ["111111111111"])
        #expect(fixture.sleeps.values.count == 1)
        #expect(fixture.events.values.first?.willRetry == true)
    }

    @Test(arguments: [
        (FakeTransport.json(200, "<html>not json</html>"), "not well-formed JSON"),
        (FakeTransport.json(200, "[1,2]"), "not an object"),
        (FakeTransport.json(200, #"{"Accounts":[{"Name":"no id"}]}"#), "has no Id"),
        (FakeTransport.json(200, #"{"Accounts":"nope"}"#), "has no Accounts list"),
        (FakeTransport.json(200, String(repeating: "[", count: 100_000)), "not well-formed JSON"),
    ])
    func answersOfTheWrongShapeAreUnexpectedResponses(step: FakeTransport.Step, reason: String) async throws {
        let fixture = FakeClientFixture([step], service: "organizations")
        let error = try await #require(throws: UnexpectedResponseError.self) { try await fixture.organizations.listAccounts() }
        #expect(error.reason.contains(reason), "\(error)")
    }

    @Test func aNextTokenThatComesBackIsRefusedInsteadOfLoopedOn() async throws {
        let fixture = FakeClientFixture([
            Self.page(["111111111111"], next: "same"), Self.page(["222222222222"], next: "same"),
        ], service: "organizations")
        let error = try await #require(throws: UnexpectedResponseError.self) { try await fixture.organizations.listAccounts() }
        #expect(error.reason.contains("the same NextToken came twice"))
        #expect(fixture.transport.requests.count == 2)
    }

    @Test func anHTMLErrorPageIsNotMistakenForAnAWSError() async throws {
        let fixture = FakeClientFixture(
            [.respond(HTTPResponse(status: 403, headers: [("Content-Type", "text/html")], body: Data("<html>forbidden</html>".utf8)))],
            maxAttempts: 1, service: "organizations")
        let error = try await #require(throws: UnexpectedResponseError.self) { try await fixture.organizations.listAccounts() }
        #expect(error.httpStatus == 403)
    }
}

extension HTTPRequest {
    /// A header's value, matched without regard to case as HTTP does.
    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// Against moto: a real organization, listed and reached by AssumeRole.
@Suite("Organizations against moto", .heavy)
struct OrganizationsMotoTests {
    @Test func motosOrganizationIsListedAndAMemberAccountIsReachedByAssumingItsRole() async throws {
        let moto = try await MotoServer.startOrSkip(environment: ["MOTO_IAM_LOAD_MANAGED_POLICIES": "false"])
        defer { moto.stop() }
        let organization = try await MotoOrganization.create(in: moto, members: 3, inUnit: 1, inNested: 1)
        let session = try MotoFixture.session(moto)

        let all = try await session.organizations.listAccounts()
        #expect(Set(all.map(\.id)) == Set([organization.management] + organization.members))
        let underUnit = try await session.organizations.listAccounts(underParent: organization.unit)
        #expect(Set(underUnit.map(\.id)) == Set(organization.inUnit + organization.inNested))
        let units = try await session.organizations.listOrganizationalUnitIds(parentId: organization.unit)
        #expect(units == [organization.nested])

        let member = organization.members[2]
        let assumed = session.assumingRole(
            "arn:aws:iam::\(member):role/OrganizationAccountAccessRole", sessionName: "rolewiz-test", externalId: "ext-1")
        #expect(try await assumed.sts.getCallerIdentity().account == member)
        #expect(try await session.sts.getCallerIdentity().account == organization.management)
        let roles = try await assumed.iam.listRoles(pathPrefix: nil).map(\.roleName)
        #expect(roles.contains("OrganizationAccountAccessRole"), "\(roles)")
        #expect(assumed.transport as AnyObject === session.transport as AnyObject)
        #expect(assumed.clock === session.clock)
    }
}
