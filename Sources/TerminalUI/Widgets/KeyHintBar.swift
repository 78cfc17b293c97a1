/// The bottom line of key hints (`F1/? Help  Space Toggle ...`), generated
/// from the same `KeyHint`s that describe the screen's key table. When the
/// line is too narrow, screen hints are dropped from the end; the pinned
/// (global) ones stay.
public enum KeyHintBar {
    public static func draw(_ canvas: Canvas, hints: [KeyHint], pinned: [KeyHint]) {
        guard canvas.rows > 0 else { return }
        canvas.fill(style: .normal)
        var shown = hints.filter(\.showsInBar)
        let pinnedShown = pinned.filter(\.showsInBar)
        while !shown.isEmpty && width(of: shown + pinnedShown) > canvas.columns { shown.removeLast() }
        var x = 0
        for hint in shown + pinnedShown {
            guard x < canvas.columns else { break }
            x += canvas.text(hint.keyNames, at: Point(x: x, y: 0), style: .hintKey)
            x += canvas.text(" " + hint.label, at: Point(x: x, y: 0), style: .hintLabel)
            x += 2
        }
    }

    static func width(of hints: [KeyHint]) -> Int {
        hints.map { DisplayWidth.of($0.keyNames) + 1 + DisplayWidth.of($0.label) + 2 }.reduce(0, +) - 2
    }
}
