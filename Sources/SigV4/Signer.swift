import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4. Pure: the caller supplies the
/// time and gets back headers to add; nothing here touches the network or clock.
public struct SigV4Signer: Sendable {
    public let credentials: SigningCredentials
    public let service: String
    public let region: String

    public init(credentials: SigningCredentials, service: String, region: String) {
        self.credentials = credentials
        self.service = service
        self.region = region
    }

    /// The result of signing, with every intermediate step for tests and `--debug`.
    public struct Signature: Sendable, Hashable {
        public var canonicalRequest: CanonicalRequest
        public var stringToSign: String
        public var signature: String
        public var authorization: String
        /// Headers to set on the request, replacing any of the same name:
        /// `X-Amz-Date`, `X-Amz-Security-Token` when there is a session token,
        /// and `Authorization`.
        public var headersToAdd: [(String, String)]

        public static func == (a: Signature, b: Signature) -> Bool {
            a.canonicalRequest == b.canonicalRequest && a.authorization == b.authorization
        }
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
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civilFromDays(days)
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(y, 4) + pad(m, 2) + pad(d, 2) + "T" + pad(secondOfDay / 3600, 2) + pad(secondOfDay % 3600 / 60, 2) + pad(secondOfDay % 60, 2) + "Z"
    }

    /// Howard Hinnant's days-to-civil algorithm.
    static func civilFromDays(_ z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

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
