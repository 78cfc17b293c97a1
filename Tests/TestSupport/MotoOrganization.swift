import Foundation
import Testing

/// An AWS Organization made in a moto server with boto3 (rolewiz itself only
/// reads Organizations): the management account (moto's default,
/// 123456789012), member accounts each with the `OrganizationAccountAccessRole`
/// moto creates, an organizational unit holding some of them through a
/// nested unit, and accounts closed (suspended) if asked.
///
/// An organization is one per moto server, so each test that makes one
/// starts a moto of its own.
public struct MotoOrganization: Codable, Sendable {
    public var management: String
    public var root: String
    /// Every member account made, in order of creation (closed ones too).
    public var members: [String]
    /// The unit `prod`; `nested` is inside it.
    public var unit: String
    public var nested: String
    /// Members moved into `unit` and into `nested`.
    public var inUnit: [String]
    public var inNested: [String]
    public var closed: [String]

    struct Request: Codable {
        var endpoint: String
        var members: Int
        var inUnit: Int
        var inNested: Int
        var closed: Int
    }

    static let script = #"""
        import json, os, sys
        import boto3
        request = json.load(sys.stdin)
        os.environ.update({"AWS_EC2_METADATA_DISABLED": "true"})
        client = boto3.client("organizations", endpoint_url=request["endpoint"], region_name="us-east-1",
                              aws_access_key_id="AKIAORGSETUP", aws_secret_access_key="org-setup-secret")
        management = client.create_organization(FeatureSet="ALL")["Organization"]["MasterAccountId"]
        members = [client.create_account(Email="member%d@example.com" % i, AccountName="member-%d" % i)
                   ["CreateAccountStatus"]["AccountId"] for i in range(request["members"])]
        root = client.list_roots()["Roots"][0]["Id"]
        unit = client.create_organizational_unit(ParentId=root, Name="prod")["OrganizationalUnit"]["Id"]
        nested = client.create_organizational_unit(ParentId=unit, Name="prod-eu")["OrganizationalUnit"]["Id"]
        in_unit = members[:request["inUnit"]]
        in_nested = members[request["inUnit"]:request["inUnit"] + request["inNested"]]
        for account in in_unit:
            client.move_account(AccountId=account, SourceParentId=root, DestinationParentId=unit)
        for account in in_nested:
            client.move_account(AccountId=account, SourceParentId=root, DestinationParentId=nested)
        closed = members[len(members) - request["closed"]:] if request["closed"] else []
        for account in closed:
            client.close_account(AccountId=account)
        json.dump({"management": management, "root": root, "members": members, "unit": unit, "nested": nested,
                   "inUnit": in_unit, "inNested": in_nested, "closed": closed}, sys.stdout)
        """#

    /// Makes the organization in `moto` (each CreateAccount takes moto a few seconds).
    public static func create(
        in moto: MotoServer, members: Int, inUnit: Int = 0, inNested: Int = 0, closed: Int = 0
    ) async throws -> MotoOrganization {
        let request = Request(endpoint: moto.endpoint.absoluteString, members: members, inUnit: inUnit, inNested: inNested, closed: closed)
        return try await PythonOracle.answer(script, for: request, as: MotoOrganization.self, timeout: 300)
    }

    /// The members that are not closed.
    public var activeMembers: [String] { members.filter { !closed.contains($0) } }
}
