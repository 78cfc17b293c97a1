import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Turns Query API response bodies into `ResponseElement` trees or `AWSError`s.
enum QueryResponseParser {
    /// The root element of a well-formed XML body.
    static func root(of body: Data) throws -> ResponseElement {
        guard !body.isEmpty else { throw ResponseXMLError(reason: "empty body") }
        // XML forbids NUL anywhere, and XMLParser lets a lone NUL through.
        guard !body.contains(0) else { throw ResponseXMLError(reason: "a NUL byte, which XML does not allow") }
        let builder = ResponseTreeBuilder()
        let parser = XMLParser(data: body)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        // A premature end is reported through `parserError` while `parse()` returns true.
        guard parser.parse(), parser.parserError == nil else {
            throw ResponseXMLError(reason: "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber)")
        }
        guard let root = builder.root else { throw ResponseXMLError(reason: "no root element") }
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

/// Builds the element tree from XMLParser's events: a stack of open
/// elements, each closed one appended to its parent.
private final class ResponseTreeBuilder: NSObject, XMLParserDelegate {
    private var open: [ResponseElement] = []
    private(set) var root: ResponseElement?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        open.append(ResponseElement(name: elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let closed = open.popLast() else { return }
        if open.isEmpty {
            root = closed
        } else {
            open[open.count - 1].children.append(closed)
        }
    }
}

/// Why a body could not be read as XML.
struct ResponseXMLError: Error, Sendable {
    var reason: String
}
