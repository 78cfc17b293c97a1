/// An IAM policy document (trust or permissions), as a value people and
/// programs can edit. Parse with `PolicyDocument.parse(_:)`, print with
/// `text`; elements IAM knows are typed, anything else is kept in
/// `otherMembers` so it survives a round trip.
public struct PolicyDocument: Sendable, Hashable {
    /// The policy language version; IAM accepts "2012-10-17" and "2008-10-17".
    public var version: String?
    /// The document's optional `Id`, a label for the author; kept as written.
    public var id: String?
    /// The statements in written order.
    public var statements: [PolicyStatement]
    /// Whether `Statement` was written as a single object rather than an array.
    public var statementWrittenAsObject: Bool
    /// Top-level members IAM's grammar does not name, in their original order.
    public var otherMembers: [JSONMember]

    /// The current policy language version.
    public static let currentVersion = "2012-10-17"
    /// The old version, whose lack of policy variables surprises people.
    public static let legacyVersion = "2008-10-17"

    /// Defaults to the current version and no statements, for building a policy in code.
    public init(
        version: String? = PolicyDocument.currentVersion, id: String? = nil,
        statements: [PolicyStatement] = [], statementWrittenAsObject: Bool = false,
        otherMembers: [JSONMember] = []
    ) {
        self.version = version
        self.id = id
        self.statements = statements
        self.statementWrittenAsObject = statementWrittenAsObject
        self.otherMembers = otherMembers
    }
}

/// Allow or Deny. IAM spells these with a capital letter and nothing else.
public enum Effect: String, Sendable, Hashable, CaseIterable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One statement of a policy.
public struct PolicyStatement: Sendable, Hashable {
    /// The statement's optional `Sid`; lint checks IAM's rules for it.
    public var sid: String?
    /// Whether the statement allows or denies.
    public var effect: Effect
    /// Who the statement is about; required in a trust policy, refused by IAM in an identity policy.
    public var principal: Principal?
    /// Everyone but these; IAM refuses it in a trust policy, and lint says so.
    public var notPrincipal: Principal?
    /// The actions covered, such as `sts:AssumeRole`; a statement has this or `notAction`.
    public var action: ValueList?
    /// Every action but these.
    public var notAction: ValueList?
    /// The resources covered; a trust policy has none, an identity policy's statement needs this or `notResource`.
    public var resource: ValueList?
    /// Every resource but these.
    public var notResource: ValueList?
    /// Condition clauses in written order; printing groups them by operator.
    public var conditions: [ConditionClause]
    /// Statement members IAM's grammar does not name, in their original order.
    public var otherMembers: [JSONMember]

    /// Defaults to an Allow with nothing else, for building a statement in code; nil elements are left out when printed.
    public init(
        sid: String? = nil, effect: Effect = .allow, principal: Principal? = nil,
        notPrincipal: Principal? = nil, action: ValueList? = nil, notAction: ValueList? = nil,
        resource: ValueList? = nil, notResource: ValueList? = nil,
        conditions: [ConditionClause] = [], otherMembers: [JSONMember] = []
    ) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.notPrincipal = notPrincipal
        self.action = action
        self.notAction = notAction
        self.resource = resource
        self.notResource = notResource
        self.conditions = conditions
        self.otherMembers = otherMembers
    }
}

/// A string or an array of strings, as IAM allows for Action, Resource and
/// principal values. Remembers which form was written, so printing keeps it.
public struct ValueList: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The values in written order.
    public var values: [String]
    /// Whether they were written as an array; a single value is then printed as one.
    public var writtenAsArray: Bool

    /// A single value prints as a plain string, several as an array.
    public init(_ values: [String]) {
        self.values = values
        writtenAsArray = values.count != 1
    }

    /// For the decoder and round trips: keeps the form the author wrote.
    public init(_ values: [String], writtenAsArray: Bool) {
        self.values = values
        self.writtenAsArray = writtenAsArray
    }

    /// `["sts:AssumeRole"]` in code prints as a plain string, as `init(_:)` does.
    public init(arrayLiteral elements: String...) {
        self.init(elements)
    }
}
