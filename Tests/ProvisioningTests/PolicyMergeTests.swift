import Testing

@testable import Provisioning

@Suite("Trust policy service merge", .timeLimit(.minutes(10)))
struct PolicyMergeTests {
    @Test("adding lookoutequipment to a SageMaker trust extends the one statement")
    func addToSageMaker() throws {
        var document = try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
            """)
        document.addServicePrincipal("lookoutequipment.amazonaws.com")
        #expect(document.statements.count == 1)
        #expect(document.statements[0].principal?.values(of: .service) == ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"])
        #expect(document.trustedServices == ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"])
    }

    @Test("adding a service already trusted changes nothing")
    func addExisting() {
        var document = PolicyDocument()
        document.addServicePrincipal("ec2.amazonaws.com")
        let before = document
        document.addServicePrincipal("EC2.amazonaws.com")
        #expect(document == before)
    }

    @Test("a statement with other conditions, actions or principals is not extended", arguments: [
        #"{"Effect": "Allow", "Principal": {"Service": "a.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}"#,
        #"{"Effect": "Allow", "Principal": {"Service": "a.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}"#,
        #"{"Effect": "Allow", "Principal": {"Service": "a.amazonaws.com", "AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#,
        #"{"Effect": "Deny", "Principal": {"Service": "a.amazonaws.com"}, "Action": "sts:AssumeRole"}"#,
    ])
    func notExtended(statement: String) throws {
        var document = try PolicyDocument.parse(#"{"Version": "2012-10-17", "Statement": [\#(statement)]}"#)
        let original = document.statements[0]
        document.addServicePrincipal("b.amazonaws.com")
        #expect(document.statements.count == 2)
        #expect(document.statements[0] == original)
        #expect(document.statements[1] == PolicyStatement(principal: .services(["b.amazonaws.com"]), action: ["sts:AssumeRole"]))
    }

    @Test("a service joins the statement with the same conditions, however written")
    func sameConditions() throws {
        var document = try PolicyDocument.parse("""
            {"Statement": [{"Effect": "Allow", "Principal": {"Service": "a.amazonaws.com"}, "Action": "sts:AssumeRole",
              "Condition": {"StringEquals": {"AWS:SourceAccount": ["111122223333"]}}}]}
            """)
        document.addServicePrincipal("b.amazonaws.com", conditions: [.stringEquals("aws:SourceAccount", "111122223333")])
        #expect(document.statements.count == 1)
        #expect(document.trustedServices == ["a.amazonaws.com", "b.amazonaws.com"])
    }

    @Test("removing a service shrinks the statement, then drops it when empty")
    func remove() throws {
        var document = try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"Service": ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]}, "Action": "sts:AssumeRole"},
              {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}
            """)
        document.removeServicePrincipal("lookoutequipment.amazonaws.com")
        #expect(document.statements.count == 2)
        #expect(document.statements[0].principal == .services(["sagemaker.amazonaws.com"]))
        document.removeServicePrincipal("sagemaker.amazonaws.com")
        #expect(document.statements.count == 1)
        #expect(document.statements[0].principal?.values(of: .aws) == ["111122223333"])
    }

    @Test("removing a service keeps the statement's other principals")
    func removeKeepsOthers() throws {
        var document = try PolicyDocument.parse("""
            {"Statement": [{"Effect": "Allow", "Principal": {"Service": "a.amazonaws.com", "AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}
            """)
        document.removeServicePrincipal("a.amazonaws.com")
        #expect(document.statements[0].principal == .entries([PrincipalEntry(kind: .aws, values: ["111122223333"])]))
    }

    @Test("add then remove is equivalent to the start")
    func addRemove() throws {
        let start = try PolicyDocument.parse(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "a.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#)
        var document = start
        document.addServicePrincipal("b.amazonaws.com")
        document.removeServicePrincipal("b.amazonaws.com")
        #expect(document.isEquivalent(to: start))
    }
}
