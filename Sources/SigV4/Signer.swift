import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4. Pure: the caller supplies the
/// time and gets back headers to add; nothing here touches the network or clock.
public struct SigV4Signer: Sendable {
    /// The keys the signature is made from; the secret itself never leaves this struct.
    public let credentials: SigningCredentials
    /// The signing name (`iam`, `sts`), which is part of the credential scope and may differ from the host's.
    public let service: String
    /// The signing region (`us-east-1` for IAM in the aws partition), part of the credential scope.
    public let region: String

    /// One signer per service and region: the scope is fixed, only the request and time vary.
    public init(credentials: SigningCredentials, service: String, region: String) {
        self.credentials = credentials
        self.service = service
        self.region = region
    }

    /// The result of signing, with every intermediate step for tests and `--debug`.
    public struct Signature: Sendable, Hashable {
        /// Task 1's result, kept so a signature mismatch can be compared with AWS's own canonical request.
        public var canonicalRequest: CanonicalRequest
        /// Task 2's result, which AWS echoes in a SignatureDoesNotMatch message.
        public var stringToSign: String
        /// The hex HMAC of the string to sign: what proves the secret without sending it.
        public var signature: String
        /// The whole `Authorization` header value, as sent.
        public var authorization: String
        /// Headers to set on the request, replacing any of the same name:
        /// `X-Amz-Date`, `X-Amz-Security-Token` when there is a session token,
        /// and `Authorization`.
        public var headersToAdd: [(String, String)]

        /// Equal when the same request was signed the same way; the header list follows from those.
        public static func == (a: Signature, b: Signature) -> Bool {
            a.canonicalRequest == b.canonicalRequest && a.authorization == b.authorization
        }
        /// Hashes the authorization alone, consistent with `==` (it covers the signature).
        public func hash(into hasher: inout Hasher) { hasher.combine(authorization) }
    }

    /// Signs a request.
    /// - Parameters:
    ///   - path: percent-encoded path as sent; `query`: raw query without `?`.
    ///   - headers: the request's headers, which must include `Host`. Any
    ///     `X-Amz-Date`, `Authorization` (and `X-Amz-Security-Token` when the
    ///     credentials have a token) are replaced by the ones in `headersToAdd`.
    ///   - body: the payload; its SHA-256 is the payload hash.
    ///   - date: the signing time, already corrected for clock skew by the caller.
    public func sign(method: String, path: String, query: String = "", headers: [(String, String)], body: some DataProtocol, date: Date) -> Signature {
        sign(method: method, path: path, query: query, headers: headers, payloadHash: Self.hexSHA256(body), date: date)
    }

    /// Signs with a payload hash already known (a streamed or `UNSIGNED-PAYLOAD` body),
    /// so the body need not be in memory.
    public func sign(method: String, path: String, query: String = "", headers: [(String, String)], payloadHash: String, date: Date) -> Signature {
        let amzDate = Self.amzDate(date)
        // The signer owns these headers: a retry may carry stale ones, and the
        // credentials' token wins over a token header from elsewhere.
        var owned: Set<String> = ["x-amz-date", "authorization"]
        var added: [(String, String)] = [("X-Amz-Date", amzDate)]
        if let token = credentials.sessionToken {
            owned.insert("x-amz-security-token")
            added.append(("X-Amz-Security-Token", token))
        }
        var signed = headers.filter { !owned.contains($0.0.lowercased()) }
        signed.append(contentsOf: added)

        let canonical = CanonicalRequest(method: method, path: path, query: query, headers: signed, payloadHash: payloadHash, isS3: service == "s3")
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, Self.hexSHA256(Data(canonical.text.utf8))].joined(separator: "\n")
        let key = signingKey(day: String(amzDate.prefix(8)))
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        added.append(("Authorization", authorization))
        return Signature(canonicalRequest: canonical, stringToSign: stringToSign, signature: signature, authorization: authorization, headersToAdd: added)
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    /// `YYYYMMDD'T'HHMMSS'Z'` in UTC, without a DateFormatter (they are slow and not Sendable).
    public static func amzDate(_ date: Date) -> String {
        UTCDate(date).basicFormat
    }

    /// Lower-case hex SHA-256, the form SigV4 wants for payload and canonical-request hashes.
    public static func hexSHA256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
