/// The bottom line of key hints (`F1/? Help  Space Toggle ...`), generated
/// from the same `KeyHint`s that describe the screen's key table. When the
/// line is too narrow, screen hints are dropped from the end; the pinned
/// (global) ones stay, and Help then says how many keys it lists that the
/// bar could not show, so none is out of sight without a way to find it.
public enum KeyHintBar {
    /// Draws `hints` then `pinned` on the canvas's first row, dropping screen hints that do not fit.
    public static func draw(_ canvas: Canvas, hints: [KeyHint], pinned: [KeyHint]) {
        guard canvas.rows > 0 else { return }
        canvas.fill(style: .normal)
        let (shown, pinnedShown) = fitted(hints: hints, pinned: pinned, columns: canvas.columns)
        var x = 0
        for hint in shown + pinnedShown {
            guard x < canvas.columns else { break }
            x += canvas.text(hint.keyNames, at: Point(x: x, y: 0), style: .hintKey)
            x += canvas.text(" " + hint.label, at: Point(x: x, y: 0), style: .hintLabel)
            x += 2
        }
    }

    /// The hints that fit in `columns`, Help relabelled with what was left out.
    static func fitted(hints: [KeyHint], pinned: [KeyHint], columns: Int) -> ([KeyHint], [KeyHint]) {
        var shown = hints.filter(\.showsInBar)
        let pinnedShown = pinned.filter(\.showsInBar)
        var dropped = 0
        func pinnedNoting(_ dropped: Int) -> [KeyHint] {
            guard dropped > 0 else { return pinnedShown }
            return pinnedShown.map { hint in
                guard hint.label == "Help" else { return hint }
                var noted = hint
                noted.label = "Help (+\(dropped))"
                return noted
            }
        }
        while !shown.isEmpty && width(of: shown + pinnedNoting(dropped)) > columns {
            shown.removeLast()
            dropped += 1
        }
        return (shown, pinnedNoting(dropped))
    }

    static func width(of hints: [KeyHint]) -> Int {
        hints.map { DisplayWidth.of($0.keyNames) + 1 + DisplayWidth.of($0.label) + 2 }.reduce(0, +) - 2
    }
}
