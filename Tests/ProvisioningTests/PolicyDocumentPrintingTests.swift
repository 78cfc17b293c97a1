import Testing

@testable import Provisioning

@Suite("Policy document printing", .timeLimit(.minutes(10)))
struct PolicyDocumentPrintingTests {
    @Test("prints members in reading order whatever the input order")
    func readingOrder() throws {
        let document = try PolicyDocument.parse("""
            {"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}},
              "Resource": "y", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"},
              "Extra": 1, "Effect": "Allow", "Sid": "S"}], "Id": "i", "Version": "2012-10-17"}
            """)
        #expect(document.json.members?.map(\.key) == ["Version", "Id", "Statement"])
        #expect(document.statements[0].json.members?.map(\.key) == ["Sid", "Effect", "Principal", "Action", "Resource", "Condition", "Extra"])
        let every = PolicyStatement(
            sid: "S", principal: .anyone, notPrincipal: .anyone, action: ["a"], notAction: ["b"], resource: ["c"],
            notResource: ["d"], conditions: [.stringEquals("k", "v")], otherMembers: [JSONMember("Z", .null), JSONMember("A", .null)])
        #expect(every.json.members?.map(\.key) == [
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition", "Z", "A",
        ])
    }

    @Test("prints the console's layout with four-space indent")
    func layout() {
        var document = PolicyDocument()
        document.addServicePrincipal("sagemaker.amazonaws.com")
        #expect(document.text == """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {
                            "Service": "sagemaker.amazonaws.com"
                        },
                        "Action": "sts:AssumeRole"
                    }
                ]
            }
            """)
    }

    @Test("groups condition clauses by operator in order of first use")
    func conditionGrouping() {
        let statement = PolicyStatement(
            principal: .anyone, action: ["sts:AssumeRole"],
            conditions: [
                .stringEquals("a", "1"), ConditionClause("Bool", "b", [.bool(true)]), .stringEquals("c", "2"),
            ])
        #expect(JSONPrinter.compact(statement.json) ==
            #"{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":{"StringEquals":{"a":"1","c":"2"},"Bool":{"b":true}}}"#)
    }

    @Test("keeps the string or array form that was written")
    func formsKept() throws {
        let text = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"k":["v"]}}}}"#
        #expect(JSONPrinter.compact(try PolicyDocument.parse(text).json) == text)
    }

    @Test("printing is stable: print, parse, print gives the same text")
    func stable() throws {
        let document = try PolicyDocument.parse(#"{"Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"AWS":"*"},"Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#)
        #expect(try PolicyDocument.parse(document.text).text == document.text)
    }

    @Test("size counts characters without whitespace outside strings")
    func size() throws {
        #expect(PolicyDocument.iamSize(of: "{ \"a b\" :\n\t[ 1 , \"c\\\" d\" ] }") == 19)
        var document = PolicyDocument()
        document.addServicePrincipal("sagemaker.amazonaws.com")
        #expect(document.iamSize == JSONPrinter.compact(document.json).unicodeScalars.count)
        #expect(document.iamSize == 133)
    }
}
