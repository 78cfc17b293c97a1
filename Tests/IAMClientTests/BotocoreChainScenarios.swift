import Foundation

/// One arrangement of environment variables and files for the botocore
/// differential. `{HOME}` in any value or file stands for the scratch home.
struct ChainScenario: Sendable, CustomStringConvertible {
    var name: String
    var environment: [String: String] = [:]
    var config: String?
    var credentials: String?
    /// `--profile` (botocore: `Session(profile=...)`).
    var profile: String?
    /// Extra files under the home; names ending in `.sh` are made executable.
    var files: [String: String] = [:]
    /// False where botocore's region is not one rolewiz could take (a continued value).
    var comparesRegion = true

    var description: String { name }
}

/// The scenarios: the cases the issue lists, and the rules around them.
enum ChainScenarios {
    static let envKeys = ["AWS_ACCESS_KEY_ID": "AKENV", "AWS_SECRET_ACCESS_KEY": "env-secret"]
    static let webIdentity = ["AWS_WEB_IDENTITY_TOKEN_FILE": "{HOME}/token", "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/env-web"]
    static let tokenFile = ["token": "web-token-1"]
    static let credsDefault = "[default]\naws_access_key_id = AKCRED\naws_secret_access_key = cred-secret\n"
    static let configDefault = "[default]\naws_access_key_id = AKCONF\naws_secret_access_key = conf-secret\n"

