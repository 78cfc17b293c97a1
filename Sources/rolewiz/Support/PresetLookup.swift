import Provisioning

extension RolePreset {
    /// The preset called `name`, or an error that lists every preset and
    /// suggests the nearest name, so a typo is one glance from fixed.
    static func lookup(_ name: String) throws -> RolePreset {
        guard let preset = named(name) else { throw InputError(unknownNameMessage(name)) }
        return preset
    }

    /// `there is no preset "x" (did you mean "y"?); presets: a, b, c`.
    static func unknownNameMessage(_ name: String) -> String {
        let names = all.map(\.id)
        let hint = DidYouMean.hint(for: name, among: names)
        return "there is no preset \"\(name)\"\(hint); presets: \(names.joined(separator: ", "))"
    }
}
