import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Turns Query API response bodies into `ResponseElement` trees or `AWSError`s.
///
/// A body may come from any server the endpoint points at, so the parser
/// is bounded: UTF-8 only, no document type (so no entity expansion), at most
/// `maximumDepth` nested elements and `maximumElements` in all. IAM's
/// responses nest about six deep; a tree of unbounded depth would overflow
/// the stack when freed.
enum QueryResponseParser {
    static let maximumDepth = 32
    static let maximumElements = 500_000

    /// The root element of a well-formed XML body.
    static func root(of body: Data) throws -> ResponseElement {
        guard !body.isEmpty else { throw ResponseXMLError(reason: "empty body") }
        // XML forbids NUL anywhere, and XMLParser lets a lone NUL through.
        guard !body.contains(0) else { throw ResponseXMLError(reason: "a NUL byte, which XML does not allow") }
        // FoundationXML crashes on a name that is not UTF-8 (found by
        // fuzzing); AWS sends UTF-8, so anything else is refused first.
        guard String(validating: body, as: UTF8.self) != nil else {
            throw ResponseXMLError(reason: "a body that is not UTF-8 text")
        }
        // FoundationXML crashes on a processing instruction without data
        // (`<?pi?>`, found by fuzzing); AWS sends none but the declaration.
        guard !hasProcessingInstruction(body) else {
            throw ResponseXMLError(reason: "a processing instruction, which AWS never sends")
        }
        guard body.firstRange(of: Data("<!DOCTYPE".utf8)) == nil, body.firstRange(of: Data("<!ENTITY".utf8)) == nil else {
            throw ResponseXMLError(reason: "a document type declaration, which AWS never sends")
        }
        let builder = ResponseTreeBuilder()
        let parser = XMLParser(data: body)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        // A premature end is reported through `parserError` while `parse()` returns true.
        let finished = parser.parse()
        if let limit = builder.exceededLimit { throw ResponseXMLError(reason: limit) }
        guard finished, parser.parserError == nil else {
            throw ResponseXMLError(reason: "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber)")
        }
        guard let root = builder.root else { throw ResponseXMLError(reason: "no root element") }
        return root
    }

    /// Whether `<?` appears anywhere but in the XML declaration that may open the body.
    static func hasProcessingInstruction(_ body: Data) -> Bool {
        let opener = Data("<?".utf8)
        guard let first = body.firstRange(of: opener) else { return false }
        let content = body.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
        let isDeclaration = first.lowerBound == content.startIndex && body[first.upperBound...].starts(with: Data("xml ".utf8))
        guard isDeclaration else { return true }
        return body[first.upperBound...].firstRange(of: opener) != nil
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
            code: AWSErrorCode(rawValue: code), message: message.trimmingCharacters(in: .whitespacesAndNewlines),
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
    private var elementCount = 0
    private(set) var root: ResponseElement?
    /// Set when the body went past a bound and parsing was stopped.
    private(set) var exceededLimit: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        guard exceededLimit == nil else { return }
        elementCount += 1
        if open.count >= QueryResponseParser.maximumDepth {
            stop(parser, "elements nested more than \(QueryResponseParser.maximumDepth) deep")
        } else if elementCount > QueryResponseParser.maximumElements {
            stop(parser, "more than \(QueryResponseParser.maximumElements) elements")
        } else {
            open.append(ResponseElement(name: elementName))
        }
    }

    private func stop(_ parser: XMLParser, _ reason: String) {
        exceededLimit = reason
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !open.isEmpty, exceededLimit == nil else { return }
        open[open.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !open.isEmpty, exceededLimit == nil else { return }
        open[open.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard exceededLimit == nil, let closed = open.popLast() else { return }
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
