import Foundation
internal import IAMClient

/// An AWS service that assumes roles, as the trusted-entity step lists it.
public struct ServiceInfo: Sendable, Hashable {
    /// The service principal, for example `sagemaker.amazonaws.com`.
    public var principal: String
    /// The service's name as people know it, for pickers and messages (`Amazon SageMaker`).
    public var displayName: String
    /// One line on what the service does with the role.
    public var purpose: String
    /// The day AWS ends (or ended) support, `YYYY-MM-DD`, when announced.
    public var endOfSupport: String?
    /// Other names people search for ("step functions", "kinesis").
    public var keywords: [String]

    /// `endOfSupport` as `YYYY-MM-DD`, which `supportNotice` compares as text.
    public init(principal: String, displayName: String, purpose: String, endOfSupport: String? = nil, keywords: [String] = []) {
        self.principal = principal
        self.displayName = displayName
        self.purpose = purpose
        self.endOfSupport = endOfSupport
        self.keywords = keywords
    }

    /// A sentence about the end of support, worded for `date`'s side of it; nil when none is announced.
    public func supportNotice(asOf date: Date = Date()) -> String? {
        guard let endOfSupport else { return nil }
        // Days as `YYYY-MM-DD` in UTC compare as text.
        return AWSTimestamp.day(date) >= endOfSupport
            ? "AWS ended support for \(displayName) on \(endOfSupport)"
            : "AWS ends support for \(displayName) on \(endOfSupport)"
    }
}

/// The services rolewiz knows by name: for picking one, and for spotting a
/// misspelt principal.
public struct ServiceCatalogue: Sendable {
    /// Every service known, in the order a picker lists them.
    public var services: [ServiceInfo]

    /// A catalogue of one's own, for tests; `standard` is the one rolewiz uses.
    public init(services: [ServiceInfo]) {
        self.services = services
    }

    /// The hand-kept catalogue (with what each service does with a role)
    /// first, then every other service principal of the generated list
    /// (`generate-service-principals.py`) by its service's name: what the
    /// trusted-entity step offers, so no service needs hand-written JSON.
    public static let everyService: ServiceCatalogue = {
        let curated = ServiceCatalogue.standard.services
        let known = Set(curated.map { ServicePrincipal.stem($0.principal) })
        let generated = ServicePrincipal.generatedServices
            .filter { !known.contains(ServicePrincipal.stem($0.principal)) }
            .sorted { ($0.name.lowercased(), $0.principal) < ($1.name.lowercased(), $1.principal) }
            .map { ServiceInfo(principal: $0.principal, displayName: $0.name, purpose: "") }
        return ServiceCatalogue(services: curated + generated)
    }()

    /// The entry for a principal (ignoring case and a China `.cn` suffix).
    public func service(forPrincipal principal: String) -> ServiceInfo? {
        let stem = ServicePrincipal.stem(principal.lowercased())
        return services.first { ServicePrincipal.stem($0.principal) == stem }
    }

    /// Services whose principal, name or keywords contain `query` (ignoring
    /// case and spaces), in catalogue order; the close misspellings when
    /// nothing contains it. An empty query lists everything.
    public func search(_ query: String) -> [ServiceInfo] {
        let needle = Self.squeezed(query)
        guard !needle.isEmpty else { return services }
        let found = services.filter { service in
            ([service.principal, service.displayName] + service.keywords).contains { Self.squeezed($0).contains(needle) }
        }
        return found.isEmpty ? suggestions(for: query) : found
    }

    /// Services a typo probably meant, closest first: edit distance over the
    /// principal, its stem and the display name.
    public func suggestions(for typo: String) -> [ServiceInfo] {
        let lowered = typo.lowercased()
        let typoStem = ServicePrincipal.stem(lowered)
        let scored: [(ServiceInfo, Int)] = services.compactMap { service in
            let names = [service.principal, ServicePrincipal.stem(service.principal), Self.squeezed(service.displayName),
                Self.squeezed(Self.withoutVendor(service.displayName))] + service.keywords.map(Self.squeezed)
            let distance = names.map { min(DidYouMean.editDistance(lowered, $0), DidYouMean.editDistance(typoStem, $0)) }.min()!
            let allowance = max(1, min(typoStem.count / 3, 4))
            return distance <= allowance && service.principal != lowered ? (service, distance) : nil
        }
        return scored.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// Lower case with spaces, hyphens and parentheses removed, so "Step Functions" finds "stepfunctions".
    static func squeezed(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "." })
    }

    private static func withoutVendor(_ name: String) -> String {
        for prefix in ["Amazon ", "AWS "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }
}
