import Foundation
import Testing

/// Golden text snapshots kept beside a test target's sources, in a folder
/// Package.swift excludes from the build. Set `RECORD_GOLDEN=1` to
/// (re)record them after a deliberate change, then review the diff; a
/// missing golden is recorded and reported as a failure, so it is reviewed too.
public struct GoldenFiles: Sendable {
    public let directory: URL
    /// Whether each file ends with a newline after the text (as editors like to save them).
    public let endsWithNewline: Bool

    /// The `folder` next to the file that calls this (pass `#filePath`).
    public init(beside filePath: String, folder: String = "Goldens", endsWithNewline: Bool = true) {
        directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(folder)
        self.endsWithNewline = endsWithNewline
    }

    /// True when this run records goldens instead of checking them.
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Expects `actual` to be the golden `name`.txt (records it when recording, or when it is missing).
    public func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let text = endsWithNewline ? actual + "\n" : actual
        guard !Self.recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            if !Self.recording { Issue.record("Recorded missing golden \(name).txt; review and re-run", sourceLocation: sourceLocation) }
            return
        }
        #expect(text == expected, "golden \(name).txt differs:\n\(actual)", sourceLocation: sourceLocation)
    }
}
