import Foundation
import Testing
import TestSupport

/// Runs `screenshots/generate --out DIR` (moto, tmux, the built binaries) and
/// checks every picture it promises exists, is a PNG of the right size, and that
/// its text twin shows the screen the scene waited for. The committed pictures
/// must cover exactly the scene list, so none can rot unnoticed.
@Suite("screenshots/generate", .heavy)
struct ScreenshotTests {
    static let root = Processes.packageRoot()
    static let committed = root.appendingPathComponent("screenshots")

    @Test func generatesEveryScene() async throws {
        _ = try await MotoServer.sharedOrSkip()
        try requireTool("tmux")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-shots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }

        let result = try await Processes.run(
            Self.committed.appendingPathComponent("generate"), arguments: ["--out", out.path, "--rolewiz", try Processes.rolewizExecutable().path],
            environment: Processes.minimalEnvironment(["CI": ProcessInfo.processInfo.environment["CI"] ?? ""]),
            timeout: 600)
        try #require(result.exitCode == 0, "screenshots/generate failed:\n\(result.stderr)")

        let manifestData = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        let manifest = try JSONDecoder().decode([ScreenshotManifestEntry].self, from: manifestData)
        let listed = try await listedScenes()
        #expect(manifest.map(\.name) == listed, "the manifest does not cover the scene list")
        #expect(Set(manifest.map(\.name)) == committedPictures(), "screenshots/*.png differ from the scene list; run screenshots/generate")
        for entry in manifest {
            try check(entry, in: out)
        }
    }

    private func check(_ entry: ScreenshotManifestEntry, in out: URL) throws {
        let png = try Data(contentsOf: out.appendingPathComponent(entry.name + ".png"))
        let size = try #require(pngSize(png), "\(entry.name).png is not a PNG")
        #expect(size.width == entry.width && size.height == entry.height,
                "\(entry.name).png is \(size.width)x\(size.height), expected \(entry.width)x\(entry.height)")
        #expect(size.width > entry.columns * 5 && size.height > entry.rows * 10, "\(entry.name).png is too small for its grid")

        let text = try String(contentsOf: out.appendingPathComponent(entry.name + ".txt"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= entry.rows, "\(entry.name).txt has more rows than the window")
        #expect(lines.allSatisfy { $0.count <= entry.columns }, "\(entry.name).txt has a row wider than the window")
        #expect(!entry.expect.isEmpty, "scene \(entry.name) waits for nothing")
        for wanted in entry.expect {
            #expect(text.contains(wanted), "\(entry.name).txt lacks \(wanted.debugDescription)")
        }
        let ansi = try String(contentsOf: out.appendingPathComponent(entry.name + ".ansi"), encoding: .utf8)
        #expect(ansi.contains("\u{1B}["), "\(entry.name).ansi has no escape sequences")
    }

    /// The scene names in order, as `screenshots/generate --list` prints them.
    private func listedScenes() async throws -> [String] {
        let result = try await Processes.run(
            Self.committed.appendingPathComponent("generate"), arguments: ["--list"],
            environment: Processes.minimalEnvironment(), timeout: 60)
        try #require(result.exitCode == 0, "screenshots/generate --list: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    private func committedPictures() -> Set<String> {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.committed.path)) ?? []
        return Set(files.filter { $0.hasSuffix(".png") }.map { String($0.dropLast(4)) })
    }

    /// A missing tool skips the test on a developer machine and fails it under CI.
    private func requireTool(_ name: String) throws {
        guard Processes.which(name) == nil else { return }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("\(name) is required under CI=true")
            throw ToolMissing(name: name)
        }
        try Test.cancel("\(name) is not installed")
    }
}

struct ToolMissing: Error, CustomStringConvertible {
    var name: String
    var description: String { "\(name) is not installed" }
}
