import Foundation
import SafeText

/// Temporary credentials for a role, from STS AssumeRoleWithWebIdentity with an
/// OIDC token read from a file (EKS service accounts, CI runners).
public struct WebIdentityCredentialProvider: CredentialProvider {
    /// How the chain and its messages name this source.
    public static let sourceName = "web identity"

    /// `AWS_ROLE_ARN` or the profile's `role_arn`: the role the token's issuer is trusted by.
    public var roleArn: String
    /// `AWS_WEB_IDENTITY_TOKEN_FILE` or `web_identity_token_file`; read at every fetch.
    public var tokenFile: String
    /// `AWS_ROLE_SESSION_NAME` or `role_session_name`, shown in CloudTrail as the session.
    public var sessionName: String
    /// Nil leaves STS's default of one hour.
    public var durationSeconds: Int?
    private let sts: any STSOperations
    private let source: String

    /// - Parameters:
    ///   - sts: an unsigned STS client; the token is the proof.
    ///   - source: how messages name this source, such as `web identity` or `profile ci`.
    public init(
        roleArn: String, tokenFile: String, sessionName: String, durationSeconds: Int? = nil,
        sts: any STSOperations, source: String = WebIdentityCredentialProvider.sourceName
    ) {
        self.roleArn = roleArn
        self.tokenFile = tokenFile
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.sts = sts
        self.source = source
    }

    /// Reads the token at every fetch, because the platform rotates the file.
    public func credentials() async throws -> AWSCredentials {
        let token: String
        do {
            token = try InputFile.read(tokenFile).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw CredentialError(
                source: source, kind: .unreadableFile,
                message: "cannot read the web identity token file \(tokenFile): \(error.message)"
            )
        }
        guard !token.isEmpty else {
            throw CredentialError(source: source, kind: .unreadableFile, message: "the web identity token file \(tokenFile) is empty")
        }
        SecretRedactor.shared.register(token)
        var credentials: AWSCredentials
        do {
            credentials = try await sts.assumeRoleWithWebIdentity(
                roleArn: roleArn, sessionName: sessionName, webIdentityToken: token, durationSeconds: durationSeconds
            )
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw CredentialError(
                source: source, kind: .stsFailed, message: "AssumeRoleWithWebIdentity of \(roleArn) failed: \(AssumeRoleCredentialProvider.explain(error))"
            )
        }
        credentials.source = "\(source) (role \(roleArn))"
        return credentials
    }

    /// `AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN` and optionally `AWS_ROLE_SESSION_NAME`.
    static func locate(
        environment: [String: String],
        makeSTS: @Sendable ((any CredentialProvider)?) -> any STSOperations,
        now: @escaping @Sendable () -> Date
    ) throws -> SourceLocation {
        guard let tokenFile = environment.setting("AWS_WEB_IDENTITY_TOKEN_FILE") else {
            return .notConfigured("AWS_WEB_IDENTITY_TOKEN_FILE not set")
        }
        guard let roleArn = environment.setting("AWS_ROLE_ARN") else {
            throw CredentialError(
                source: sourceName, kind: .invalidConfiguration,
                message: "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not"
            )
        }
        let provider = WebIdentityCredentialProvider(
            roleArn: roleArn, tokenFile: tokenFile,
            sessionName: environment.setting("AWS_ROLE_SESSION_NAME")
                ?? AssumeRoleCredentialProvider.defaultSessionName(now: now()),
            sts: makeSTS(nil)
        )
        return .provider(CachedCredentialProvider(provider, now: now))
    }
}
