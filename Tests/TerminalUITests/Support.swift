import Foundation
import Testing
@testable import TerminalUI

/// wcwidth follows LC_CTYPE; the toolkit's real entry point sets it from
/// the environment, tests pin a UTF-8 locale once per process.
enum TestLocale {
    private static let installed: Bool = {
        setlocale(LC_ALL, "C.UTF-8") != nil
    }()

    static func utf8() {
        _ = installed
    }
}

/// Golden text snapshots under Tests/TerminalUITests/Golden. Set
/// UPDATE_GOLDEN=1 to (re)record them; a missing golden is recorded and
/// reported as a failure so it gets reviewed.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let recording = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (actual + "\n").write(to: file, atomically: true, encoding: .utf8)
            if !recording { Issue.record("Recorded missing golden \(name).txt; review and re-run", sourceLocation: sourceLocation) }
            return
        }
        #expect(actual + "\n" == expected, "golden \(name).txt differs:\n\(actual)", sourceLocation: sourceLocation)
    }
}

/// A ScreenStack on an in-memory grid: keys in, text out.
final class Harness<Message: Sendable> {
    let stack: ScreenStack<Message>
    private(set) var surface: GridSurface

    init(_ root: any Screen<Message>, size: Size = Size(columns: 80, rows: 24),
         theme: Theme = .monochrome, charset: Charset = .utf8) {
        TestLocale.utf8()
        stack = ScreenStack(root: root)
        surface = GridSurface(size: size, theme: theme, charset: charset)
        stack.draw(on: surface)
    }

    @discardableResult
    func press(_ keys: Key...) -> Harness {
        for key in keys { stack.handle(key) }
        stack.draw(on: surface)
        return self
    }

    func type(_ text: String) {
        for character in text { stack.handle(.character(character)) }
        stack.draw(on: surface)
    }

    func resize(to size: Size) {
        surface = GridSurface(size: size, theme: surface.theme, charset: surface.charset)
        stack.handle(.resize)
        stack.draw(on: surface)
    }

    var text: String { surface.text }
    var marked: String { surface.textWithAttributes }
}

/// Draws a single widget on a fresh grid.
func render(_ size: Size, theme: Theme = .monochrome, charset: Charset = .utf8,
            _ draw: (Canvas) -> Void) -> GridSurface {
    TestLocale.utf8()
    let surface = GridSurface(size: size, theme: theme, charset: charset)
    draw(Canvas(surface))
    return surface
}
