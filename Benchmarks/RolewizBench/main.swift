import Foundation

/// rolewiz-bench: the Swift side of `Benchmarks/run`. It prints numbers and asserts nothing.
///
///     rolewiz-bench sign COUNT            signs COUNT IAM requests, prints requests per second
///     rolewiz-bench filter NAMES QUERY... types each query into a ListView of the names, per-keystroke times
///     rolewiz-bench lint TRUST IDENTITY N lints each policy file N times, per-run times
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "sign":
    let count = arguments.count > 1 ? Int(arguments[1]) ?? 20_000 : 20_000
    SigningBenchmark.run(count: count)
case "filter" where arguments.count > 1:
    FilterBenchmark.run(namesFile: arguments[1], queries: Array(arguments.dropFirst(2)))
case "lint" where arguments.count > 3:
    LintBenchmark.run(trustFile: arguments[1], identityFile: arguments[2], count: Int(arguments[3]) ?? 1000)
default:
    FileHandle.standardError.write(Data("usage: rolewiz-bench sign COUNT | filter NAMES QUERY... | lint TRUST IDENTITY N\n".utf8))
    exit(2)
}
