import ArgumentParser
import Foundation
import IAMClient

struct WhoAmI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Print the caller identity (STS GetCallerIdentity).",
        discussion: "With --output json the output matches `aws sts get-caller-identity`."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await ErrorReporter.run {
            let session = try global.makeSession()
            let identity = try await session.sts.getCallerIdentity()
            switch global.output {
            case .json:
                Console.json(try Self.json(identity))
            case .text:
                let source = try await session.credentialProvider.credentials().source
                Console.out(Self.text(identity, session: session, credentialSource: source))
            }
        }
    }

    /// `{"Account": ..., "Arn": ..., "UserId": ...}`, laid out as the AWS CLI
    /// prints it (four-space indent, `"Key": value`); values escaped by JSONEncoder.
    static func json(_ identity: CallerIdentity) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let fields = [("Account", identity.account), ("Arn", identity.arn), ("UserId", identity.userId)]
        let lines = try fields.map { key, value in
            "    \"\(key)\": " + String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n}"
    }

    static func text(_ identity: CallerIdentity, session: AWSSession, credentialSource: String) -> String {
        var rows = [
            ("Account", identity.account),
            ("Arn", identity.arn),
            ("UserId", identity.userId),
            ("Region", "\(session.region) (from \(session.regionOrigin))"),
            ("Partition", session.partition.name),
            ("Credentials", credentialSource.isEmpty ? "unknown" : credentialSource),
        ]
        if session.stsEndpoint.origin != "default" {
            rows.append(("Endpoint", "\(session.stsEndpoint.url.absoluteString) (from \(session.stsEndpoint.origin))"))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 1) + $0.1 }.joined(separator: "\n")
    }
}
