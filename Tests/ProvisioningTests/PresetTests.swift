import Foundation
import Testing

@testable import Provisioning

@Suite("Presets", .timeLimit(.minutes(10)))
struct PresetTests {
    @Test("the seed recipe: l4e-role, one statement trusting both services, three policies")
    func lookoutEquipment() throws {
        let preset = try #require(RolePreset.named("lookout-equipment"))
        let role = try preset.spec.resolve(accountId: nil)
        #expect(role.roleName == "l4e-role")
        #expect(role.policyArns == [
            "arn:aws:iam::aws:policy/AmazonS3FullAccess",
            "arn:aws:iam::aws:policy/IAMFullAccess",
            "arn:aws:iam::aws:policy/AmazonLookoutEquipmentFullAccess",
        ])
        let trust = try PolicyDocument.parse(role.trustPolicy)
        #expect(trust.statements.count == 1)
        #expect(trust.statements[0].principal?.values(of: .service) == ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"])
        #expect(trust.statements[0].action?.values == ["sts:AssumeRole"])
        // The guide's two statements, fixed up with the service names it lost, mean the same.
        let guide = """
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" }, "Action": "sts:AssumeRole" }, { "Effect": "Allow", "Principal": { "Service": "lookoutequipment.amazonaws.com" }, "Action": "sts:AssumeRole" } ] }
            """
        #expect(!PolicyDocument.trustEquivalent(guide, role.trustPolicy))
        var merged = try PolicyDocument.parse(#"{"Version": "2012-10-17", "Statement": []}"#)
        for service in try PolicyDocument.parse(guide).trustedServices { merged.addServicePrincipal(service) }
        #expect(merged.isEquivalent(to: trust))
    }

    @Test("the seed preset warns that Lookout for Equipment's support ended")
    func lookoutWarning() throws {
        let preset = try #require(RolePreset.named("lookout-equipment"))
        let warnings = preset.warnings(asOf: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(warnings == [
            "AWS ended support for Amazon Lookout for Equipment on 2026-10-07; the preset still creates the role, but the service may no longer use it"
        ])
    }

    @Test("the other presets and their policies", arguments: [
        ("sagemaker-execution", "sagemaker.amazonaws.com", "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"),
        ("lambda-basic", "lambda.amazonaws.com", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
        ("ec2-instance", "ec2.amazonaws.com", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"),
        ("glue-service", "glue.amazonaws.com", "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"),
        ("ecs-task-execution", "ecs-tasks.amazonaws.com", "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"),
    ])
    func others(id: String, service: String, policyArn: String) throws {
        let preset = try #require(RolePreset.named(id))
        let role = try preset.spec.resolve(accountId: nil)
        #expect(role.policyArns == [policyArn])
        #expect(try PolicyDocument.parse(role.trustPolicy).trustedServices == [service])
        #expect(preset.warnings().isEmpty)
    }

    @Test("every preset validates, lints without errors and has a summary and a source")
    func allClean() throws {
        #expect(RolePreset.all.count >= 5)
        #expect(Set(RolePreset.all.map(\.id)).count == RolePreset.all.count)
        for preset in RolePreset.all {
            #expect(preset.spec.validate().isEmpty, "\(preset.id)")
            #expect(!preset.summary.isEmpty && !preset.source.isEmpty)
            let role = try preset.spec.resolve(accountId: nil)
            let findings = TrustPolicyLinter().lint(trustPolicy: role.trustPolicy, managedPolicyArns: role.policyArns)
            #expect(!findings.hasErrors, "\(preset.id): \(findings.map(\.message))")
        }
    }

    @Test("the seed preset's lint names the risks the recipe carries")
    func lookoutLint() throws {
        let role = try RolePreset.lookoutEquipment.spec.resolve(accountId: nil)
        let codes = Set(TrustPolicyLinter().lint(trustPolicy: role.trustPolicy, managedPolicyArns: role.policyArns).map(\.code))
        #expect(codes == [.trustServiceConfusedDeputy, .privilegeEscalationPolicy, .s3FullAccess, .serviceEndOfSupport])
    }
}
