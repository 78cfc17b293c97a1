internal import IAMClient

/// Makes the one IAM call of a step. Calls whose effect is already in place
/// count as done, so that a re-run after a lost reply does not fail.
struct StepPerformer: Sendable {
    let iam: any IAMOperations
    let roleName: String
    let emit: @Sendable (ApplyEvent) -> Void

    /// Returns the role for CreateRole, nil for the other steps.
    func perform(_ step: ApplyStep) async throws -> Role? {
        try await ActiveStep.$current.withValue(ActiveStep(step: step, emit: emit)) {
            try await call(step)
        }
    }

    private func call(_ step: ApplyStep) async throws -> Role? {
        switch step {
        case .createRole(let role):
            return try await iam.createRole(role.createRoleInput)
        case .updateTrustPolicy(let document):
            try await iam.updateAssumeRolePolicy(roleName: roleName, policyDocument: document)
        case .updateRole(let description, let seconds):
            try await iam.updateRole(name: roleName, description: description, maxSessionDuration: seconds)
        case .tagRole(let tags):
            try await iam.tagRole(name: roleName, tags: tags.map(\.wire))
        case .untagRole(let keys):
            try await iam.untagRole(name: roleName, tagKeys: keys)
        case .putPermissionsBoundary(let arn):
            try await iam.putRolePermissionsBoundary(roleName: roleName, policyArn: arn)
        case .deletePermissionsBoundary:
            try await alreadyDoneIfMissing { try await iam.deleteRolePermissionsBoundary(roleName: roleName) }
        case .attachPolicy(let arn):
            do {
                try await iam.attachRolePolicy(roleName: roleName, policyArn: arn)
            } catch where error.awsErrorCode == AWSErrorCode.entityAlreadyExists {
                // Already attached: what the step wanted.
            }
        case .detachPolicy(let arn):
            try await alreadyDoneIfMissing { try await iam.detachRolePolicy(roleName: roleName, policyArn: arn) }
        case .putInlinePolicy(let policy):
            // Replaces the document when the policy is there: a re-run is harmless.
            try await iam.putRolePolicy(roleName: roleName, policy: policy.wire)
        case .deleteInlinePolicy(let name):
            try await alreadyDoneIfMissing { try await iam.deleteRolePolicy(roleName: roleName, policyName: name) }
        case .createInstanceProfile(let name, let path):
            do {
                _ = try await iam.createInstanceProfile(name: name, path: path)
            } catch where error.awsErrorCode == AWSErrorCode.entityAlreadyExists {
                // Made by an earlier try whose reply was lost; the planner
                // saw it absent or empty, and adding the role checks again.
            }
        case .addRoleToInstanceProfile(let name):
            try await addRole(toInstanceProfile: name)
        case .removeFromInstanceProfile(let name):
            try await alreadyDoneIfMissing { try await iam.removeRoleFromInstanceProfile(instanceProfileName: name, roleName: roleName) }
        case .deleteInstanceProfile(let name):
            try await alreadyDoneIfMissing { try await iam.deleteInstanceProfile(name: name) }
        case .deleteRole:
            try await alreadyDoneIfMissing { try await iam.deleteRole(name: roleName) }
        case .unsupported(let change):
            throw StepFailure(step: step, code: StepFailure.unsupportedCode, message: change.detail)
        }
        return nil
    }

    /// IAM answers LimitExceeded when the profile already holds a role (one
    /// is its limit), also when it is this role after a lost reply: then
    /// the step is done; another role's is the error as IAM gave it.
    private func addRole(toInstanceProfile name: String) async throws {
        do {
            try await iam.addRoleToInstanceProfile(instanceProfileName: name, roleName: roleName)
        } catch where [AWSErrorCode.limitExceeded, AWSErrorCode.entityAlreadyExists].contains(error.awsErrorCode) {
            guard let profile = try? await iam.getInstanceProfile(name: name), profile.roleNames.contains(roleName) else { throw error }
        }
    }

    /// Removing what is not there (any more, after a lost reply or an
    /// earlier, interrupted run) is what the step wanted.
    private func alreadyDoneIfMissing(_ call: () async throws -> Void) async throws {
        do {
            try await call()
        } catch where error.awsErrorCode == AWSErrorCode.noSuchEntity {
        }
    }
}
