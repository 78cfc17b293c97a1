import Foundation
import SigV4

/// The official SigV4 suite in `../shared/conformance/sigv4`: what every case
/// shares, where the cases are, and how one is read.
enum ConformanceSuite {
    static let expectedCaseCount = 34
    static let credentials = SigningCredentials(
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    )
    /// 2015-08-30T12:36:00Z.
    static let date = Date(timeIntervalSince1970: 1_440_938_160)
    static let region = "us-east-1"
    static let service = "service"

    /// The token `get-vanilla-with-session-token` expects the signer to add (README.md).
    static let vanillaSessionToken = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"

    static var isPresent: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: TestPaths.conformanceSuite.path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Every case as its folder relative to the suite, e.g. `normalize-path/get-slash`:
    /// a folder is a case when it holds `<folder name>.req`. Empty when the suite is absent.
    static func caseNames() -> [String] {
        let root = TestPaths.conformanceSuite
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var names: [String] = []
        for case let file as URL in walker where file.pathExtension == "req" {
            let folder = file.deletingLastPathComponent()
            guard folder.lastPathComponent == file.deletingPathExtension().lastPathComponent else { continue }
            names.append(String(folder.standardizedFileURL.path.dropFirst(rootPath.count)))
        }
        return names.sorted()
    }

    struct Case {
        var name: String
        var request: SuiteRequest
        var signedRequest: SuiteRequest
        var canonicalRequest: String
        var stringToSign: String
        var authorization: String
    }

    static func load(_ name: String) throws -> Case {
        let folder = TestPaths.conformanceSuite.appendingPathComponent(name, isDirectory: true)
        let base = folder.appendingPathComponent(folder.lastPathComponent)
        func bytes(_ ext: String) throws -> [UInt8] {
            Array(try Data(contentsOf: base.appendingPathExtension(ext)))
        }
        func text(_ ext: String) throws -> String {
            String(decoding: try bytes(ext), as: UTF8.self)
        }
        func request(_ ext: String) throws -> SuiteRequest {
            do {
                return try SuiteRequest(parsing: bytes(ext))
            } catch let error as SuiteRequest.ParseError {
                throw LoadError(file: "\(name)/\(folder.lastPathComponent).\(ext)", reason: error.description)
            }
        }
        return Case(
            name: name,
            request: try request("req"),
            signedRequest: try request("sreq"),
            canonicalRequest: try text("creq"),
            stringToSign: try text("sts"),
            authorization: try text("authz")
        )
    }

    struct LoadError: Error, CustomStringConvertible {
        var file: String
        var reason: String
        var description: String { "\(file): \(reason)" }
    }
}
