/// The JSON form of an apply's outcome (`rolewiz apply --output json`):
///
///     {"status": "failed", "roleArn": "...",
///      "completed": [{"action": "CreateRole", "step": "create role l4e-role"}],
///      "failures": [{"action": "AttachRolePolicy", "step": "attach ...", "code": "NoSuchEntity", "message": "...", "requestId": "..."}],
///      "notStarted": [...]}
extension ApplyResult: Encodable {
    private enum Key: String, CodingKey {
        case status, roleArn, completed, failures, notStarted
    }

    /// Writes the object shown above; `roleArn` is left out when the role was never made.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(roleArn, forKey: .roleArn)
        try container.encode(completed, forKey: .completed)
        try container.encode(failures, forKey: .failures)
        try container.encode(notStarted, forKey: .notStarted)
    }
}

extension ApplyStep: Encodable {
    private enum Key: String, CodingKey {
        case action, step
    }

    /// Writes `{"action": ..., "step": ...}`: the IAM action and the step in words.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(action, forKey: .action)
        try container.encode(description, forKey: .step)
    }
}

extension StepFailure: Encodable {
    private enum Key: String, CodingKey {
        case action, step, code, message, requestId
    }

    /// Writes the step as `ApplyStep` does, with the error code, message and, when IAM answered, its request ID.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(step.action, forKey: .action)
        try container.encode(step.description, forKey: .step)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(awsError?.requestId, forKey: .requestId)
    }
}
