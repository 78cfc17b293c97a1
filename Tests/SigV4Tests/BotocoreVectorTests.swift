import Foundation
import SigV4
import Testing

@Suite("Requests signed by botocore (Vectors/vectors.json)", .timeLimit(.minutes(10)))
struct BotocoreVectorTests {
    @Test("The vectors cover the IAM and STS requests rolewiz sends")
    func coverage() throws {
        let names = Set(try BotocoreVector.loadAll().map(\.name))
        let required: Set = ["iam-create-role", "iam-create-role-session-token", "sts-get-caller-identity", "iam-aws-cn-get-role"]
        #expect(required.isSubset(of: names), "missing: \(required.subtracting(names).sorted())")
    }

    @Test("Canonical request, string to sign and Authorization match botocore", arguments: try BotocoreVector.loadAll())
    func signsLikeBotocore(vector: BotocoreVector) throws {
        let url = try #require(URLComponents(string: vector.url), "\(vector.name): url is not a URL")
        let signer = SigV4Signer(
            credentials: SigningCredentials(
                accessKeyId: vector.credentials.accessKeyId,
                secretAccessKey: vector.credentials.secretAccessKey,
                sessionToken: vector.credentials.sessionToken
            ),
            service: vector.service,
            region: vector.region
        )
        let date = Date(timeIntervalSince1970: TimeInterval(vector.epochSeconds))
        #expect(SigV4Signer.amzDate(date) == vector.date)

        let signature = signer.sign(
            method: vector.method,
            path: url.percentEncodedPath,
            query: url.percentEncodedQuery ?? "",
            headers: try BotocoreVector.pairs(vector.headers, field: "headers", in: vector.name),
            body: Data(vector.body.utf8),
            date: date
        )

        #expect(signature.canonicalRequest.text == vector.canonicalRequest)
        #expect(signature.stringToSign == vector.stringToSign)
        #expect(signature.authorization == vector.authorization)
        let added = try BotocoreVector.pairs(vector.headersAdded, field: "headersAdded", in: vector.name)
        #expect(signature.headersToAdd.map(\.0) == added.map(\.0))
        #expect(signature.headersToAdd.map(\.1) == added.map(\.1))
    }

    /// Byte for byte: Swift's `==` on strings would let a different Unicode
    /// normalization of `é` pass, but the payload hash would not.
    @Test("PercentEncoding.formBody writes botocore's form body", arguments: try BotocoreVector.loadAll().filter { !$0.formParameters.isEmpty })
    func formBodyMatchesBotocore(vector: BotocoreVector) throws {
        let parameters = try BotocoreVector.pairs(vector.formParameters, field: "formParameters", in: vector.name)
        #expect(Array(PercentEncoding.formBody(parameters).utf8) == Array(vector.body.utf8))
    }
}
