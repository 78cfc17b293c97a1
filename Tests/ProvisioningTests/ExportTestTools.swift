import Foundation
import TestSupport

/// What the export tests need around the tools that check their output
/// (sh, cfn-lint, terraform), which may not be installed everywhere.
enum ExportTestTools {
    /// The tool on PATH, or nil.
    static func find(_ name: String) -> URL? {
        Processes.which(name)
    }

    /// Whether a missing tool is a failure (under CI=true) rather than a skip.
    static var toolsRequired: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// A new empty directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ directory: URL) {
        try? FileManager.default.removeItem(at: directory)
    }
}
