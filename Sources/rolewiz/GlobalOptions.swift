import ArgumentParser

/// Options every command takes, so `rolewiz CMD --profile dev` works everywhere.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Use this profile from ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    @Option(help: "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1).")
    var region: String?

    @Option(help: ArgumentHelp("Send IAM and STS calls here (http:// only for loopback hosts).", valueName: "url"))
    var endpointURL: String?

    @Flag(help: "Log each request's action, status, attempt and request id to stderr (secrets redacted).")
    var debug = false

    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    @Option(help: "How many times to try a call that failed for a reason worth retrying.")
    var maxAttempts: Int?

    @Option(help: ArgumentHelp(
        "Give up on AWS after this many seconds in all, retries included (default 600; the wizard has no limit unless given).",
        valueName: "seconds"))
    var timeout: Int?
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
