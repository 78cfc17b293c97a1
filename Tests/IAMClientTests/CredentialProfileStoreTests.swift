import Foundation
import Testing
import TestSupport
@testable import IAMClient

@Suite("ProfileStore parsing", .timeLimit(.minutes(10)))
struct CredentialProfileStoreTests {
    @Test("config sections are [profile NAME] or [default]; other sections are not profiles")
    func configSections() {
        let parsed = ProfileStore.parse("""
            [default]
            region = us-east-1
            [profile dev]
            region = eu-west-1
            [dev-without-prefix]
            region = ap-south-1
            [sso-session corp]
            sso_region = us-east-1
            [services local]
            iam =
              endpoint_url = http://127.0.0.1:5000
            [profile   spaced  ]
            output = json
            """, isConfigFile: true, path: "config")
        #expect(parsed.problems.isEmpty)
        #expect(parsed.profiles == [
            "default": ["region": "us-east-1"],
            "dev": ["region": "eu-west-1"],
            "spaced": ["output": "json"],
        ])
    }

    @Test("credentials sections are the bare profile name")
    func credentialsSections() {
        let parsed = ProfileStore.parse("""
            [default]
            aws_access_key_id = AKIDDEFAULT
            [dev]
            aws_access_key_id = AKIDDEV
            [profile odd]
            aws_access_key_id = AKIDODD
            """, isConfigFile: false)
        #expect(parsed["default"]?["aws_access_key_id"] == "AKIDDEFAULT")
        #expect(parsed["dev"]?["aws_access_key_id"] == "AKIDDEV")
        // The credentials file has no `profile` prefix: this section is literally named "profile odd".
        #expect(parsed["profile odd"]?["aws_access_key_id"] == "AKIDODD")
    }

    @Test("comments, delimiters, case, blank values, nested blocks and a BOM")
    func lineSyntax() {
        let parsed = ProfileStore.parse("\u{FEFF}" + """
            # a comment
            ; another comment
            [profile dev]   ; trailing text after the header
            Region: us-west-2
            AWS_ACCESS_KEY_ID=AKIDDEV
            credential_process = /usr/bin/helper --tag a#b --url=https://x:1/y
            s3 =
              max_concurrent_requests = 20
              region = nested-must-not-win
            output =
                # indented comment
            """, isConfigFile: true, path: "config")
        #expect(parsed.problems.isEmpty)
        #expect(parsed.profiles["dev"] == [
            "region": "us-west-2",
            "aws_access_key_id": "AKIDDEV",
            "credential_process": "/usr/bin/helper --tag a#b --url=https://x:1/y",
            "s3": "",
            "output": "",
        ])
    }

    @Test("a repeated section or key is a problem, as for botocore; what parsed is kept, later values winning")
    func repeatedSections() {
        let parsed = ProfileStore.parse("""
            [profile dev]
            region = us-east-1
            output = json
            [default]
            region = eu-north-1
            [profile dev]
            region = us-west-1
            region = us-west-2
            """, isConfigFile: true, path: "config")
        #expect(parsed.profiles["dev"] == ["region": "us-west-2", "output": "json"])
        #expect(parsed.problems.map(\.description) == [
            "config:6:1: section [profile dev] appears again (first on line 1); the AWS CLI refuses the file",
            "config:8:1: `region` appears twice in [profile dev]; the AWS CLI refuses the file",
        ])
    }

    @Test("indentation as configparser reads it: a key line may be indented; a deeper line continues the key above")
    func indentation() {
        let parsed = ProfileStore.parse("""
            [profile "quoted name"]
              aws_access_key_id = AKINDENTED
              output = json
                continued
            [profile a b]
            region = nowhere
            [profile]
            region = nowhere
            [sso-session corp]
            sso_region = eu-west-1
            sso_start_url = https://corp.awsapps.com/start
            """, isConfigFile: true, path: "config")
        #expect(parsed.problems.isEmpty)
        #expect(parsed.profiles == ["quoted name": ["aws_access_key_id": "AKINDENTED", "output": "json\ncontinued"]])
        #expect(parsed.ssoSessions == ["corp": ["sso_region": "eu-west-1", "sso_start_url": "https://corp.awsapps.com/start"]])
    }

    @Test("lines that do not parse are reported as path:line:column")
    func problems() {
        let parsed = ProfileStore.parse("""
            region = us-east-1
            [profile dev]
            this line has no delimiter
            = value without key
            [profile]
            [default
            """, isConfigFile: true, path: "/x/config")
        #expect(parsed.problems.map(\.description) == [
            "/x/config:1:1: `region` is outside any [section]",
            "/x/config:3:1: expected `key = value`, a [section] or a comment",
            "/x/config:4:1: missing key before `=`",
            "/x/config:6:9: section header lacks `]`",
        ])
    }

    @Test("load honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE; credentials win over config")
    func loadWithOverrides() throws {
        let home = try ScratchAWSHome()
        let config = try home.write("alt-config", """
            [profile dev]
            region = eu-west-1
            aws_access_key_id = FROM-CONFIG
            """)
        let credentials = try home.write("alt-credentials", """
            [dev]
            aws_access_key_id = FROM-CREDENTIALS
            aws_secret_access_key = secret
            """)
        let store = ProfileStore.load(environment: [
            "HOME": home.directory.path, "AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": credentials,
        ])
        #expect(store.configPath == config)
        #expect(store.credentialsPath == credentials)
        #expect(store.profile("dev") == [
            "region": "eu-west-1", "aws_access_key_id": "FROM-CREDENTIALS", "aws_secret_access_key": "secret",
        ])
        #expect(store.problems.isEmpty)
    }

    @Test("default paths are under HOME; missing files are empty; paths print with ~")
    func defaultPaths() throws {
        let home = try ScratchAWSHome(config: "[default]\nregion = us-east-2\n")
        let store = ProfileStore.load(environment: ["HOME": home.directory.path])
        #expect(store.configPath == home.configPath)
        #expect(store.credentialsPath == home.credentialsPath)
        #expect(store.profileNames == ["default"])
        #expect(store.displayPath(store.credentialsPath) == "~/.aws/credentials")
        #expect(store.displayPath("/elsewhere/config") == "/elsewhere/config")
    }

    @Test("~ in AWS_CONFIG_FILE expands to HOME")
    func tildeExpansion() throws {
        let home = try ScratchAWSHome()
        try home.write("my-config", "[profile x]\nregion = sa-east-1\n")
        let store = ProfileStore.load(environment: ["HOME": home.directory.path, "AWS_CONFIG_FILE": "~/my-config"])
        #expect(store.profile("x")?["region"] == "sa-east-1")
    }

    /// Lines split as Python reads a text file (what the AWS CLI's
    /// configparser sees): only \n, \r\n and \r end a line.
    @Test func linesSplitExactlyAsPythonReadsThem() async throws {
        var random = SeededRandom(seed: 0x11E5)
        let pieces = ["a", "=", "[x]", "\n", "\r", "\r\n", "\u{2028}", "\u{85}", "\u{0C}", "\u{0B}", " ", "é"]
        let texts = (0..<2000).map { _ in (0..<Int.random(in: 0...10, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
        let script = """
            import io, json, sys
            out = []
            for t in json.load(sys.stdin):
                out.append(io.TextIOWrapper(io.BytesIO(t.encode()), encoding="utf-8", newline=None).read().split("\\n"))
            json.dump(out, sys.stdout)
            """
        let expected = try await PythonOracle.answer(script, for: texts, as: [[String]].self)
        for (text, lines) in zip(texts, expected) {
            #expect(ProfileStore.universalLines(text) == lines, "\(text.debugDescription)")
        }
    }
}
