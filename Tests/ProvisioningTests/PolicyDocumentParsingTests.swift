import Testing

@testable import Provisioning

@Suite("Policy document parsing", .timeLimit(.minutes(10)))
struct PolicyDocumentParsingTests {
    @Test("Statement as a single object")
    func statementObject() throws {
        let document = try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}}
            """)
        #expect(document.statementWrittenAsObject)
        #expect(document.statements == [
            PolicyStatement(principal: .services(["ec2.amazonaws.com"]), action: ["sts:AssumeRole"])
        ])
    }

    @Test("Statement as an array, with Sid, Id, and lists")
    func statementArray() throws {
        let document = try PolicyDocument.parse("""
            {"Id": "trust", "Statement": [
              {"Sid": "One", "Effect": "Deny", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"]},
               "NotAction": ["sts:TagSession"], "Resource": "*"},
              {"Effect": "Allow", "NotPrincipal": {"CanonicalUser": "abc"}, "Action": "sts:*", "NotResource": ["arn:aws:s3:::x"]}
            ]}
            """)
        #expect(document.version == nil)
        #expect(document.id == "trust")
        #expect(!document.statementWrittenAsObject)
        #expect(document.statements[0].sid == "One")
        #expect(document.statements[0].effect == .deny)
        #expect(document.statements[0].principal?.values(of: .aws) == ["arn:aws:iam::111122223333:root", "444455556666"])
        #expect(document.statements[0].notAction == ValueList(["sts:TagSession"], writtenAsArray: true))
        #expect(document.statements[0].resource == ValueList(["*"], writtenAsArray: false))
        #expect(document.statements[1].notPrincipal == .entries([PrincipalEntry(kind: .canonicalUser, values: ["abc"])]))
        #expect(document.statements[1].notResource?.values == ["arn:aws:s3:::x"])
    }

    @Test("Principal \"*\" and every principal kind as string or array")
    func principals() throws {
        let anyone = try PolicyDocument.parse(#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}"#)
        #expect(anyone.statements[0].principal == .anyone)
        #expect(anyone.statements[0].principal?.includesAnyone == true)
        let all = try PolicyDocument.parse("""
            {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {
              "Service": ["a.amazonaws.com", "b.amazonaws.com"], "AWS": "*",
              "Federated": "accounts.google.com", "CanonicalUser": ["c1"]}}]}
            """)
        let principal = try #require(all.statements[0].principal)
        #expect(principal.kinds == [.service, .aws, .federated, .canonicalUser])
        #expect(principal.values(of: .service) == ["a.amazonaws.com", "b.amazonaws.com"])
        #expect(principal.values(of: .federated) == ["accounts.google.com"])
        #expect(principal.includesAnyone)
    }

    @Test("Condition values as string, array, boolean and number")
    func conditions() throws {
        let document = try PolicyDocument.parse("""
            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole",
              "Condition": {
                "StringEquals": {"sts:ExternalId": "x", "aws:PrincipalTag/team": ["a", "b"]},
                "Bool": {"aws:MultiFactorAuthPresent": true},
                "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}}]}
            """)
        #expect(document.statements[0].conditions == [
            ConditionClause("StringEquals", "sts:ExternalId", [.string("x")]),
            ConditionClause("StringEquals", "aws:PrincipalTag/team", [.string("a"), .string("b")]),
            ConditionClause("Bool", "aws:MultiFactorAuthPresent", [.bool(true)]),
            ConditionClause("NumericLessThan", "aws:MultiFactorAuthAge", [.number("3600")]),
        ])
    }

    @Test("unknown keys are kept and printed back")
    func unknownKeys() throws {
        let text = """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {
                            "Service": "ec2.amazonaws.com"
                        },
                        "Action": "sts:AssumeRole",
                        "X-Note": {
                            "why": [
                                1,
                                true
                            ]
                        }
                    }
                ],
                "Comment": "kept"
            }
            """
        let document = try PolicyDocument.parse(text)
        #expect(document.otherMembers == [JSONMember("Comment", .string("kept"))])
        #expect(document.statements[0].otherMembers.map(\.key) == ["X-Note"])
        #expect(document.text == text)
    }

    @Test("shape errors name the element and its line:column", arguments: [
        (#"[1]"#, "(document)", 1, 1, "a policy must be a JSON object, found an array"),
        (#"{"Statement": "x"}"#, "Statement", 1, 2, "must be a statement object or an array of them, found a string"),
        ("{\"Statement\": [\n {\"Action\": \"sts:AssumeRole\"}]}", "Statement[0]", 2, 2, "has no \"Effect\" (\"Allow\" or \"Deny\")"),
        ("{\"Statement\": [{\"Effect\": \"allow\"}]}", "Statement[0].Effect", 1, 17, "must be \"Allow\" or \"Deny\", found \"allow\""),
        ("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"me\"}]}", "Statement[0].Principal", 1, 36,
            "must be \"*\" or an object such as {\"Service\": \"ec2.amazonaws.com\"}, found \"me\""),
        ("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"User\": \"x\"}}]}", "Statement[0].Principal.User", 1, 50,
            "is not a principal type; IAM allows \"AWS\", \"Service\", \"Federated\", \"CanonicalUser\""),
        ("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"a\", 1]}]}", "Statement[0].Action[1]", 1, 52, "must be a string, found a number"),
        ("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"a\", \"NotAction\": \"b\"}]}", "Statement[0].NotAction", 1, 51,
            "cannot be used together with \"Action\" in one statement"),
        ("{\"Statement\": [{\"Effect\": \"Allow\", \"Condition\": {\"Bool\": {\"k\": null}}}]}", "Statement[0].Condition.Bool.k", 1, 59,
            "a condition value must be a string, number or boolean, found null"),
        ("{\"Version\": 1}", "Version", 1, 2, "must be a string, found a number"),
        ("{\"Statement\": [],\n\"Statement\": []}", "Statement", 2, 1, "is written twice; IAM would keep only one of them"),
    ])
    func shapeErrors(text: String, path: String, line: Int, column: Int, message: String) {
        do {
            _ = try PolicyDocument.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.kind == .structure)
            #expect(error.path?.description == path)
            #expect(error.position == SourcePosition(line: line, column: column))
            #expect(error.message == message)
        }
    }

    @Test("a JSON syntax error keeps its position")
    func syntaxError() {
        #expect(throws: PolicyParseError(
            kind: .syntax, message: "expected ',' or '}' after object member", position: SourcePosition(line: 2, column: 3))
        ) {
            try PolicyDocument.parse("{\"Version\": \"2012-10-17\"\n  \"Statement\": []}")
        }
    }

    @Test("the source map normalizes object-form statements and single values")
    func sourceMap() throws {
        let parsed = try PolicyDocument.parseWithSourceMap("""
            {"Statement": {
              "Effect": "Allow",
              "Principal": {"Service": "ec2.amazonaws.com"},
              "Action": ["sts:AssumeRole", "sts:TagSession"]}}
            """)
        let statement = JSONPath.root.appending("Statement").appending(0)
        #expect(parsed.sourceMap.position(of: statement) == SourcePosition(line: 1, column: 15))
        #expect(parsed.sourceMap.position(of: statement.appending("Principal")) == SourcePosition(line: 3, column: 3))
        #expect(parsed.sourceMap.position(of: statement.appending("Principal").appending("Service").appending(0)) == SourcePosition(line: 3, column: 28))
        #expect(parsed.sourceMap.position(of: statement.appending("Action").appending(1)) == SourcePosition(line: 4, column: 32))
    }
}
