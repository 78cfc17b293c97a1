/// What `export` can write a role as.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// The rolewiz spec file itself (written by the spec file model).
    case json
    /// A re-runnable POSIX shell script of AWS CLI calls.
    case cli
    /// A CloudFormation template (YAML) with one AWS::IAM::Role.
    case cloudformation
    /// Terraform: `aws_iam_role` and its policy attachments.
    case terraform
    /// A CloudFormation template (YAML) whose StackSet rolls the roles out
    /// to the accounts of organizational units, present and future.
    case stackset

    /// The usual file name extension for the output.
    public var fileExtension: String {
        switch self {
        case .json: "json"
        case .cli: "sh"
        case .cloudformation, .stackset: "yaml"
        case .terraform: "tf"
        }
    }
}

/// An export that could not be written, naming the field at fault.
public struct ExportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The spec field or option at fault, such as `format` or `trustPolicy`.
    public var field: String
    /// What is wrong with it, in words a person acts on.
    public var message: String

    /// Thrown by the exporters; tests build their own to compare.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`, as the CLI prints it.
    public var description: String { "\(field): \(message)" }
}
