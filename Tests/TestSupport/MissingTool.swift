import Foundation
import Testing

/// The one way a test meets a tool it needs and does not have (tmux, moto,
/// python3 or one of its modules, terraform, the AWS CLI, cfn-lint): on a
/// developer's machine the test is cancelled, a visible skip with the reason
/// and how to install it; under `CI=true`, where `.ci/run` installs them all,
/// it is a failure. Never a silent pass.
public struct MissingTool: Error, CustomStringConvertible {
    public let what: String
    public let install: String

    public var description: String { "\(what) is missing (\(install))" }

    /// True when the run is CI's (`CI=true`): every tool must be there.
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Skips the test, or fails it under CI; never returns.
    public static func stop(_ what: String, install: String, required: Bool = MissingTool.required,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> Never {
        let missing = MissingTool(what: what, install: install)
        if required {
            Issue.record("\(missing), and CI=true requires it", sourceLocation: sourceLocation)
            throw missing
        }
        print("Skipping: \(missing)")
        try Test.cancel(Comment(rawValue: missing.description), sourceLocation: sourceLocation)
    }
}
