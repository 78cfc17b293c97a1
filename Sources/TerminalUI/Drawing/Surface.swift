/// The drawing backend protocol: a grid of cells, a theme that turns style
/// roles into attributes, the character set to draw with and a cursor.
///
/// Two backends implement it: `GridSurface`, an in-memory grid that tests
/// dump as text, and the ncursesw backend the `Application` loop owns, which
/// keeps the previous frame and sends only changed cells to the terminal.
/// Widgets and screens never talk to a backend directly; they receive a
/// `Canvas`, a clipped window onto a surface.
public protocol Surface: AnyObject {
    var size: Size { get }
    var theme: Theme { get }
    var charset: Charset { get }
    /// Where the terminal cursor shows after this frame; `nil` hides it.
    var cursor: Point? { get set }
    /// Writes one cell; positions outside the grid are ignored.
    func set(_ cell: Cell, at point: Point)
    /// Reads one cell (blank outside the grid).
    func cell(at point: Point) -> Cell
    /// Blanks every cell and hides the cursor, ready for a new frame.
    func clear()
}
