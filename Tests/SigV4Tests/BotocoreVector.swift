import Foundation
import SigV4
import Testing

/// One request signed by botocore, from `Vectors/vectors.json` (see `Vectors/generate.py`).
struct BotocoreVector: Decodable, Sendable, CustomTestStringConvertible {
    struct Credentials: Decodable, Sendable {
        var accessKeyId: String
        var secretAccessKey: String
        var sessionToken: String?
    }

    var name: String
    var method: String
    var url: String
    /// `[name, value]` pairs in the order botocore had them before signing.
    var headers: [[String]]
    /// The form body's parameters in botocore's order; empty for requests without a form body.
    var formParameters: [[String]]
    var body: String
    var credentials: Credentials
    var region: String
    var service: String
    var date: String
    var epochSeconds: Int64
    var canonicalRequest: String
    var stringToSign: String
    var authorization: String
    /// What botocore's signer added to the request, in order.
    var headersAdded: [[String]]

    var testDescription: String { name }

    private struct File: Decodable {
        var cases: [BotocoreVector]
    }

    static func loadAll() throws -> [BotocoreVector] {
        try JSONDecoder().decode(File.self, from: Data(contentsOf: TestPaths.botocoreVectors)).cases
    }

    /// Pairs as tuples; a malformed entry is named in the failure.
    static func pairs(_ rows: [[String]], field: String, in vector: String) throws -> [(String, String)] {
        try rows.enumerated().map { index, row in
            guard row.count == 2 else {
                throw VectorError(message: "\(vector): \(field)[\(index)] has \(row.count) items, expected [name, value]")
            }
            return (row[0], row[1])
        }
    }

    struct VectorError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
