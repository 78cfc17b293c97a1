import Foundation

/// A role's temporary credentials from the IAM Identity Center portal
/// (GetRoleCredentials), paid for with the sign-in's access token. The chain
/// wraps it in a `CachedCredentialProvider`, so the portal is asked once per
/// credential lifetime and again five minutes before they expire.
struct SSOCredentialProvider: CredentialProvider {
    let role: SSORoleConfiguration
    let tokens: SSOTokenProvider
    let portal: SSOPortalClient
    let profile: String

    var source: String {
        "\(ProfileCredentialResolver.sourceName(profile)) (IAM Identity Center, account \(role.accountId), role \(role.roleName))"
    }

    func credentials() async throws -> AWSCredentials {
        let accessToken = try await tokens.accessToken()
        do {
            return try await portal.getRoleCredentials(
                roleName: role.roleName, accountId: role.accountId, accessToken: accessToken, source: source)
        } catch let error as SSOServiceError where error.status == 401 || error.code == "UnauthorizedException" {
            throw failure(.signInRequired, "the IAM Identity Center sign-in was refused (\(error.code)); sign in again with `rolewiz login --profile \(profile)`")
        } catch let error as SSOServiceError {
            throw failure(.badResponse, error.description)
        } catch let error as TransportError {
            throw failure(.unreachable(error.kind), "cannot reach the IAM Identity Center portal: \(error.message)")
        }
    }

    private func failure(_ kind: CredentialError.Kind, _ message: String) -> CredentialError {
        CredentialError(source: ProfileCredentialResolver.sourceName(profile), kind: kind, message: message)
    }
}
