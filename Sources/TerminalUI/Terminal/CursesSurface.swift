/// The ncursesw backend of `Surface`. Frames are drawn into an in-memory
/// grid; `present()` compares it with the previous frame and hands only the
/// changed cells to ncurses, then `wnoutrefresh`. The loop calls `doupdate`
/// once per batch of events.
final class CursesSurface: Surface {
    private let terminal: Terminal
    private let frame: GridSurface
    private var previous: [Cell]?

    init(terminal: Terminal) {
        self.terminal = terminal
        self.frame = GridSurface(size: terminal.size, theme: terminal.theme, charset: terminal.charset)
    }

    var size: Size { frame.size }
    var theme: Theme { frame.theme }
    var charset: Charset { frame.charset }

    var cursor: Point? {
        get { frame.cursor }
        set { frame.cursor = newValue }
    }

    func set(_ cell: Cell, at point: Point) { frame.set(cell, at: point) }
    func cell(at point: Point) -> Cell { frame.cell(at: point) }
    func clear() { frame.clear() }

    /// After a resize: new grid, and the next frame is written in full.
    func resize(to size: Size) {
        frame.resize(to: size)
        previous = nil
    }

    /// Forget the previous frame so the next `present()` writes every cell.
    func invalidate() {
        previous = nil
    }

    /// Sends the cells that differ from the previous frame; returns how many.
    @discardableResult
    func present() -> Int {
        let columns = frame.size.columns
        var changed = 0
        for (index, cell) in frame.cells.enumerated() where previous?[index] != cell {
            terminal.put(cell, at: Point(x: index % columns, y: index / columns))
            changed += 1
        }
        previous = frame.cells
        terminal.finishFrame(cursor: frame.cursor)
        return changed
    }
}
