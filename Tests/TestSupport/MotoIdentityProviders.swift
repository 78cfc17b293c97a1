import IAMClient

/// Creates identity providers in moto for tests (rolewiz itself never
/// creates them): an OIDC provider by host, a SAML provider by name.
public enum MotoIdentityProviders {
    /// The new provider's ARN.
    public static func createOpenIDConnect(_ iam: IAMService, host: String, audience: String = "sts.amazonaws.com") async throws -> String {
        try await iam.client.call(
            "CreateOpenIDConnectProvider",
            [("Url", "https://\(host)"), ("ClientIDList.member.1", audience), ("ThumbprintList.member.1", String(repeating: "a", count: 40))]
        ) { try arn($0, "OpenIDConnectProviderArn") }
    }

    /// The new provider's ARN (moto does not read the metadata document).
    public static func createSAML(_ iam: IAMService, name: String) async throws -> String {
        try await iam.client.call(
            "CreateSAMLProvider", [("Name", name), ("SAMLMetadataDocument", String(repeating: "m", count: 1000))]
        ) { try arn($0, "SAMLProviderArn") }
    }

    private static func arn(_ result: ResponseElement, _ name: String) throws -> String {
        guard let arn = result.text(name) else { throw MissingElement(name: name) }
        return arn
    }
}

/// Moto's answer lacked the element a test needed.
public struct MissingElement: Error, CustomStringConvertible {
    public var name: String
    public var description: String { "the response has no <\(name)>" }
}
