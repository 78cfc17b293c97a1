import Foundation

/// The AWS Organizations API (JSON 1.1, target `AWSOrganizationsV20161128`),
/// signed for service `organizations`: only what a multi-account run reads,
/// the accounts of the organization or of some of its units.
public struct OrganizationsService: Sendable {
    /// The `X-Amz-Target` prefix of every call (`AWSOrganizationsV20161128.ListAccounts`).
    public static let targetPrefix = "AWSOrganizationsV20161128"

    /// Signs, sends and retries each call against the Organizations endpoint.
    public let client: ServiceClient

    /// The client must speak JSON 1.1 with `targetPrefix`, as `AWSSession` builds it.
    public init(client: ServiceClient) {
        self.client = client
    }

    /// Every account of the organization, following `NextToken` to the end.
    /// Needs the management account or a delegated administrator.
    public func listAccounts() async throws -> [OrganizationAccount] {
        try await paginate("ListAccounts", [:], list: "Accounts", decode: OrganizationAccount.init(json:))
    }

    /// The accounts directly under `parentId` (a root `r-…` or a unit `ou-…`).
    public func listAccounts(parentId: String) async throws -> [OrganizationAccount] {
        try await paginate("ListAccountsForParent", ["ParentId": parentId], list: "Accounts", decode: OrganizationAccount.init(json:))
    }

    /// The IDs of the organizational units directly under `parentId`.
    public func listOrganizationalUnitIds(parentId: String) async throws -> [String] {
        try await paginate("ListOrganizationalUnitsForParent", ["ParentId": parentId], list: "OrganizationalUnits") { unit in
            try OrganizationAccount.requiredString("Id", in: unit, of: "OrganizationalUnits")
        }
    }

    /// The accounts under `parentId` and under every unit below it, each once.
    public func listAccounts(underParent parentId: String) async throws -> [OrganizationAccount] {
        var accounts: [OrganizationAccount] = []
        var seen = Set<String>()
        var parents = [parentId]
        var visited = Set<String>()
        while let parent = parents.popLast() {
            // A unit tree is a tree; a server that answers with a cycle must not loop us.
            guard visited.insert(parent).inserted else { continue }
            for account in try await listAccounts(parentId: parent) where seen.insert(account.id).inserted {
                accounts.append(account)
            }
            parents.append(contentsOf: try await listOrganizationalUnitIds(parentId: parent).reversed())
        }
        return accounts
    }

    /// Follows `NextToken` until a page has none. A token that comes back
    /// twice is a server fault, reported instead of looped on.
    func paginate<Item>(
        _ action: String, _ input: [String: any Sendable], list: String, decode: @escaping ([String: Any]) throws -> Item
    ) async throws -> [Item] {
        var all: [Item] = []
        var token: String?
        var tokens = Set<String>()
        repeat {
            var page = input
            if let token { page["NextToken"] = token }
            let (items, next) = try await client.callJSON(action, page) { object -> ([Item], String?) in
                guard let members = object[list] as? [Any] else { throw JSONShapeError(reason: "the answer has no \(list) list") }
                let items = try members.enumerated().map { index, member in
                    guard let member = member as? [String: Any] else {
                        throw JSONShapeError(reason: "\(list)[\(index)] is not an object")
                    }
                    return try decode(member)
                }
                guard let next = object["NextToken"] as? String, !next.isEmpty else { return (items, nil) }
                guard tokens.insert(next).inserted else { throw JSONShapeError(reason: "the same NextToken came twice") }
                return (items, next)
            }
            all.append(contentsOf: items)
            token = next
        } while token != nil
        return all
    }
}

/// One member account of an organization, as `ListAccounts` describes it.
public struct OrganizationAccount: Sendable, Hashable {
    /// The 12-digit account ID.
    public var id: String
    /// The account's name as set in Organizations; empty when the answer has none.
    public var name: String
    /// `ACTIVE`, `SUSPENDED` or `PENDING_CLOSURE` (the newer `State` when sent,
    /// which adds `PENDING_ACTIVATION` and `CLOSED`).
    public var status: String

    /// Fakes and tests build this directly; answers are decoded in this module.
    public init(id: String, name: String, status: String) {
        self.id = id
        self.name = name
        self.status = status
    }

    /// Only an active account can be signed in to and changed.
    public var isActive: Bool { status == "ACTIVE" }

    init(json: [String: Any]) throws {
        id = try Self.requiredString("Id", in: json, of: "Accounts")
        name = json["Name"] as? String ?? ""
        status = (json["State"] as? String) ?? (json["Status"] as? String) ?? ""
    }

    static func requiredString(_ key: String, in object: [String: Any], of list: String) throws -> String {
        guard let value = object[key] as? String, !value.isEmpty else {
            throw JSONShapeError(reason: "an entry of \(list) has no \(key)")
        }
        return value
    }
}
