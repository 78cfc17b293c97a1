import Foundation
import Testing
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

    /// Runs cfn-lint on each template (by file name) and expects no finding;
    /// cfn-lint missing is a failure under CI=true, else a skip.
    static func expectCfnLintClean(_ templates: [(name: String, text: String)]) async throws {
        guard let cfnLint = find("cfn-lint") else { try MissingTool.stop("cfn-lint", install: "pip install cfn-lint") }
        let directory = try temporaryDirectory()
        defer { remove(directory) }
        for (name, text) in templates {
            let file = directory.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try await Processes.run(cfnLint, arguments: [file.path], environment: Processes.minimalEnvironment())
            #expect(result.exitCode == 0, "cfn-lint \(name): \(result.stdout)\(result.stderr)")
        }
    }
}
