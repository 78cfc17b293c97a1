import Foundation
import Testing
@testable import IAMClient

/// ListOpenIDConnectProviders and ListSAMLProviders as IAM answers them:
/// one page of ARNs, parsed by the same bounded parser as every response.
@Suite("Parsing identity provider lists", .timeLimit(.minutes(10)))
struct IdentityProviderResponseTests {
    @Test func openIDConnectProvidersAreTheirARNs() async throws {
        let fixture = FakeClientFixture([FakeTransport.xml(200, """
            <ListOpenIDConnectProvidersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <ListOpenIDConnectProvidersResult><OpenIDConnectProviderList>
                <member><Arn>arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com</Arn></member>
                <member><Arn>arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC</Arn></member>
              </OpenIDConnectProviderList></ListOpenIDConnectProvidersResult>
            </ListOpenIDConnectProvidersResponse>
            """)], service: "iam")
        #expect(try await fixture.iam.listOpenIDConnectProviders() == [
            "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
            "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC",
        ])
    }

    @Test func samlProvidersAreTheirARNsAndAnEmptyListIsNone() async throws {
        let fixture = FakeClientFixture([
            FakeTransport.xml(200, """
                <ListSAMLProvidersResponse><ListSAMLProvidersResult><SAMLProviderList>
                  <member><Arn>arn:aws:iam::123456789012:saml-provider/Okta</Arn><ValidUntil>2030-01-01T00:00:00Z</ValidUntil></member>
                </SAMLProviderList></ListSAMLProvidersResult></ListSAMLProvidersResponse>
                """),
            FakeTransport.xml(200, "<ListSAMLProvidersResponse><ListSAMLProvidersResult><SAMLProviderList/></ListSAMLProvidersResult></ListSAMLProvidersResponse>"),
        ], service: "iam")
        #expect(try await fixture.iam.listSAMLProviders() == ["arn:aws:iam::123456789012:saml-provider/Okta"])
        #expect(try await fixture.iam.listSAMLProviders().isEmpty)
    }

    @Test func aProviderWithoutItsARNIsAClearError() async throws {
        let fixture = FakeClientFixture([FakeTransport.xml(200, """
            <ListSAMLProvidersResponse><ListSAMLProvidersResult><SAMLProviderList><member><ValidUntil>x</ValidUntil></member>\
            </SAMLProviderList></ListSAMLProvidersResult></ListSAMLProvidersResponse>
            """)], service: "iam")
        let error = await #expect(throws: UnexpectedResponseError.self) { try await fixture.iam.listSAMLProviders() }
        #expect(error?.reason == "<member> has no <Arn>")
    }
}
