import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Turns Query API response bodies into XML elements or `AWSError`s.
enum QueryResponseParser {
    /// The root element of a well-formed XML body.
    static func root(of body: Data) throws -> XMLElement {
        guard !body.isEmpty else { throw ResponseXMLError(reason: "empty body") }
        // XML forbids NUL anywhere; XMLParser lets a lone NUL through and
        // XMLDocument on Linux then crashes (SIGSEGV in _CFXMLNodeGetPrivateData).
        guard !body.contains(0) else { throw ResponseXMLError(reason: "a NUL byte, which XML does not allow") }
        // XMLDocument on Linux parses in libxml2's recovery mode: it accepts a
        // truncated body and prints parser errors (with body text) to stderr.
        // A strict XMLParser pass first rejects such bodies quietly.
        let checker = XMLParser(data: body)
        checker.shouldResolveExternalEntities = false
        // (It reports a premature end through `parserError` while `parse()` returns true.)
        guard checker.parse(), checker.parserError == nil else {
            throw ResponseXMLError(reason: "not well-formed XML at line \(checker.lineNumber), column \(checker.columnNumber)")
        }
        let document: XMLDocument
        do {
            document = try XMLDocument(data: body, options: [.nodeLoadExternalEntitiesNever])
        } catch {
            throw ResponseXMLError(reason: "not well-formed XML")
        }
        guard let root = document.rootElement() else { throw ResponseXMLError(reason: "no root element") }
        return root
    }

    /// Decodes both error shapes IAM and STS use:
    /// `<ErrorResponse><Error>…</Error><RequestId>` and
    /// `<ErrorResponse><Errors><Error>…</Error></Errors><RequestId>` (also `<Response>`
    /// with `<RequestID>`, as some emulators send). Nil when the body is not one of them.
    static func error(from response: HTTPResponse, action: String) -> AWSError? {
        guard let root = try? root(of: response.body) else { return nil }
        guard let error = root.child("Error") ?? root.child(path: ["Errors", "Error"]),
              let code = error.text("Code")?.trimmingCharacters(in: .whitespacesAndNewlines), !code.isEmpty
        else { return nil }
        let message = error.text("Message") ?? error.text("message") ?? ""
        let requestId = root.text("RequestId") ?? root.text("RequestID") ?? error.text("RequestId") ?? requestIdHeader(response)
        return AWSError(
            code: code, message: message.trimmingCharacters(in: .whitespacesAndNewlines),
            httpStatus: response.status, requestId: requestId, action: action)
    }

    static func requestIdHeader(_ response: HTTPResponse) -> String? {
        response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
    }
}

/// Why a body could not be read as XML.
struct ResponseXMLError: Error, Sendable {
    var reason: String
}
