import ArgumentParser
import Provisioning

/// `rolewiz presets [NAME]`: the ready-made roles, or one of them as a spec file.
struct Presets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the preset roles, or print one as a spec file to edit and plan.",
        discussion: "Example: rolewiz presets lookout-equipment > l4e-role.yaml. Makes no AWS calls."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A preset to print as a spec file (YAML; JSON with --output json).")
    var name: String?

    func run() throws {
        guard let name else {
            list()
            return
        }
        guard let preset = RolePreset.named(name) else {
            throw ValidationError(RolePreset.unknownNameMessage(name))
        }
        switch global.output {
        case .json:
            Console.json(JSONPrinter.pretty(Self.json(for: preset)))
        case .text:
            var header = ["# \(preset.id): \(preset.summary)", "# Source: \(preset.source)"]
            header += preset.warnings().map { "# Warning: \($0)" }
            Console.out(header.joined(separator: "\n"))
            Console.out(RoleSpecFile.encode(preset.spec, format: .yaml), terminator: "")
        }
    }

    private func list() {
        switch global.output {
        case .json:
            Console.json(JSONPrinter.pretty(.array(RolePreset.all.map(Self.json))))
        case .text:
            let width = RolePreset.all.map(\.id.count).max() ?? 0
            for preset in RolePreset.all {
                let padding = String(repeating: " ", count: width - preset.id.count)
                Console.out("\(preset.id)\(padding)  \(preset.summary)")
                Console.out("\(String(repeating: " ", count: width))    source: \(preset.source)")
                for warning in preset.warnings() {
                    Console.out("\(String(repeating: " ", count: width))    warning: \(warning)")
                }
            }
        }
    }

    static func json(for preset: RolePreset) -> JSONValue {
        .object([
            JSONMember("name", .string(preset.id)),
            JSONMember("roleName", .string(preset.spec.name)),
            JSONMember("description", .string(preset.summary)),
            JSONMember("source", .string(preset.source)),
            JSONMember("warnings", .array(preset.warnings().map(JSONValue.string))),
            JSONMember("spec", RoleSpecFile.json(preset.spec)),
        ])
    }
}
