import Testing
@testable import Provisioning

@Suite("Trust policy equivalence", .timeLimit(.minutes(10)))
struct PlanTrustPolicyTests {
    private let base = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["a.amazonaws.com","b.amazonaws.com"]},"Action":"sts:AssumeRole"}]}"#

    @Test(arguments: [
        // Whitespace and member order.
        """
        {
          "Statement": [ { "Action": "sts:AssumeRole", "Effect": "Allow",
                           "Principal": { "Service": [ "a.amazonaws.com", "b.amazonaws.com" ] } } ],
          "Version": "2012-10-17"
        }
        """,
        // Array element order, a string versus a one-element array, a lone statement object.
        #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":["b.amazonaws.com","a.amazonaws.com"]},"Action":["sts:AssumeRole"]}}"#,
        // A repeated element.
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["a.amazonaws.com","b.amazonaws.com","a.amazonaws.com"]},"Action":"sts:AssumeRole"}]}"#,
    ])
    func sameMeaningIsEquivalent(_ other: String) {
        #expect(trustPoliciesAreEquivalent(base, other))
    }

    @Test(arguments: [
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"a.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"Service":["a.amazonaws.com","b.amazonaws.com"]},"Action":"sts:AssumeRole"}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["a.amazonaws.com","b.amazonaws.com"]},"Action":"sts:TagSession"}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["a.amazonaws.com","b.amazonaws.com"]},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"1"}}}]}"#,
        "not json",
    ])
    func differentMeaningIsNotEquivalent(_ other: String) {
        #expect(!trustPoliciesAreEquivalent(base, other))
    }

    @Test func statementOrderDoesNotCount() {
        let one = #"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"},{"Sid":"B","Effect":"Allow","Principal":{"Service":"x.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let two = #"{"Version":"2012-10-17","Statement":[{"Sid":"B","Effect":"Allow","Principal":{"Service":"x.amazonaws.com"},"Action":"sts:AssumeRole"},{"Sid":"A","Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#
        #expect(trustPoliciesAreEquivalent(one, two))
    }

    @Test func accountIdAndItsRootArnAreTheSamePrincipal() {
        let id = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}]}"#
        let arn = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:root"]},"Action":"sts:AssumeRole"}]}"#
        let other = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/x"},"Action":"sts:AssumeRole"}]}"#
        #expect(trustPoliciesAreEquivalent(id, arn))
        #expect(!trustPoliciesAreEquivalent(id, other))
    }

    @Test func conditionValuesCompareAsIAMReadsThem() {
        func policy(_ value: String) -> String {
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"# + value + "}}}]}"
        }
        #expect(trustPoliciesAreEquivalent(policy("true"), policy(#""true""#)))
        #expect(!trustPoliciesAreEquivalent(policy("true"), policy(#""false""#)))
    }

    @Test func readingTreeKeepsIAMElementOrder() throws {
        let document = try PolicyDocument.readingTree(#"{"Statement":[{"Condition":{},"Action":"a","Principal":{},"Effect":"Allow","Sid":"s"}],"Version":"v"}"#)
        guard case .object(let top) = document, case .array(let statements)? = top.last?.value,
              case .object(let statement)? = statements.first
        else {
            Issue.record("unexpected shape \(document)")
            return
        }
        #expect(top.map(\.key) == ["Version", "Statement"])
        #expect(statement.map(\.key) == ["Sid", "Effect", "Principal", "Action", "Condition"])
    }

    @Test func readingTreeRejectsNonObjectsWithAReason() {
        #expect(throws: JSONSyntaxError.self) { try PolicyDocument.readingTree("[1]") }
        #expect(throws: JSONSyntaxError.self) { try PolicyDocument.readingTree(#"{"a": }"#) }
    }
}
