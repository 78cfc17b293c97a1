/// Draws a `QRCode` with Unicode half blocks, two module rows to a text row
/// (a cell is about twice as tall as wide, so modules come out square), inside
/// the 4-module quiet zone readers need (ISO/IEC 18004:2015 6.3.8).
///
/// It draws in the `.qrCode` style: with colours, explicit black on white, so
/// dark modules are dark whatever the terminal's own colours; without them,
/// reverse video (`Theme.monochrome` says why). In ASCII there are no half
/// blocks and no way to draw a scannable code, so `size(for:)` is nil and
/// `draw` draws nothing: callers leave the code out and show the URL.
public struct QRCodeView: Sendable {
    /// The code drawn; the view adds only the quiet zone.
    public let code: QRCode
    /// Light modules around the symbol on every side.
    public static let quietZone = 4

    /// A view of `code`; it draws nothing in ASCII (see `size(for:)`).
    public init(_ code: QRCode) {
        self.code = code
    }

    /// Cells the code takes: columns = size + 8, rows = (size + 8 + 1) / 2.
    public var cellSize: Size {
        let modules = code.size + 2 * Self.quietZone
        return Size(columns: modules, rows: (modules + 1) / 2)
    }

    /// The cells needed in `charset`, or nil when it cannot be drawn there (ASCII).
    public func size(for charset: Charset) -> Size? {
        charset == .utf8 ? cellSize : nil
    }

    /// True when the code can be drawn whole on `canvas`; a clipped code
    /// does not scan, so a screen draws it only then.
    public func fits(_ canvas: Canvas) -> Bool {
        size(for: canvas.charset).map(canvas.size.covers) ?? false
    }

    /// The text rows, quiet zone included: `▀` dark above, `▄` dark below,
    /// `█` both, space neither. The last row's lower half (past the quiet
    /// zone, the module count is odd) is light.
    public var rows: [String] {
        let modules = code.size + 2 * Self.quietZone
        func dark(_ x: Int, _ y: Int) -> Bool {
            let cx = x - Self.quietZone, cy = y - Self.quietZone
            return (0..<code.size).contains(cx) && (0..<code.size).contains(cy) && code[cx, cy]
        }
        return stride(from: 0, to: modules, by: 2).map { y in
            String((0..<modules).map { x -> Character in
                switch (dark(x, y), dark(x, y + 1)) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
            })
        }
    }

    /// Draws the code at the canvas's top left; returns false, drawing
    /// nothing, when it does not fit or the charset is ASCII.
    @discardableResult
    public func draw(_ canvas: Canvas) -> Bool {
        guard fits(canvas) else { return false }
        for (y, row) in rows.enumerated() {
            canvas.text(row, at: Point(x: 0, y: y), style: .qrCode)
        }
        return true
    }
}
