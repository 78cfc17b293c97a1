import Foundation

/// A ready-made role for a common job, to start the wizard from or create as is.
public struct RolePreset: Sendable, Hashable, Identifiable {
    /// The name to ask for it by (`lookout-equipment`).
    public var id: String
    /// One line on what the role is for.
    public var summary: String
    /// Where the recipe comes from, so people can check it.
    public var source: String
    /// The role itself, as a spec the wizard starts from or `create` resolves.
    public var spec: RoleSpec

    /// For the catalogue's presets and tests; `id` should be unique among `all`.
    public init(id: String, summary: String, source: String, spec: RoleSpec) {
        self.id = id
        self.summary = summary
        self.source = source
        self.spec = spec
    }

    /// What to know before using it: for now, services past (or nearing)
    /// their end of support, worded for `date`.
    public func warnings(asOf date: Date = Date(), catalogue: ServiceCatalogue = .standard) -> [String] {
        guard case .awsServices(let trust) = spec.trust else { return [] }
        return trust.services.compactMap { principal in
            guard let notice = catalogue.service(forPrincipal: principal)?.supportNotice(asOf: date) else { return nil }
            return "\(notice); the preset still creates the role, but the service may no longer use it"
        }
    }

    /// The preset called `id`, if there is one.
    public static func named(_ id: String) -> RolePreset? {
        all.first { $0.id == id }
    }
}
