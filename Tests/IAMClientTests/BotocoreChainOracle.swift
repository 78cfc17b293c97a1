import Foundation
@testable import IAMClient

/// botocore as the reference for the credential chain: the Python side of
/// `BotocoreChainDifferentialTests`. STS is replaced in both implementations by
/// the same rule, so that the access key names the path taken:
/// `ROLE|<role arn>|<source access key>[|MFA:<serial>:<code>]` for AssumeRole and
/// `WEBID|<role arn>|<token>` for AssumeRoleWithWebIdentity.
enum BotocoreChainOracle {
    /// One scenario as Python gets it: the complete environment and `--profile`.
    struct Input: Encodable {
        var environment: [String: String]
        var profile: String?
    }

    /// What botocore resolved: credentials (`ok` with the access key), none, or
    /// an error reduced to a category; and the region or its error.
    struct Output: Decodable, Sendable {
        var kind: String
        var key: String?
        var method: String?
        var error: String?
        var category: String?
        var region: String?
        var regionError: String?
    }

    /// The code every MFA prompt answers in these tests.
    static let mfaCode = "123456"

    static let script = #"""
        import datetime, json, os, sys
        import botocore.session
        import botocore.credentials as bc
        from dateutil.tz import tzutc

        def later():
            return datetime.datetime.now(tzutc()) + datetime.timedelta(hours=1)

        def fake_assume_role(self):
            kwargs = self._assume_kwargs
            source = self._source_credentials.get_frozen_credentials().access_key
            key = "ROLE|%s|%s" % (kwargs["RoleArn"], source)
            if "SerialNumber" in kwargs:
                key += "|MFA:%s:%s" % (kwargs["SerialNumber"], "123456")
            return {"Credentials": {"AccessKeyId": key, "SecretAccessKey": "x", "SessionToken": "t", "Expiration": later()}}

        def fake_web_identity(self):
            token = self._web_identity_token_loader()
            key = "WEBID|%s|%s" % (self._assume_kwargs["RoleArn"], token)
            return {"Credentials": {"AccessKeyId": key, "SecretAccessKey": "x", "SessionToken": "t", "Expiration": later()}}

        bc.AssumeRoleCredentialFetcher._get_credentials = fake_assume_role
        bc.AssumeRoleWithWebIdentityCredentialFetcher._get_credentials = fake_web_identity

        CATEGORIES = {
            "ProfileNotFound": "profile-not-found",
            "ConfigParseError": "invalid-config", "InvalidConfigError": "invalid-config",
            "PartialCredentialsError": "invalid-config", "InfiniteLoopConfigError": "invalid-config",
            "CredentialRetrievalError": "retrieval", "RuntimeError": "retrieval",
            "FileNotFoundError": "retrieval", "PermissionError": "retrieval", "OSError": "retrieval",
            "JSONDecodeError": "retrieval", "TokenRetrievalError": "retrieval",
            "SSOTokenLoadError": "sso-token", "UnauthorizedSSOTokenError": "sso-token",
        }

        results = []
        saved = dict(os.environ)
        for scenario in json.load(sys.stdin):
            os.environ.clear()
            os.environ.update(scenario["environment"])
            out = {}
            session = None
            try:
                session = botocore.session.Session(profile=scenario.get("profile"))
                credentials = session.get_credentials()
                if credentials is None:
                    out = {"kind": "none"}
                else:
                    frozen = credentials.get_frozen_credentials()
                    out = {"kind": "ok", "key": frozen.access_key, "method": credentials.method}
            except Exception as e:
                name = type(e).__name__
                out = {"kind": "error", "error": name + ": " + str(e)[:300], "category": CATEGORIES.get(name, name)}
            try:
                if session is None:
                    session = botocore.session.Session(profile=scenario.get("profile"))
                out["region"] = session.get_config_variable("region")
            except Exception as e:
                out["regionError"] = type(e).__name__
            results.append(out)
        os.environ.clear()
        os.environ.update(saved)
        json.dump(results, sys.stdout)
        """#
}

/// STS as the differential sees it: the answer says who asked, for what.
struct DifferentialSTS: STSOperations {
    let source: (any CredentialProvider)?

    static let makeSTS: @Sendable ((any CredentialProvider)?) -> any STSOperations = { DifferentialSTS(source: $0) }

    func getCallerIdentity() async throws -> CallerIdentity {
        CallerIdentity(account: "123456789012", arn: "arn:aws:iam::123456789012:user/differential", userId: "AIDDIFF")
    }

    func assumeRole(roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?) async throws -> AWSCredentials {
        try await assumeRole(roleArn: roleArn, sessionName: sessionName, externalId: externalId, durationSeconds: durationSeconds, mfa: nil)
    }

    func assumeRole(
        roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?, mfa: MFAToken?
    ) async throws -> AWSCredentials {
        let signer = try await source?.credentials()
        var key = "ROLE|\(roleArn)|\(signer?.accessKeyId ?? "unsigned")"
        if let mfa { key += "|MFA:\(mfa.serialNumber):\(mfa.tokenCode)" }
        return AWSCredentials(accessKeyId: key, secretAccessKey: "x", sessionToken: "t", expiration: Date() + 3600)
    }

    func assumeRoleWithWebIdentity(
        roleArn: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?
    ) async throws -> AWSCredentials {
        AWSCredentials(accessKeyId: "WEBID|\(roleArn)|\(webIdentityToken)", secretAccessKey: "x", sessionToken: "t", expiration: Date() + 3600)
    }
}
