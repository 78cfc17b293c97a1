import Provisioning

/// `--tag KEY=VALUE`: split at the first `=`, so values may hold `=` themselves.
enum TagArgument {
    static func parse(_ argument: String) throws -> RoleTag {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw InputError("--tag \"\(argument)\": expected KEY=VALUE, such as --tag team=ml (the value may be empty: --tag team=)")
        }
        return RoleTag(key: String(argument[..<equals]), value: String(argument[argument.index(after: equals)...]))
    }
}
