import Foundation
import Testing
import TestSupport
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

/// Golden text snapshots in Tests/TerminalUITests/Goldens (`RECORD_GOLDEN=1` records them).
enum Golden {
    static let files = GoldenFiles(beside: #filePath)

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        files.check(actual, named: name, sourceLocation: sourceLocation)
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

    func press(_ keys: Key...) throws {
        for key in keys { try stack.handle(key) }
        stack.draw(on: surface)
    }

    func type(_ text: String) throws {
        for character in text { try stack.handle(.character(character)) }
        stack.draw(on: surface)
    }

    func resize(to size: Size) throws {
        surface = GridSurface(size: size, theme: surface.theme, charset: surface.charset)
        try stack.handle(.resize)
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
