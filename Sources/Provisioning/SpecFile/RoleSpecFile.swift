import Foundation
internal import IAMClient

/// Role specs as files people write and keep in version control.
///
/// The schema (YAML shown; JSON uses the same names):
///
///     name: l4e-role                  # required; 1-64 of A-Z a-z 0-9 +=,.@_-
///     path: /                         # optional, default /
///     description: Lets Lookout for Equipment read S3 data
///     trust:                          # required; exactly one kind:
///       services: [sagemaker.amazonaws.com, lookoutequipment.amazonaws.com]
///       sourceAccount: true           #   optional: true (this account) or an account ID
///     # trust: {account: "123456789012", externalId: abc-123, requireMFA: true}   (account: self for this account)
///     # trust: {webIdentity: accounts.google.com, audience: my-client-id}
///     # trust: {webIdentity: token.actions.githubusercontent.com, github: {organization: octo-org, repository: octo-repo, branch: main}}
///     #   (repository and branch optional; audience defaults to sts.amazonaws.com)
///     # trust: {webIdentity: cognito-identity.amazonaws.com, audience: IDENTITY_POOL_ID, amr: authenticated}   (or unauthenticated)
///     # trust: {saml: arn:aws:iam::123456789012:saml-provider/Okta, audience: https://signin.aws.amazon.com/saml}
///     # trust: {policy: {Version: "2012-10-17", Statement: [...]}}   (or the policy as JSON text)
///     policies:                       # AWS managed policy names (with path if any) or ARNs
///       - AmazonS3FullAccess
///       - service-role/AWSGlueServiceRole
///     tags: {team: ml}                # key: value
///     maxSessionDuration: 3600        # seconds, 3600-43200
///     permissionsBoundary: PowerUserAccess   # a name or an ARN
///     inlinePolicies:                 # policy name: document (a mapping, or the policy as JSON text)
///       S3Read: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*"}]}
///
/// Unknown fields are errors (with a "did you mean"), so a typo is never silently ignored.
public enum RoleSpecFile {
    /// Reads a spec from text. `format` defaults to detection by `path`'s extension, then content.
    public static func decode(_ text: String, format: SpecFormat? = nil, path: String? = nil) throws(SpecFileError) -> LoadedRoleSpec {
        let format = format ?? SpecFormat.detect(path: path, text: text)
        let tree: ParsedJSON
        switch format {
        case .yaml:
            tree = try YAMLTree.parse(text)
        case .json:
            do {
                tree = try JSONParser.parse(text)
            } catch {
                throw SpecFileError(field: nil, message: "JSON syntax: \(error.message)", position: error.position)
            }
            if let (path, position) = tree.duplicateKeys.min(by: { $0.value < $1.value }) {
                throw SpecFileError(field: path.description, message: "is written twice", position: position)
            }
        }
        let spec = try RoleSpecDecoder(tree: tree).decode()
        return LoadedRoleSpec(spec: spec, format: format, fieldPositions: fieldPositions(in: tree, spec: spec))
    }

    /// Reads a spec file (bounded, see `InputFile`); the format comes from
    /// the extension, else the content. Throws `InputFileError` or `SpecFileError`.
    public static func load(from url: URL) throws -> LoadedRoleSpec {
        let text = try InputFile.read(url.path)
        return try decode(text, path: url.path)
    }

    /// The spec in the file schema as a JSON value, for embedding in other JSON output.
    public static func json(_ spec: RoleSpec) -> JSONValue {
        RoleSpecEncoder.json(spec)
    }

    /// The spec as file text in `format`, ending with a newline.
    public static func encode(_ spec: RoleSpec, format: SpecFormat) -> String {
        let value = RoleSpecEncoder.json(spec)
        switch format {
        case .json: return JSONPrinter.pretty(value) + "\n"
        case .yaml: return YAMLTree.serialize(value)
        }
    }

    /// Writes the spec; the format defaults to the one `url`'s extension names (YAML otherwise).
    public static func save(_ spec: RoleSpec, to url: URL, format: SpecFormat? = nil) throws {
        let format = format ?? SpecFormat.detect(path: url.path, text: "")
        try encode(spec, format: format).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Positions by the field names validation uses: the file's own paths
    /// (at the value when it is a single value, which is what a message is
    /// about, else at the key), plus `tags[i].key` / `tags[i].value`, since
    /// tags are a mapping in the file but a list in the spec.
    /// The paths of every value that is not an object or array.
    private static func leafPaths(of value: JSONValue, at path: JSONPath) -> [JSONPath] {
        switch value {
        case .object(let members): members.flatMap { leafPaths(of: $0.value, at: path.appending($0.key)) }
        case .array(let elements): elements.enumerated().flatMap { leafPaths(of: $1, at: path.appending($0)) }
        default: [path]
        }
    }

    private static func fieldPositions(in tree: ParsedJSON, spec: RoleSpec) -> [String: SourcePosition] {
        var positions: [String: SourcePosition] = [:]
        for (path, position) in tree.keyPositions { positions[path.description] = position }
        // The leaves in one walk (looking each path up would be quadratic
        // in a mapping's size).
        for path in leafPaths(of: tree.value, at: .root) {
            if let position = tree.valuePositions[path] { positions[path.description] = position }
        }
        let tagsPath = JSONPath.root.appending("tags")
        for (index, tag) in spec.tags.enumerated() {
            let tagPath = tagsPath.appending(tag.key)
            positions["tags[\(index)].key"] = tree.keyPositions[tagPath]
            positions["tags[\(index)].value"] = tree.valuePositions[tagPath]
        }
        // An inline policy's issues point at its name, where the policy starts.
        let inlinePath = JSONPath.root.appending("inlinePolicies")
        for policy in spec.inlinePolicies {
            positions[RoleSpec.inlinePolicyField(policy.name)] = tree.keyPositions[inlinePath.appending(policy.name)]
        }
        return positions
    }
}

/// A spec read from a file, with where each field was written.
public struct LoadedRoleSpec: Sendable {
    /// The role the file describes, its shape checked; IAM's rules are `validate()`'s to check.
    public var spec: RoleSpec
    /// Whether the text was read as YAML or JSON (given, or detected).
    public var format: SpecFormat
    /// Positions keyed by field name (`name`, `trust.services[1]`, `tags[0].value`).
    public var fieldPositions: [String: SourcePosition]

    /// Where `field` (as a `ValidationIssue` names it) was written, or its
    /// nearest enclosing field (`trust.services[3]` falls back to `trust.services`, then `trust`).
    public func position(ofField field: String) -> SourcePosition? {
        var name = Substring(field)
        while !name.isEmpty {
            if let position = fieldPositions[String(name)] { return position }
            guard let cut = name.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            name = name[..<cut]
        }
        return nil
    }

    /// Validation issues as errors that point into the file.
    public func validationErrors() -> [SpecFileError] {
        spec.validate().map { SpecFileError(field: $0.field, message: $0.message, position: position(ofField: $0.field)) }
    }
}
