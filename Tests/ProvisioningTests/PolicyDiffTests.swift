import Testing

@testable import Provisioning

@Suite("Policy diff", .timeLimit(.minutes(10)))
struct PolicyDiffTests {
    static let old = #"{"Statement":[{"Action":"sts:AssumeRole","Principal":{"Service":"sagemaker.amazonaws.com"},"Effect":"Allow"}],"Version":"2012-10-17"}"#
    static let new = """
        {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": {"Service": ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]},
                "Action": "sts:AssumeRole"
            }]
        }
        """

    @Test("compares documents as printed in reading order, not as written")
    func layoutDoesNotCount() {
        let reordered = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        #expect(PolicyDiff.isSame(Self.old, reordered))
        #expect(PolicyDiff.lines(from: Self.old, to: reordered).allSatisfy { $0.marker == " " })
        #expect(!PolicyDiff.isSame(Self.old, Self.new))
    }

    @Test("marks the changed lines and keeps the rest in order")
    func changedLines() {
        let lines = PolicyDiff.lines(from: Self.old, to: Self.new)
        #expect(lines.filter { $0.marker == "-" }.map(\.text) == [#"                "Service": "sagemaker.amazonaws.com""#])
        #expect(lines.filter { $0.marker == "+" }.map(\.text) == [
            #"                "Service": ["#,
            #"                    "sagemaker.amazonaws.com","#,
            #"                    "lookoutequipment.amazonaws.com""#,
            #"                ]"#,
        ])
        #expect(lines.first == .same("{") && lines.last == .same("}"))
        #expect(lines.map(\.text).filter { !$0.isEmpty }.count == PolicyDocument.readingText(Self.new).split(separator: "\n").count + 1)
    }

    @Test("a new role's policy is all added; text that is not a policy is compared as written")
    func edges() {
        #expect(PolicyDiff.lines(from: "", to: Self.old).allSatisfy { $0.marker == "+" })
        #expect(PolicyDiff.lines(from: "not json", to: "not json") == [.same("not json")])
        #expect(PolicyDocument.readingText(#"{"b":1,"a":[2]}"#) == PolicyDocument.readingText("{ \"b\": 1, \"a\": [2] }"))
    }
}