    /// A `credential_process` script printing a credential document.
    static func process(_ key: String, expiration: String? = nil, version: Int = 1, exit status: Int = 0) -> String {
        let expiry = expiration.map { #","Expiration":"\#($0)""# } ?? ""
        return """
            #!/bin/sh
            printf '%s' '{"Version":\(version),"AccessKeyId":"\(key)","SecretAccessKey":"proc-secret","SessionToken":"proc-token"\(expiry)}'
            exit \(status)
            """
    }

    static let future = "2999-01-01T00:00:00Z"
    static let past = "2001-01-01T00:00:00Z"

    static let all: [ChainScenario] = basics + fileSyntax + processes + webIdentities + assumedRoles + identityCenter + regions

    static let basics: [ChainScenario] = [
        ChainScenario(name: "environment keys alone", environment: envKeys),
        ChainScenario(name: "environment keys beat the default profile", environment: envKeys, credentials: credsDefault),
        ChainScenario(name: "--profile beats environment keys", environment: envKeys, credentials: credsDefault + "[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = s\n", profile: "dev"),
        ChainScenario(name: "AWS_PROFILE does not beat environment keys", environment: envKeys.merging(["AWS_PROFILE": "dev"]) { a, _ in a }, credentials: "[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = s\n"),
        ChainScenario(name: "access key without secret in the environment", environment: ["AWS_ACCESS_KEY_ID": "AKENV"]),
        ChainScenario(name: "secret without key in the environment is ignored", environment: ["AWS_SECRET_ACCESS_KEY": "s"]),
        ChainScenario(name: "nothing at all"),
        ChainScenario(name: "default in the credentials file", credentials: credsDefault),
        ChainScenario(name: "default in the config file", config: configDefault),
        ChainScenario(name: "credentials file beats config file", config: configDefault, credentials: credsDefault),
        ChainScenario(name: "AWS_PROFILE picks [profile dev]", environment: ["AWS_PROFILE": "dev"], config: "[profile dev]\naws_access_key_id = AKDEV\naws_secret_access_key = s\n"),
        ChainScenario(name: "[dev] in the config file is not a profile", environment: ["AWS_PROFILE": "dev"], config: "[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = s\n"),
        ChainScenario(name: "--profile that does not exist", config: configDefault, profile: "nope"),
        ChainScenario(name: "AWS_PROFILE that does not exist", environment: ["AWS_PROFILE": "nope"]),
        ChainScenario(name: "key in the credentials file, secret in the config file", config: "[default]\naws_secret_access_key = s\n", credentials: "[default]\naws_access_key_id = AKCRED\n"),
        ChainScenario(name: "aws_security_token is accepted", credentials: "[default]\naws_access_key_id = AKCRED\naws_secret_access_key = s\naws_security_token = t\n"),
    ]

    static let fileSyntax: [ChainScenario] = [
        ChainScenario(name: "[profile \"dev\"] quoted", config: "[profile \"dev\"]\naws_access_key_id = AKQUOTED\naws_secret_access_key = s\n", profile: "dev"),
        ChainScenario(name: "[profile 'my dev'] with a space", config: "[profile 'my dev']\naws_access_key_id = AKSPACE\naws_secret_access_key = s\n", profile: "my dev"),
        ChainScenario(name: "[profile a b] is no profile", environment: ["AWS_PROFILE": "a"], config: "[profile a b]\naws_access_key_id = AKAB\naws_secret_access_key = s\n"),
        ChainScenario(name: "[profile] alone is skipped", config: "[profile]\nregion = eu-west-1\n" + configDefault.replacingOccurrences(of: "AKCONF", with: "AKAFTER")),
        ChainScenario(name: "indented keys under [default] in the config file", config: "[default]\n  aws_access_key_id = AKINDENT\n  aws_secret_access_key = s\n  region = eu-west-3\n"),
        ChainScenario(name: "indented keys in the credentials file", credentials: "[default]\n\taws_access_key_id = AKTAB\n\taws_secret_access_key = s\n"),
        ChainScenario(name: "a deeper line continues the key above", config: "[default]\noutput = json\n  aws_access_key_id = AKHIDDEN\n  aws_secret_access_key = s\n"),
        ChainScenario(name: "nested s3 block does not leak keys", config: "[default]\ns3 =\n  aws_access_key_id = AKNESTED\naws_access_key_id = AKTOP\naws_secret_access_key = s\n"),
        ChainScenario(name: "comment lines are skipped", credentials: "# aws_access_key_id = AKCOMMENT\n[default]\n; aws_access_key_id = AKSEMI\naws_access_key_id = AKREAL\n  # indented comment\naws_secret_access_key = s\n"),
        ChainScenario(name: "# inside a value is kept", credentials: "[default]\naws_access_key_id = AK#HASH\naws_secret_access_key = s\n"),
        ChainScenario(name: "colon as delimiter and upper-case keys", credentials: "[default]\nAWS_ACCESS_KEY_ID: AKCOLON\nAws_Secret_Access_Key: s\n"),
        ChainScenario(name: "CRLF line ends", credentials: "[default]\r\naws_access_key_id = AKCRLF\r\naws_secret_access_key = s\r\n"),
        ChainScenario(name: "a section twice is refused", config: "[default]\nregion = eu-west-1\n[default]\noutput = json\n", credentials: credsDefault),
        ChainScenario(name: "a key twice is refused", credentials: "[default]\naws_access_key_id = A\naws_access_key_id = B\naws_secret_access_key = s\n"),
        ChainScenario(name: "a broken config file stops even environment keys", environment: envKeys, config: "[default]\nthis is not a setting\n"),
        ChainScenario(name: "a key before any section", environment: envKeys, credentials: "aws_access_key_id = AKTOP\n[default]\n"),
        ChainScenario(name: "blank line inside a continued value", config: "[default]\noutput = json\n\n  aws_access_key_id = AKBLANK\n" + "aws_secret_access_key = s\n"),
    ]

    static let processes: [ChainScenario] = [
        ChainScenario(name: "credential_process alone", config: "[default]\ncredential_process = {HOME}/creds.sh\n", files: ["creds.sh": process("AKPROC")]),
        ChainScenario(name: "credentials file keys beat credential_process", config: "[default]\ncredential_process = {HOME}/creds.sh\n", credentials: credsDefault, files: ["creds.sh": process("AKPROC")]),
        ChainScenario(name: "credential_process beats config file keys", config: configDefault + "credential_process = {HOME}/creds.sh\n", files: ["creds.sh": process("AKPROC")]),
        ChainScenario(name: "both in the credentials file: keys win", credentials: credsDefault + "credential_process = {HOME}/creds.sh\n", files: ["creds.sh": process("AKPROC")]),
        ChainScenario(name: "expired process credentials are refused", config: "[default]\ncredential_process = {HOME}/creds.sh\n", files: ["creds.sh": process("AKOLD", expiration: past)]),
        ChainScenario(name: "process credentials with a future expiry", config: "[default]\ncredential_process = {HOME}/creds.sh\n", files: ["creds.sh": process("AKFRESH", expiration: future)]),
        ChainScenario(name: "failing process", config: "[default]\ncredential_process = {HOME}/creds.sh\n", files: ["creds.sh": process("AKFAIL", exit: 3)]),
        ChainScenario(name: "process with Version 2", config: "[default]\ncredential_process = {HOME}/creds.sh\n", files: ["creds.sh": process("AKV2", version: 2)]),
        ChainScenario(name: "process arguments split like shlex", config: "[default]\ncredential_process = {HOME}/args.sh 'a b' \"c d\" e\\ f g\n", files: ["args.sh": "#!/bin/sh\nprintf '{\"Version\":1,\"AccessKeyId\":\"AKARGS%s-%s\",\"SecretAccessKey\":\"s\"}' \"$#\" \"$1\"\n"]),
        ChainScenario(name: "process that does not exist", config: "[default]\ncredential_process = {HOME}/missing.sh\n"),
    ]

    static let webIdentities: [ChainScenario] = [
        ChainScenario(name: "web identity from the environment", environment: webIdentity, files: tokenFile),
        ChainScenario(name: "environment web identity beats credentials file keys", environment: webIdentity, credentials: credsDefault, files: tokenFile),
        ChainScenario(name: "environment web identity beats config file keys", environment: webIdentity, config: configDefault, files: tokenFile),
        ChainScenario(name: "environment web identity beats credential_process", environment: webIdentity, config: "[default]\ncredential_process = {HOME}/creds.sh\n", files: tokenFile.merging(["creds.sh": process("AKPROC")]) { a, _ in a }),
        ChainScenario(name: "token file without AWS_ROLE_ARN is an error, not a fall-through", environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": "{HOME}/token"], credentials: credsDefault, files: tokenFile),
        ChainScenario(name: "token file without AWS_ROLE_ARN and no profile", environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": "{HOME}/token"], files: tokenFile),
        ChainScenario(name: "environment keys beat web identity", environment: webIdentity.merging(envKeys) { a, _ in a }, files: tokenFile),
        ChainScenario(name: "--profile turns environment web identity off", environment: webIdentity, credentials: "[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = s\n", profile: "dev", files: tokenFile),
        ChainScenario(name: "a profile's role beats environment web identity", environment: webIdentity, config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/profile-role\nsource_profile = base\n[profile base]\naws_access_key_id = AKBASE\naws_secret_access_key = s\n", files: tokenFile),
        ChainScenario(name: "web identity in a profile", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/profile-web\nweb_identity_token_file = {HOME}/token\n", files: tokenFile),
        ChainScenario(name: "AWS_ROLE_ARN beats a web identity profile's role_arn", environment: ["AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/env-role"], config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/profile-web\nweb_identity_token_file = {HOME}/token\n", files: tokenFile),
        ChainScenario(name: "web identity profile without role_arn", config: "[default]\nweb_identity_token_file = {HOME}/token\n", files: tokenFile),
        ChainScenario(name: "web identity token file missing", environment: webIdentity),
        ChainScenario(name: "environment web identity beats a broken profile", environment: webIdentity, credentials: "[default]\naws_access_key_id = AKPARTIAL\n", files: tokenFile),
        ChainScenario(name: "environment web identity beats an incomplete SSO profile", environment: webIdentity, config: "[default]\nsso_account_id = 1\n", files: tokenFile),
        ChainScenario(name: "--profile web identity ignores AWS_ROLE_ARN", environment: ["AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/env-role"], config: "[profile ci]\nrole_arn = arn:aws:iam::111122223333:role/ci\nweb_identity_token_file = {HOME}/token\n", profile: "ci", files: tokenFile),
    ]

    static let roleConfig = "[profile base]\naws_access_key_id = AKBASE\naws_secret_access_key = s\n"

    static let assumedRoles: [ChainScenario] = [
        ChainScenario(name: "role from a source_profile", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\nsource_profile = base\n" + roleConfig),
        ChainScenario(name: "role chain of two", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r2\nsource_profile = middle\n[profile middle]\nrole_arn = arn:aws:iam::111122223333:role/r1\nsource_profile = base\n" + roleConfig),
        ChainScenario(name: "a profile that is its own source", config: "[profile selfish]\nrole_arn = arn:aws:iam::111122223333:role/self\nsource_profile = selfish\n", credentials: "[selfish]\naws_access_key_id = AKSELF\naws_secret_access_key = s\n", profile: "selfish"),
        ChainScenario(name: "its own source without keys", config: "[profile selfish]\nrole_arn = arn:aws:iam::111122223333:role/self\nsource_profile = selfish\n", profile: "selfish"),
        ChainScenario(name: "source_profile loop", config: "[profile a]\nrole_arn = arn:aws:iam::111122223333:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::111122223333:role/b\nsource_profile = a\n", profile: "a"),
        ChainScenario(name: "role_arn without a source", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\n"),
        ChainScenario(name: "both source_profile and credential_source", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\nsource_profile = base\ncredential_source = Environment\n" + roleConfig),
        ChainScenario(name: "credential_source Environment under --profile", environment: envKeys, config: "[profile dev]\nrole_arn = arn:aws:iam::111122223333:role/r1\ncredential_source = Environment\n", profile: "dev"),
        ChainScenario(name: "credential_source that does not exist", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\ncredential_source = Bogus\n"),
        ChainScenario(name: "source_profile that does not exist", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\nsource_profile = ghost\n"),
        ChainScenario(name: "source_profile with credential_process", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\nsource_profile = proc\n[profile proc]\ncredential_process = {HOME}/creds.sh\n", files: ["creds.sh": process("AKSRCPROC")]),
        ChainScenario(name: "source_profile with nothing in it", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\nsource_profile = empty\n[profile empty]\nregion = eu-west-1\n"),
        ChainScenario(name: "source_profile that is web identity", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\nsource_profile = web\n[profile web]\nrole_arn = arn:aws:iam::111122223333:role/web\nweb_identity_token_file = {HOME}/token\n", files: tokenFile),
        ChainScenario(name: "source_profile: process beats config keys", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\nsource_profile = mixed\n[profile mixed]\naws_access_key_id = AKMIXED\naws_secret_access_key = s\ncredential_process = {HOME}/creds.sh\n", files: ["creds.sh": process("AKMIXPROC")]),
        ChainScenario(name: "source_profile with keys and a role uses the keys", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/r1\nsource_profile = both\n[profile both]\nrole_arn = arn:aws:iam::111122223333:role/ignored\nsource_profile = base\naws_access_key_id = AKBOTH\naws_secret_access_key = s\n" + roleConfig),
        ChainScenario(name: "MFA role with a code", config: "[default]\nrole_arn = arn:aws:iam::111122223333:role/mfa\nsource_profile = base\nmfa_serial = arn:aws:iam::111122223333:mfa/alice\n" + roleConfig),
    ]

    static let identityCenter: [ChainScenario] = [
        ChainScenario(name: "SSO profile missing sso_start_url", config: "[default]\nsso_account_id = 111122223333\nsso_role_name = Admin\nsso_region = us-east-1\n"),
        ChainScenario(name: "SSO profile naming a missing sso-session", config: "[default]\nsso_session = nowhere\nsso_account_id = 111122223333\nsso_role_name = Admin\n"),
        ChainScenario(name: "SSO legacy profile without a cached token", config: "[default]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = Admin\n"),
        ChainScenario(name: "SSO session profile without a cached token", config: "[default]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"),
        ChainScenario(name: "sso_start_url alone is not an SSO profile", config: "[default]\nsso_start_url = https://example.awsapps.com/start\n" + "aws_access_key_id = AKCONF\naws_secret_access_key = s\n"),
    ]

    static let regions: [ChainScenario] = [
        ChainScenario(name: "region from the profile", environment: envKeys, config: "[default]\nregion = eu-central-1\n"),
        ChainScenario(name: "AWS_DEFAULT_REGION beats the profile", environment: envKeys.merging(["AWS_DEFAULT_REGION": "ap-south-1"]) { a, _ in a }, config: "[default]\nregion = eu-central-1\n"),
        ChainScenario(name: "AWS_REGION (CLI v2) beats AWS_DEFAULT_REGION", environment: envKeys.merging(["AWS_REGION": "sa-east-1", "AWS_DEFAULT_REGION": "ap-south-1"]) { a, _ in a }),
        ChainScenario(name: "region in the credentials file counts", credentials: credsDefault + "region = ca-central-1\n"),
        ChainScenario(name: "AWS_PROFILE's region", environment: envKeys.merging(["AWS_PROFILE": "dev"]) { a, _ in a }, config: "[default]\nregion = eu-west-1\n[profile dev]\nregion = us-west-2\n"),
        ChainScenario(name: "--profile's region", config: "[default]\nregion = eu-west-1\n[profile dev]\nregion = us-west-1\n" + "aws_access_key_id = AKDEV\naws_secret_access_key = s\n", profile: "dev"),
        ChainScenario(name: "no region anywhere", environment: envKeys),
    ]
}
