/// Who a statement is about: everyone (`"*"`), or principals by kind.
public enum Principal: Sendable, Hashable {
    /// `"Principal": "*"`.
    case anyone
    /// `"Principal": {"Service": ..., "AWS": ...}`, entries in written order.
    case entries([PrincipalEntry])

    /// A principal of only AWS services.
    public static func services(_ names: [String]) -> Principal {
        .entries([PrincipalEntry(kind: .service, values: ValueList(names))])
    }

    /// Every value of one kind, in written order.
    public func values(of kind: PrincipalKind) -> [String] {
        guard case .entries(let entries) = self else { return [] }
        return entries.filter { $0.kind == kind }.flatMap(\.values.values)
    }

    /// True for `"*"` and for `{"AWS": "*"}`, which IAM treats the same: anyone at all.
    public var includesAnyone: Bool {
        switch self {
        case .anyone: true
        case .entries: values(of: .aws).contains("*")
        }
    }

    /// The kinds present, in written order.
    public var kinds: [PrincipalKind] {
        guard case .entries(let entries) = self else { return [] }
        return entries.map(\.kind)
    }
}

/// One `"Kind": value-or-values` member of a principal object.
public struct PrincipalEntry: Sendable, Hashable {
    /// The kind, such as `Service`, `AWS` or `Federated`.
    public var kind: PrincipalKind
    /// The principals of that kind, as a string or an array as written.
    public var values: ValueList

    /// For building a principal in code; the decoder builds them from the text.
    public init(kind: PrincipalKind, values: ValueList) {
        self.kind = kind
        self.values = values
    }
}

/// The principal kinds IAM's grammar allows.
public enum PrincipalKind: String, Sendable, Hashable, CaseIterable {
    case aws = "AWS"
    case service = "Service"
    case federated = "Federated"
    case canonicalUser = "CanonicalUser"
}
