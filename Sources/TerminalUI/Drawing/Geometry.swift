/// A cell position: `x` is the column, `y` the row, both from zero at the top left.
public struct Point: Hashable, Sendable {
    /// The column, from zero at the left.
    public var x: Int
    /// The row, from zero at the top.
    public var y: Int

    /// The cell at column `x`, row `y`.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The top-left cell.
    public static let zero = Point(x: 0, y: 0)
}

/// A size in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// Width in cells (a double-width character takes two).
    public var columns: Int
    /// Height in lines.
    public var rows: Int

    /// A size of `columns` by `rows` cells.
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// True when both dimensions are at least those of `other`.
    public func covers(_ other: Size) -> Bool {
        columns >= other.columns && rows >= other.rows
    }

    /// `COLUMNSxROWS`, as in messages and golden files (`80x24`).
    public var description: String { "\(columns)x\(rows)" }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    /// The top-left cell.
    public var origin: Point
    /// Its width and height.
    public var size: Size

    /// A rectangle at `origin` of `size`.
    public init(origin: Point, size: Size) {
        self.origin = origin
        self.size = size
    }

    /// A rectangle from its top-left cell and size, spelled out.
    public init(x: Int, y: Int, columns: Int, rows: Int) {
        self.init(origin: Point(x: x, y: y), size: Size(columns: columns, rows: rows))
    }

    /// The first column inside.
    public var minX: Int { origin.x }
    /// The first row inside.
    public var minY: Int { origin.y }
    /// The first column past the right edge (exclusive).
    public var maxX: Int { origin.x + size.columns }
    /// The first row past the bottom edge (exclusive).
    public var maxY: Int { origin.y + size.rows }
    /// True when it holds no cell (a negative size counts as empty).
    public var isEmpty: Bool { size.columns <= 0 || size.rows <= 0 }

    /// True when `point` lies inside (the max edges are outside).
    public func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x < maxX && point.y >= minY && point.y < maxY
    }

    /// The overlap of two rectangles; empty (zero size) when they do not meet.
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(minX, other.minX), y0 = max(minY, other.minY)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, columns: max(0, x1 - x0), rows: max(0, y1 - y0))
    }

    /// The rectangle shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(x: minX + amount, y: minY + amount,
             columns: max(0, size.columns - 2 * amount), rows: max(0, size.rows - 2 * amount))
    }

    /// A rectangle of `size` centred inside this one (clamped to fit).
    public func centered(_ inner: Size) -> Rect {
        let columns = min(inner.columns, size.columns), rows = min(inner.rows, size.rows)
        return Rect(x: minX + (size.columns - columns) / 2, y: minY + (size.rows - rows) / 2,
                    columns: columns, rows: rows)
    }
}
