extension RoleSpec {
    /// The service principal EC2 assumes a role with, for an instance.
    public static let ec2ServicePrincipal = "ec2.amazonaws.com"

    /// The spec-file key, and the field validation issues name.
    public static let instanceProfileField = "instanceProfile"

    /// Whether the trust lets EC2 assume the role: only then can an instance
    /// use it, so only then is an instance profile worth having.
    public var ec2MayAssume: Bool {
        switch trust {
        case .awsServices(let services):
            return services.services.contains(where: Self.isEC2)
        case .customPolicy(let text):
            return ((try? PolicyDocument.parse(text))?.trustedServices ?? []).contains(where: Self.isEC2)
        case .awsAccount, .webIdentity, .saml:
            return false
        }
    }

    /// What `instanceProfile` means when not written: what the console does,
    /// a profile exactly for a role EC2 may assume.
    public var defaultInstanceProfile: Bool { ec2MayAssume }

    /// Whether the role should end up in an instance profile of its own name.
    public var wantsInstanceProfile: Bool { instanceProfile ?? defaultInstanceProfile }

    /// `instanceProfile: true` on a role EC2 cannot assume is refused rather
    /// than carried out: a profile hands the role to instances, which could
    /// never use it, so asking for one means the trust is not what was meant.
    func validateInstanceProfile() -> [ValidationIssue] {
        guard instanceProfile == true, !ec2MayAssume else { return [] }
        return [ValidationIssue(
            field: Self.instanceProfileField,
            message: "is true, but the trust does not let \(Self.ec2ServicePrincipal) assume the role, so no instance could use the profile; "
                + "trust \(Self.ec2ServicePrincipal) or remove instanceProfile")]
    }

    /// `ec2.amazonaws.com`, in any case, and its China form `ec2.amazonaws.com.cn`.
    private static func isEC2(_ service: String) -> Bool {
        let lowered = service.lowercased()
        return lowered == ec2ServicePrincipal || lowered == ec2ServicePrincipal + ".cn"
    }
}
