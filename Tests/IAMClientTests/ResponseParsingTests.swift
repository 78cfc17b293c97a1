import Foundation
import Testing
@testable import IAMClient

@Suite("Parsing Query API responses and errors", .timeLimit(.minutes(10)))
struct ResponseParsingTests {
    func response(_ status: Int, _ body: String, headers: [(String, String)] = [("Content-Type", "text/xml")]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    @Test func errorInsideErrorResponse() throws {
        let body = """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name x cannot be found.</Message></Error>
              <RequestId>4a5b6c7d-0000-1111-2222-333344445555</RequestId>
            </ErrorResponse>
            """
        let error = try #require(QueryResponseParser.error(from: response(404, body), action: "GetRole"))
        #expect(error == AWSError(
            code: "NoSuchEntity", message: "The role with name x cannot be found.", httpStatus: 404,
            requestId: "4a5b6c7d-0000-1111-2222-333344445555", action: "GetRole"))
    }

    @Test func errorInsideErrorsList() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ErrorResponse><Errors><Error><Code>EntityAlreadyExists</Code>\
            <Message>Role with name l4e-role already exists.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>
            """
        let error = try #require(QueryResponseParser.error(
            from: response(409, body, headers: [("x-amzn-RequestId", "from-header")]), action: "CreateRole"))
        #expect(error.code == "EntityAlreadyExists")
        #expect(error.message == "Role with name l4e-role already exists.")
        #expect(error.requestId == "from-header")
        #expect(error.description == "CreateRole failed: EntityAlreadyExists (HTTP 409): Role with name l4e-role already exists. [request id from-header]")
    }

    @Test func responseWithRequestIDSpelledInCapitals() throws {
        let body = "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message></Error></Errors><RequestID>abc</RequestID></Response>"
        let error = try #require(QueryResponseParser.error(from: response(503, body), action: "ListRoles"))
        #expect(error.code == "RequestLimitExceeded")
        #expect(error.requestId == "abc")
    }

    @Test(arguments: [
        "<ErrorResponse><Error><Code>Throttling</Code><Message>cut off",
        "<!doctype html><html lang=en><title>500 Internal Server Error</title>",
        "",
        "not xml at all",
        "<ErrorResponse><Error><Message>no code</Message></Error></ErrorResponse>",
    ])
    func bodiesThatAreNotErrorResponsesGiveNil(body: String) {
        #expect(QueryResponseParser.error(from: response(500, body), action: "GetRole") == nil)
    }

    @Test func truncatedSuccessIsAClearError() async throws {
        let fixture = FakeClientFixture([
            FakeTransport.xml(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><UserId>AIDA"),
        ])
        let error = await #expect(throws: UnexpectedResponseError.self) { try await fixture.sts.getCallerIdentity() }
        let unwrapped = try #require(error)
        #expect(unwrapped.reason.hasPrefix("not well-formed XML at line 1"))
        #expect(unwrapped.httpStatus == 200)
        #expect(unwrapped.bodyPreview == "<GetCallerIdentityResponse><GetCallerIdentityResult><UserId>AIDA")
        #expect(unwrapped.description.contains("GetCallerIdentity: the endpoint answered HTTP 200 (text/xml, 64 bytes)"))
    }

    @Test func wrongRootElementIsAClearError() async throws {
        let fixture = FakeClientFixture([FakeTransport.xml(200, "<html><body>Welcome to nginx</body></html>")])
        let error = await #expect(throws: UnexpectedResponseError.self) { try await fixture.sts.getCallerIdentity() }
        #expect(error?.reason == "expected <GetCallerIdentityResponse> but got <html>")
    }

    @Test func missingRequiredElementIsAClearError() async throws {
        let fixture = FakeClientFixture([FakeTransport.xml(200, """
            <GetCallerIdentityResponse><GetCallerIdentityResult><UserId>AIDA</UserId><Account>1</Account>\
            </GetCallerIdentityResult></GetCallerIdentityResponse>
            """)])
        let error = await #expect(throws: UnexpectedResponseError.self) { try await fixture.sts.getCallerIdentity() }
        #expect(error?.reason == "<GetCallerIdentityResult> has no <Arn>")
    }

    @Test func previewsAreSanitizedAndNeverShowCredentials() {
        let body = Data("<AssumeRoleResponse>\n\t<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>TOPSECRET</SecretAccessKey><SessionToken>TOKEN\u{07}".utf8)
        let preview = UnexpectedResponseError.preview(of: body)
        #expect(!preview.contains("TOPSECRET"))
        #expect(!preview.contains("TOKEN\u{07}"))
        #expect(!preview.contains("\n") && !preview.contains("\t"))
        #expect(preview.contains("<SecretAccessKey>[redacted]"))

        let long = UnexpectedResponseError.preview(of: Data(String(repeating: "x", count: 1000).utf8))
        #expect(long.count == UnexpectedResponseError.previewLimit + 1)
    }

    @Test func roleDecodingPercentDecodesTheTrustPolicy() async throws {
        let fixture = FakeClientFixture([FakeTransport.xml(200, """
            <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role>\
            <Path>/app/</Path><RoleName>l4e-role</RoleName><RoleId>AROAEXAMPLE</RoleId>\
            <Arn>arn:aws:iam::111122223333:role/app/l4e-role</Arn><CreateDate>2024-03-01T12:30:45Z</CreateDate>\
            <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%7D%5D%7D</AssumeRolePolicyDocument>\
            <Description>for Lookout</Description><MaxSessionDuration>7200</MaxSessionDuration>\
            <PermissionsBoundary><PermissionsBoundaryArn>arn:aws:iam::aws:policy/PowerUserAccess</PermissionsBoundaryArn></PermissionsBoundary>\
            <Tags><member><Key>team</Key><Value>ml</Value></member></Tags>\
            <RoleLastUsed><LastUsedDate>2024-03-02T01:02:03.500Z</LastUsedDate><Region>eu-west-1</Region></RoleLastUsed>\
            </Role></GetRoleResult></GetRoleResponse>
            """)], service: "iam")
        let role = try await fixture.iam.getRole(name: "l4e-role")
        #expect(role.assumeRolePolicyDocument == #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}"#)
        #expect(role.path == "/app/")
        #expect(role.maxSessionDuration == 7200)
        #expect(role.permissionsBoundaryArn == "arn:aws:iam::aws:policy/PowerUserAccess")
        #expect(role.tags == [Tag(key: "team", value: "ml")])
        #expect(role.createDate == Date(timeIntervalSince1970: 1_709_296_245))
        #expect(role.roleLastUsed == RoleLastUsed(lastUsedDate: Date(timeIntervalSince1970: 1_709_341_323.5), region: "eu-west-1"))
    }

    @Test func timestampsWithAndWithoutFractions() {
        #expect(AWSTimestamp.parse("2026-11-29T05:35:58Z") == Date(timeIntervalSince1970: 1_795_930_558))
        let micro = AWSTimestamp.parse("2026-11-29T05:35:58.877202Z")
        #expect(abs((micro?.timeIntervalSince1970 ?? 0) - 1_795_930_558.877202) < 0.000_01)
        #expect(AWSTimestamp.parse("2026-11-29T05:35:58+00:00") == Date(timeIntervalSince1970: 1_795_930_558))
        #expect(AWSTimestamp.parse("yesterday") == nil)
        #expect(AWSTimestamp.parseHTTPDate("Sun, 29 Nov 2026 05:35:58 GMT") == Date(timeIntervalSince1970: 1_795_930_558))
    }

    @Test func queryParametersFlattenListsAndTags() {
        var parameters = QueryParameters([("RoleName", "r")])
        parameters.add("Description", nil as String?)
        parameters.add("MaxSessionDuration", 3600)
        parameters.addTags("Tags", [Tag(key: "a", value: "1"), Tag(key: "b", value: "2")])
        parameters.addList("TagKeys", ["x", "y"])
        #expect(parameters.items.map { "\($0.0)=\($0.1)" } == [
            "RoleName=r", "MaxSessionDuration=3600",
            "Tags.member.1.Key=a", "Tags.member.1.Value=1", "Tags.member.2.Key=b", "Tags.member.2.Value=2",
            "TagKeys.member.1=x", "TagKeys.member.2=y",
        ])
    }
}
