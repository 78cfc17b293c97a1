import Foundation
import Testing

@testable import Provisioning

@Suite("Policy semantic equality", .timeLimit(.minutes(10)))
struct PolicyEquivalenceTests {
    let base = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"Service": ["a.amazonaws.com", "b.amazonaws.com"]}, "Action": "sts:AssumeRole"},
          {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole", "sts:TagSession"],
           "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
        """

    @Test("ignores statement order, list order, whitespace, single-versus-array and action case")
    func equivalentForms() {
        let reordered = """
            {"Statement":[{"Condition":{"Bool":{"aws:multifactorauthpresent":true}},"Action":["STS:TagSession","sts:AssumeRole"],
            "Principal":{"AWS":["arn:aws:iam::111122223333:root"]},"Effect":"Allow"},
            {"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":["b.amazonaws.com","a.amazonaws.com","a.amazonaws.com"]}}],
            "Version":"2012-10-17"}
            """
        #expect(PolicyDocument.trustEquivalent(base, reordered))
    }

    @Test("notices real differences", arguments: [
        #"{"Version": "2008-10-17", "Statement": []}"#,
        "SERVICE",
        "EFFECT",
        "CONDITION",
        "SID",
    ])
    func differences(change: String) {
        let changed: String =
            switch change {
            case "SERVICE": base.replacingOccurrences(of: "b.amazonaws.com", with: "c.amazonaws.com")
            case "EFFECT": base.replacingOccurrences(of: #""Effect": "Allow", "Principal": {"AWS""#, with: #""Effect": "Deny", "Principal": {"AWS""#)
            case "CONDITION": base.replacingOccurrences(of: #""true""#, with: #""false""#)
            case "SID": base.replacingOccurrences(of: #"{"Effect": "Allow", "Principal": {"Service""#, with: #"{"Sid": "x", "Effect": "Allow", "Principal": {"Service""#)
            default: change
            }
        #expect(changed != base)
        #expect(!PolicyDocument.trustEquivalent(base, changed))
    }

    @Test("an empty Sid is the same as none")
    func emptySid() {
        #expect(PolicyDocument.trustEquivalent(
            #"{"Statement": [{"Sid": "", "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}"#,
            #"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}"#))
    }

    @Test("texts that do not parse are equivalent only when identical")
    func unparsable() {
        #expect(PolicyDocument.trustEquivalent("{bad", "{bad"))
        #expect(!PolicyDocument.trustEquivalent("{bad", base))
    }
}
