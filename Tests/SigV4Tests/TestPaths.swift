import Foundation

/// Locations found from this file's path, so the tests run from any working
/// directory and need no bundled resources.
enum TestPaths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// `Tests/SigV4Tests/` -> package root.
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// The official suite lives beside the package, not in it: `../shared/conformance/sigv4`.
    static let conformanceSuite = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/sigv4", isDirectory: true)
        .standardizedFileURL

    /// Written by `Vectors/generate.py` with botocore.
    static let botocoreVectors = testsFolder.appendingPathComponent("Vectors/vectors.json")
}
