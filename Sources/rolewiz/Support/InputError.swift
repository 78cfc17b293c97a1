/// Input rolewiz cannot use (an unknown preset, a spec file that does not
/// parse, a role IAM would reject), found before any AWS call. Reported as
/// one `error:` line per problem, each naming the flag, the field or the
/// file:line:column, with exit code 2.
struct InputError: Error, CustomStringConvertible {
    var problems: [String]

    init(_ problems: [String]) {
        self.problems = problems
    }

    init(_ problem: String) {
        self.init([problem])
    }

    var description: String { problems.joined(separator: "\n") }
}
