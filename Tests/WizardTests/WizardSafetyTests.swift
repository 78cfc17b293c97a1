import Foundation
import IAMClient
import Provisioning
import Testing
@testable import Wizard

/// The wizard never plans what the person did not ask for.
struct WizardSafetyTests {
    /// Editing a role with a permissions boundary kept the boundary out of
    /// the model, so a description change planned its removal.
    @Test func editingAnotherFieldKeepsThePermissionsBoundary() throws {
        let boundary = "arn:aws:iam::aws:policy/PowerUserAccess"
        let role = Role(
            roleName: "bounded", roleId: "AROA1", arn: "arn:aws:iam::123456789012:role/bounded",
            assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            description: "before", permissionsBoundaryArn: boundary)
        let current = RoleDetails(role: role, attachedPolicies: [], tags: [])
        let model = WizardModel()
        model.load(RoleSpec(existing: role, attachedPolicyArns: [], accountId: "123456789012"))
        model.roleDescription = "after"
        let desired = try model.spec().resolve(accountId: "123456789012")
        let plan = Planner.plan(for: desired, current: current, prune: true)
        #expect(plan.changes == [.updateDescription(from: "before", to: "after")], "\(plan.changes)")
    }
}
