import Foundation
import Provisioning

/// Times the linter the editors run on every key: a trust policy and an
/// identity policy read from files, each linted `count` times, median and p99.
enum LintBenchmark {
    static func run(trustFile: String, identityFile: String, count: Int) {
        guard let trust = try? String(contentsOfFile: trustFile, encoding: .utf8),
              let identity = try? String(contentsOfFile: identityFile, encoding: .utf8) else {
            FileHandle.standardError.write(Data("rolewiz-bench lint: cannot read \(trustFile) or \(identityFile)\n".utf8))
            exit(1)
        }
        let trustLinter = TrustPolicyLinter()
        let identityLinter = IdentityPolicyLinter()
        // The generated tables are parsed on first use; the editor pays that once per run, not per key.
        _ = trustLinter.lint(trustPolicy: trust)
        _ = identityLinter.lint(policy: identity)
        let trustTimes = times(count) { _ = trustLinter.lint(trustPolicy: trust) }
        let identityTimes = times(count) { _ = identityLinter.lint(policy: identity) }
        print(String(format: "trust_bytes %d trust_median_ms %.4f trust_p99_ms %.4f identity_bytes %d identity_median_ms %.4f identity_p99_ms %.4f",
                     trust.utf8.count, trustTimes.median, trustTimes.p99, identity.utf8.count, identityTimes.median, identityTimes.p99))
    }

    private static func times(_ count: Int, _ body: () -> Void) -> (median: Double, p99: Double) {
        let clock = ContinuousClock()
        var elapsed = (0..<count).map { _ in
            let duration = clock.measure(body)
            return Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        }
        elapsed.sort()
        return (elapsed[elapsed.count / 2], elapsed[min(elapsed.count - 1, elapsed.count * 99 / 100)])
    }
}
