import Testing
@testable import TerminalUI

/// Whole-screen snapshots: sizes 80x24 and the minimum, colour (attribute
/// marks) and monochrome, UTF-8 and ASCII.
@Suite(.timeLimit(.minutes(10))) struct GoldenTests {
    static let variants: [(String, Size, Theme, Charset)] = [
        ("80x24-color-utf8", Size(columns: 80, rows: 24), .color, .utf8),
        ("80x24-mono-utf8", Size(columns: 80, rows: 24), .monochrome, .utf8),
        ("80x24-color-ascii", Size(columns: 80, rows: 24), .color, .ascii),
        ("80x24-mono-ascii", Size(columns: 80, rows: 24), .monochrome, .ascii),
        ("min-color-utf8", Size(columns: 60, rows: 16), .color, .utf8),
        ("min-mono-ascii", Size(columns: 60, rows: 16), .monochrome, .ascii),
    ]

    @Test(arguments: variants.indices)
    func formScreen(variant: Int) throws {
        let (name, size, theme, charset) = Self.variants[variant]
        let harness = Harness<String>(FormScreen(), size: size, theme: theme, charset: charset)
        try harness.type("ops-role")
        try harness.press(.tab, .down, .down, .space, .down, .space)
        Golden.check(harness.marked, named: "form-\(name)")
    }

    @Test(arguments: [0, 1, 3, 5])
    func editorScreen(variant: Int) throws {
        let (name, size, theme, charset) = Self.variants[variant]
        let harness = Harness<String>(EditorScreen(), size: size, theme: theme, charset: charset)
        try harness.press(.down, .down, .down, .right, .right, .right, .right)
        Golden.check(harness.marked, named: "editor-\(name)")
    }

    @Test func errorDialogOverForm() throws {
        let harness = Harness<String>(FormScreen(), theme: .color)
        try harness.press(.tab, .function(3))
        Golden.check(harness.marked, named: "dialog-error-80x24-color-utf8")
    }

    @Test func helpOverlay() throws {
        let harness = Harness<String>(FormScreen(), charset: .ascii)
        try harness.press(.tab, .character("?"))
        Golden.check(harness.text, named: "help-80x24-mono-ascii")
    }

    @Test func tooSmallNotice() throws {
        let harness = Harness<String>(FormScreen(), size: Size(columns: 40, rows: 10))
        Golden.check(harness.marked, named: "too-small-40x10-mono-utf8")
    }

    @Test(arguments: [Charset.utf8, .ascii])
    func progressList(charset: Charset) throws {
        let progress = ProgressList(steps: [
            ProgressStep(title: "Create role", state: .succeeded, detail: "arn:aws:iam::123:role/x"),
            ProgressStep(title: "Attach policy", state: .running),
            ProgressStep(title: "Tag role", state: .failed("AccessDenied: not allowed to tag")),
            ProgressStep(title: "Verify", state: .pending),
            ProgressStep(title: "Cleanup", state: .skipped),
        ])
        progress.tick()
        let surface = render(Size(columns: 50, rows: 7), theme: .color, charset: charset) { progress.draw($0) }
        Golden.check(surface.textWithAttributes, named: "progress-\(charset == .utf8 ? "utf8" : "ascii")")
    }
}
