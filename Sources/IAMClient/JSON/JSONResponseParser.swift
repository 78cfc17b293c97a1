import Foundation

/// Turns AWS JSON 1.1 response bodies into objects or `AWSError`s.
///
/// Bounded like the XML parser: the transport caps the body's size, and
/// Foundation's parser refuses nesting deeper than 512, so a hostile
/// endpoint cannot exhaust memory or the stack.
enum JSONResponseParser {
    /// The top-level object of a successful answer; an empty body is an empty object.
    static func object(of body: Data) throws -> [String: Any] {
        guard !body.isEmpty else { return [:] }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: body)
        } catch {
            throw JSONShapeError(reason: "not well-formed JSON")
        }
        guard let object = value as? [String: Any] else { throw JSONShapeError(reason: "the JSON is not an object") }
        return object
    }

    /// The error of an unsuccessful answer: its code from `x-amzn-ErrorType`
    /// (`Name:url`) or the body's `__type` (`namespace#Name`), and its
    /// `message`. Nil when neither names a code.
    static func error(from response: HTTPResponse, action: String) -> AWSError? {
        let body = try? object(of: response.body)
        let header = response.header("x-amzn-ErrorType").map { String($0.split(separator: ":").first ?? "") }
        let typeField = (body?["__type"] as? String).map { String($0.split(separator: "#").last ?? "") }
        guard let code = [header, typeField].compactMap({ $0?.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty })
        else { return nil }
        let message = (body?["message"] as? String) ?? (body?["Message"] as? String) ?? ""
        return AWSError(
            code: AWSErrorCode(rawValue: code), message: message.trimmingCharacters(in: .whitespacesAndNewlines),
            httpStatus: response.status, requestId: QueryResponseParser.requestIdHeader(response), action: action)
    }
}

/// A JSON answer that is not the shape the action sends, such as
/// "the JSON is not an object" or "Accounts[2] has no Id".
struct JSONShapeError: Error, Sendable, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
