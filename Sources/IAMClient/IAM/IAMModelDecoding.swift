import Foundation
import SigV4

// Decoding of IAM's XML shapes into the API models. Policy documents arrive
// percent-encoded (RFC 3986) and are decoded here, so callers see JSON text.

extension Role {
    init(xml: ResponseElement) throws {
        self.init(
            roleName: try xml.requiredText("RoleName"),
            roleId: try xml.requiredText("RoleId"),
            arn: try xml.requiredText("Arn"),
            path: xml.text("Path") ?? "/",
            createDate: xml.date("CreateDate"),
            assumeRolePolicyDocument: PercentEncoding.decode(xml.text("AssumeRolePolicyDocument") ?? ""),
            description: xml.text("Description"),
            maxSessionDuration: xml.int("MaxSessionDuration"),
            permissionsBoundaryArn: xml.child("PermissionsBoundary")?.text("PermissionsBoundaryArn"),
            tags: try xml.members(of: "Tags").map(Tag.init(xml:)),
            roleLastUsed: xml.child("RoleLastUsed").map(RoleLastUsed.init(xml:)))
    }
}

extension RoleLastUsed {
    init(xml: ResponseElement) {
        self.init(lastUsedDate: xml.date("LastUsedDate"), region: xml.text("Region"))
    }
}

extension Tag {
    init(xml: ResponseElement) throws {
        self.init(key: try xml.requiredText("Key"), value: xml.text("Value") ?? "")
    }
}

extension AttachedPolicy {
    init(xml: ResponseElement) throws {
        self.init(policyName: try xml.requiredText("PolicyName"), policyArn: try xml.requiredText("PolicyArn"))
    }
}

extension ManagedPolicy {
    init(xml: ResponseElement) throws {
        self.init(
            policyName: try xml.requiredText("PolicyName"),
            policyId: xml.text("PolicyId") ?? "",
            arn: try xml.requiredText("Arn"),
            path: xml.text("Path") ?? "/",
            defaultVersionId: xml.text("DefaultVersionId") ?? "v1",
            attachmentCount: xml.int("AttachmentCount") ?? 0,
            isAttachable: xml.bool("IsAttachable") ?? true,
            description: xml.text("Description"),
            createDate: xml.date("CreateDate"),
            updateDate: xml.date("UpdateDate"))
    }
}

extension InlinePolicy {
    /// GetRolePolicyResult's fields.
    init(xml: ResponseElement) throws {
        self.init(name: try xml.requiredText("PolicyName"), document: PercentEncoding.decode(try xml.requiredText("PolicyDocument")))
    }
}

extension InstanceProfile {
    init(xml: ResponseElement) throws {
        self.init(
            name: try xml.requiredText("InstanceProfileName"), arn: try xml.requiredText("Arn"), path: xml.text("Path") ?? "/",
            roleNames: try xml.members(of: "Roles").map { try $0.requiredText("RoleName") })
    }
}

extension PolicyVersion {
    init(xml: ResponseElement) throws {
        self.init(
            versionId: try xml.requiredText("VersionId"),
            document: PercentEncoding.decode(try xml.requiredText("Document")),
            isDefaultVersion: xml.bool("IsDefaultVersion") ?? false,
            createDate: xml.date("CreateDate"))
    }
}
