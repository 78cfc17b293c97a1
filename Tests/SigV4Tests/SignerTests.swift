import Foundation
import SigV4
import Testing

@Suite("SigV4Signer", .timeLimit(.minutes(10)))
struct SignerTests {
    static let credentials = SigningCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_440_938_160)

    static func sign(_ credentials: SigningCredentials = credentials, headers: [(String, String)]) -> SigV4Signer.Signature {
        SigV4Signer(credentials: credentials, service: "iam", region: "us-east-1")
            .sign(method: "POST", path: "/", headers: headers, body: Data("Action=GetUser".utf8), date: date)
    }

    @Test("Adds X-Amz-Date and Authorization, replacing stale ones from a retry")
    func replacesStaleHeaders() {
        let fresh = Self.sign(headers: [("Host", "iam.amazonaws.com")])
        let retried = Self.sign(headers: [
            ("Host", "iam.amazonaws.com"), ("X-Amz-Date", "20000101T000000Z"), ("authorization", "AWS4-HMAC-SHA256 old"),
        ])
        #expect(fresh.headersToAdd.map(\.0) == ["X-Amz-Date", "Authorization"])
        #expect(fresh.headersToAdd.first?.1 == "20150830T123600Z")
        #expect(fresh.headersToAdd.last?.1 == fresh.authorization)
        #expect(retried == fresh)
        #expect(retried.canonicalRequest.signedHeaders == "host;x-amz-date")
    }

    @Test("A session token is added and signed; the credentials' token replaces a stale header")
    func sessionToken() {
        let withToken = SigningCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token-2")
        let signature = Self.sign(withToken, headers: [("Host", "iam.amazonaws.com"), ("X-Amz-Security-Token", "token-1")])
        #expect(signature.headersToAdd.map(\.0) == ["X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(signature.headersToAdd[1].1 == "token-2")
        #expect(signature.canonicalRequest.canonicalHeaders.contains("x-amz-security-token:token-2\n"))
        #expect(!signature.canonicalRequest.canonicalHeaders.contains("token-1"))
        #expect(signature.authorization.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"))
    }

    @Test("Without a token in the credentials, a token header is signed as given")
    func tokenHeaderWithoutCredentialsToken() {
        let signature = Self.sign(headers: [("Host", "iam.amazonaws.com"), ("X-Amz-Security-Token", "token-1")])
        #expect(signature.canonicalRequest.canonicalHeaders.contains("x-amz-security-token:token-1\n"))
        #expect(signature.headersToAdd.map(\.0) == ["X-Amz-Date", "Authorization"])
    }

    @Test("User-Agent never changes the signature")
    func userAgentIsNotSigned() {
        let plain = Self.sign(headers: [("Host", "iam.amazonaws.com")])
        let withAgent = Self.sign(headers: [("Host", "iam.amazonaws.com"), ("User-Agent", "rolewiz/1.0")])
        #expect(plain.signature == withAgent.signature)
    }

    @Test("The payload hash is the body's SHA-256, or the one given")
    func payloadHash() {
        let signer = SigV4Signer(credentials: Self.credentials, service: "iam", region: "us-east-1")
        let body = Data("Param1=value1".utf8)
        let hashed = signer.sign(method: "POST", path: "/", headers: [("Host", "h")], body: body, date: Self.date)
        let given = signer.sign(method: "POST", path: "/", headers: [("Host", "h")], payloadHash: SigV4Signer.hexSHA256(body), date: Self.date)
        #expect(hashed.canonicalRequest.payloadHash == "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")
        #expect(given == hashed)
        #expect(SigV4Signer.hexSHA256(Data()) == CanonicalRequestTests.emptyHash)
    }

    @Test("Scope uses the signing day, region and service")
    func scope() {
        let signer = SigV4Signer(credentials: Self.credentials, service: "iam", region: "cn-north-1")
        let signature = signer.sign(method: "GET", path: "/", headers: [("Host", "h")], body: Data(), date: Self.date)
        #expect(signature.stringToSign.split(separator: "\n").dropFirst(2).first == "20150830/cn-north-1/iam/aws4_request")
        #expect(signature.authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/cn-north-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature="))
        #expect(signature.signature.count == 64)
    }

    @Test("Credentials never print their secrets")
    func credentialsDescription() {
        let credentials = SigningCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t-value", sessionToken: "t0ken-value")
        for text in [credentials.description, String(describing: credentials), "\(credentials)", String(reflecting: credentials)] {
            #expect(!text.contains("s3cr3t-value"))
            #expect(!text.contains("t0ken-value"))
            #expect(text.contains("AKIDEXAMPLE"))
        }
    }
}
