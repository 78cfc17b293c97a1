import Foundation
import IAMClient
import Provisioning

/// Plans and applies the lookout-equipment preset the way `rolewiz apply
/// --preset lookout-equipment --yes` does (a session from the environment,
/// plan, apply), for the end-to-end benchmark while that command is missing.
enum PresetApply {
    static func run(_ arguments: [String]) async -> Int32 {
        var endpoint: String?
        var roleName = "l4e-role"
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--endpoint-url": endpoint = rest.popFirst()
            case "--role-name": roleName = rest.popFirst() ?? roleName
            default: break
            }
        }
        do {
            let session = try AWSSession.resolve(ClientOptions(
                endpointURL: endpoint, environment: ProcessInfo.processInfo.environment))
            var spec = RolePreset.lookoutEquipment.spec
            spec.name = roleName
            let desired = try spec.resolve(partition: session.partition.name, accountId: "123456789012")
            let plan = try await Planner(iam: session.iam).plan(for: desired)
            let result = await Applier(iam: session.iam).apply(plan)
            print(result.summary)
            return result.status == .succeeded ? 0 : 1
        } catch {
            FileHandle.standardError.write(Data("rolewiz-bench apply: \(error)\n".utf8))
            return 1
        }
    }
}
