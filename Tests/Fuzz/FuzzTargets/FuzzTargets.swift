import Foundation
import IAMClient
import Provisioning
import TerminalUI

/// The parsers that read outside input, each as a fuzz target: bytes in,
/// and either nothing (the input was handled, accepted or refused) or a
/// description of a broken property. A crash, a hang or a broken property
/// is a finding. The libFuzzer entry point (`rolewiz-fuzz`) and the corpus
/// replay in `swift test` call the same functions.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `JSONParser` and `PolicyDocument.parse`: policies from files and servers.
    case policyJSON = "policy-json"
    /// `RoleSpecFile.decode`: spec files in YAML and JSON.
    case specFile = "spec-file"
    /// `ResponseElement.parse`: IAM and STS response bodies.
    case responseXML = "response-xml"
    /// `ProfileStore.parse`: ~/.aws/config and ~/.aws/credentials.
    case profileINI = "profile-ini"
    /// `KeyDecoder`: bytes from the terminal.
    case keyDecoder = "key-decoder"

    /// Runs one input; nil when every property held.
    public func check(_ bytes: [UInt8]) -> String? {
        switch self {
        case .policyJSON: Self.checkPolicyJSON(bytes)
        case .specFile: Self.checkSpecFile(bytes)
        case .responseXML: Self.checkResponseXML(bytes)
        case .profileINI: Self.checkProfileINI(bytes)
        case .keyDecoder: Self.checkKeyDecoder(bytes)
        }
    }

    /// Valid JSON prints and parses back to the same value; a policy that
    /// parses prints text that parses to the same document.
    private static func checkPolicyJSON(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let parsed = try? JSONParser.parse(text) else { return nil }
        let printed = JSONPrinter.pretty(parsed.value)
        guard let again = try? JSONParser.parse(printed), again.value == parsed.value else {
            return "printed JSON does not parse back to the same value"
        }
        if let document = try? PolicyDocument.parse(text) {
            guard let reparsed = try? PolicyDocument.parse(document.text), reparsed.json == document.json else {
                return "a policy's printed text does not parse back to the same document"
            }
        }
        return nil
    }

    /// A spec that decodes encodes to text that decodes to the same spec.
    private static func checkSpecFile(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        for format in SpecFormat.allCases {
            guard let loaded = try? RoleSpecFile.decode(text, format: format) else { continue }
            let encoded = RoleSpecFile.encode(loaded.spec, format: format)
            guard let again = try? RoleSpecFile.decode(encoded, format: format) else {
                return "an encoded \(format) spec does not decode"
            }
            guard again.spec == loaded.spec else { return "an encoded \(format) spec decodes to a different spec" }
        }
        return nil
    }

    /// Any body parses or is refused; a tree never holds more than the bounds allow.
    private static func checkResponseXML(_ bytes: [UInt8]) -> String? {
        guard let root = try? ResponseElement.parse(Data(bytes)) else { return nil }
        var stack = [(root, 1)]
        while let (element, depth) = stack.popLast() {
            if depth > 32 { return "an element deeper than the bound was kept" }
            stack += element.children.map { ($0, depth + 1) }
        }
        return nil
    }

    /// Any text parses; problems name a line inside the text.
    private static func checkProfileINI(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = ProfileStore.universalLines(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).count
        for isConfigFile in [true, false] {
            let parsed = ProfileStore.parse(text, isConfigFile: isConfigFile, path: "fuzz")
            if let problem = parsed.problems.first(where: { $0.line < 1 || $0.line > max(1, lines) }) {
                return "a problem points at line \(problem.line) of a \(lines)-line file"
            }
        }
        return nil
    }

    /// Any byte stream decodes, fed whole or one unit at a time, to the
    /// same keys, and the decoder is idle again after a flush.
    private static func checkKeyDecoder(_ bytes: [UInt8]) -> String? {
        let units = String(decoding: bytes, as: UTF8.self).unicodeScalars.map(InputUnit.scalar)
        var whole = KeyDecoder()
        let all = whole.feed(units) + whole.flush()
        var single = KeyDecoder()
        var one: [Key] = []
        for unit in units { one += single.feed(unit) }
        one += single.flush()
        guard all == one else { return "feeding unit by unit gives other keys" }
        guard !whole.isAwaitingSequence else {
            return "the decoder is still inside a sequence after a flush"
        }
        return nil
    }
}
