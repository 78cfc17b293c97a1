import Yams

/// The pieces every CloudFormation template rolewiz writes is made of, as
/// YAML nodes: mappings in order, strings, spec text kept from reading as a
/// parameter, and the long-form functions (`Ref`, `Fn::GetAtt`, `Fn::Sub`).
enum CloudFormationNode {
    static func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (string($0.0), $0.1) }))
    }

    /// A string scalar, quoted by the emitter when plain text would read as
    /// another type (`'2012-10-17'`, `'true'`).
    static func string(_ text: String) -> Node {
        .scalar(text.represented())
    }

    /// Text from the spec: a string, or, when it holds `${`, the same text
    /// as `Fn::Join` of pieces split between `$` and `{`.
    static func literal(_ text: String) -> Node {
        let pieces = piecesWithoutParameters(text)
        guard pieces.count > 1 else { return string(text) }
        return join(pieces.map(string))
    }

    /// Text in which every `standIn` is the account the stack is deployed
    /// in: `Fn::Sub` with `${AWS::AccountId}` there, or, if the rest holds a
    /// `${` that Sub would read, `Fn::Join` around `Ref: AWS::AccountId`.
    static func accountRelative(_ text: String, standIn: String?) -> Node {
        guard let standIn, text.contains(standIn) else { return literal(text) }
        let pieces = text.components(separatedBy: standIn)
        guard pieces.contains(where: { $0.contains("${") }) else {
            return mapping([("Fn::Sub", string(pieces.joined(separator: "${AWS::AccountId}")))])
        }
        var parts: [Node] = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 { parts.append(ref("AWS::AccountId")) }
            parts += piecesWithoutParameters(piece).filter { !$0.isEmpty }.map(string)
        }
        return join(parts)
    }

    static func ref(_ name: String) -> Node {
        mapping([("Ref", string(name))])
    }

    static func getAtt(_ logicalId: String, _ attribute: String) -> Node {
        mapping([("Fn::GetAtt", .sequence(.init([string(logicalId), string(attribute)])))])
    }

    private static func join(_ parts: [Node]) -> Node {
        mapping([("Fn::Join", .sequence(.init([string(""), .sequence(.init(parts))])))])
    }

    /// `text` cut after every `$` that comes before a `{`.
    static func piecesWithoutParameters(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            current.unicodeScalars.append(scalar)
            if scalar == "$", next == "{" {
                pieces.append(current)
                current = ""
            }
        }
        return pieces + [current]
    }
}
