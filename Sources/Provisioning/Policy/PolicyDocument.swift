/// An IAM policy document (trust or permissions), as a value people and
/// programs can edit. Parse with `PolicyDocument.parse(_:)`, print with
/// `text`; elements IAM knows are typed, anything else is kept in
/// `otherMembers` so it survives a round trip.
public struct PolicyDocument: Sendable, Hashable {
    /// The policy language version; IAM accepts "2012-10-17" and "2008-10-17".
    public var version: String?
    public var id: String?
    public var statements: [PolicyStatement]
    /// Whether `Statement` was written as a single object rather than an array.
    public var statementWrittenAsObject: Bool
    /// Top-level members IAM's grammar does not name, in their original order.
    public var otherMembers: [JSONMember]

    /// The current policy language version.
    public static let currentVersion = "2012-10-17"
    /// The old version, whose lack of policy variables surprises people.
    public static let legacyVersion = "2008-10-17"

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
    public var sid: String?
    public var effect: Effect
    public var principal: Principal?
    public var notPrincipal: Principal?
    public var action: ValueList?
    public var notAction: ValueList?
    public var resource: ValueList?
    public var notResource: ValueList?
    /// Condition clauses in written order; printing groups them by operator.
    public var conditions: [ConditionClause]
    /// Statement members IAM's grammar does not name, in their original order.
    public var otherMembers: [JSONMember]

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
    public var values: [String]
    public var writtenAsArray: Bool

    /// A single value prints as a plain string, several as an array.
    public init(_ values: [String]) {
        self.values = values
        writtenAsArray = values.count != 1
    }

    public init(_ values: [String], writtenAsArray: Bool) {
        self.values = values
        self.writtenAsArray = writtenAsArray
    }

    public init(arrayLiteral elements: String...) {
        self.init(elements)
    }
}
