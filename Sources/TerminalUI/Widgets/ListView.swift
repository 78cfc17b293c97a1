/// One row of a `ListView`.
public struct ListItem: Hashable, Sendable {
    /// Stable identity: selection and the cursor follow it across filtering.
    public var id: String
    /// The row's main text, searched by the filter.
    public var title: String
    /// Secondary text, shown dimmed after the title and searched by the filter.
    public var detail: String

    /// A row; `id` must be unique within its list.
    public init(id: String, title: String, detail: String = "") {
        self.id = id
        self.title = title
        self.detail = detail
    }
}

/// A scrolling list with a keyboard cursor, optional multi-select
/// checkboxes (`[x]`/`[ ]`, never colour alone) and an incremental `/`
/// filter over title and detail that stays fast on thousands of rows.
///
/// Keys: Up/Down, PgUp/PgDn, Home/End move; Space toggles (multiple);
/// Enter submits; `/` edits the filter (Enter keeps it, Esc clears it).
/// Space answers `.changed` (the checked set changed); filter keys answer
/// `.filtered` (only the rows shown changed).
/// The last row of its canvas is a status line (filter, counts, position).
public final class ListView {
    /// Whether the list only picks the row under the cursor or also keeps a checked set.
    public enum SelectionMode: Sendable {
        case single
        case multiple
    }

    /// Fixed at creation: `.multiple` draws checkboxes and lets Space toggle.
    public let selectionMode: SelectionMode
    /// Every row, filtered or not, in list order (replaced by `setItems` or `updateItems`).
    public private(set) var items: [ListItem]
    /// The IDs checked (`.multiple` only), kept while filtering hides their rows.
    public private(set) var checked: Set<String>
    /// The filter text; empty shows every row. Matches title and detail, case-insensitively.
    public private(set) var filter = ""
    /// True while `/` has the filter taking typed keys (so `takesTextInput` is true too).
    public private(set) var isEditingFilter = false
    /// Indices into `items` of the rows the filter lets through, in order.
    public private(set) var visibleIndices: [Int]
    /// Shown when nothing matches.
    public var emptyMessage = "Nothing matches the filter."
    private var searchKeys: [[UInt8]]
    /// Where each item's ID is in `items` (for `updateItems`).
    private var indexByID: [String: Int]
    private var cursor = 0

    /// The cursor's row among those the filter shows (0 is the top).
    public var cursorPosition: Int { cursor }
    private var top = 0
    private var lastPageSize = 10

    /// A list with the cursor on the first row and no filter; `checked` IDs start checked.
    public init(items: [ListItem], selection: SelectionMode = .single, checked: Set<String> = []) {
        self.selectionMode = selection
        self.items = items
        self.checked = checked
        self.searchKeys = items.map(Self.searchKey)
        self.indexByID = Self.index(items)
        self.visibleIndices = Array(items.indices)
    }

    private static func index(_ items: [ListItem]) -> [String: Int] {
        Dictionary(items.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    // MARK: State

    /// The row under the cursor; nil when the filter shows none.
    public var currentItem: ListItem? {
        visibleIndices.isEmpty ? nil : items[visibleIndices[cursor]]
    }

    /// Checked items in list order.
    public var checkedItems: [ListItem] { items.filter { checked.contains($0.id) } }

    /// Text keys go to the filter while it is being edited.
    public var takesTextInput: Bool { isEditingFilter }

    /// The items a page above and below the cursor, among those the filter
    /// shows: what is on screen now or one key away, for a screen that
    /// fetches per-item details lazily (a 3,000-row list reads only these).
    public var itemIDsNearCursor: [String] {
        guard !visibleIndices.isEmpty else { return [] }
        let low = max(0, cursor - lastPageSize), high = min(visibleIndices.count, cursor + lastPageSize + 1)
        return visibleIndices[low..<high].map { items[$0].id }
    }

    /// Replaces the rows, keeping the cursor on the same item when it remains.
    public func setItems(_ newItems: [ListItem]) {
        let currentID = currentItem?.id
        items = newItems
        searchKeys = newItems.map(Self.searchKey)
        indexByID = Self.index(newItems)
        checked = checked.intersection(newItems.map(\.id))
        applyFilter(incremental: false, keeping: currentID)
    }

    /// Replaces the items with these IDs where they are (a column that
    /// arrives later, row by row), keeping the order, the cursor's item and
    /// the scroll: rows updating in the background never move the view.
    /// IDs the list does not hold are ignored.
    public func updateItems(_ updated: [ListItem]) {
        var changed = false
        for item in updated {
            guard let index = indexByID[item.id], items[index] != item else { continue }
            items[index] = item
            searchKeys[index] = Self.searchKey(item)
            changed = true
        }
        guard changed, !filter.isEmpty else { return }
        // The new text may match the filter differently: filter again, leaving the scroll alone.
        let (currentID, position) = (currentItem?.id, cursor)
        let needle = Self.lowercasedBytes(filter)
        visibleIndices = items.indices.filter { Self.contains(searchKeys[$0], needle) }
        cursor = min(position, max(0, visibleIndices.count - 1))
        if let currentID { moveCursor(to: currentID) }
    }

    /// Replaces the checked set; IDs of no item are dropped.
    public func setChecked(_ ids: Set<String>) {
        checked = ids.intersection(items.map(\.id))
    }

    /// Moves the cursor to the first visible row.
    public func moveCursorToTop() {
        cursor = 0
    }

    /// Moves the cursor to the item with `id` if it is visible.
    public func moveCursor(to id: String) {
        if let position = visibleIndices.firstIndex(where: { items[$0].id == id }) { cursor = position }
    }

    /// Checks or unchecks the row under the cursor: `.changed`, or `.ignored` for a
    /// single-selection list or when no row is shown.
    @discardableResult
    public func toggleCurrent() -> WidgetResult {
        guard selectionMode == .multiple, let item = currentItem else { return .ignored }
        if checked.remove(item.id) == nil { checked.insert(item.id) }
        return .changed
    }

    /// Filters the rows as if typed, keeping the cursor on the same item when it stays visible.
    public func setFilter(_ text: String) {
        let incremental = !filter.isEmpty && text.hasPrefix(filter)
        let currentID = currentItem?.id
        filter = text
        applyFilter(incremental: incremental, keeping: currentID)
    }

    // MARK: Keys

    /// The list's own keys for the hint bar and help (Toggle only when multiple).
    public var keyHints: [KeyHint] {
        var hints = [KeyHint(keys: [.up, .down], label: "Move", help: "Move the cursor (PgUp/PgDn, Home/End jump)", showsInBar: false)]
        if selectionMode == .multiple {
            hints.append(KeyHint(keys: [.space], label: "Toggle", help: "Check or uncheck the item under the cursor"))
        }
        hints.append(KeyHint(keys: [.character("/")], label: "Filter", help: "Type to filter; Enter keeps the filter, Esc clears it"))
        return hints
    }

    /// Movement, toggling, Enter (`.submitted` on a row) and filter editing; see the type's keys.
    public func handle(_ key: Key) -> WidgetResult {
        if isEditingFilter, let result = handleFilterKey(key) { return result }
        switch key {
        case .up: return move(to: cursor - 1)
        case .down: return move(to: cursor + 1)
        case .pageUp: return move(to: cursor - max(1, lastPageSize - 1))
        case .pageDown: return move(to: cursor + max(1, lastPageSize - 1))
        case .home: return move(to: 0)
        case .end: return move(to: visibleIndices.count - 1)
        case .space: return toggleCurrent()
        case .enter: return currentItem == nil ? .ignored : .submitted
        case .character("/"):
            // A new search, as in less and vim: the old filter is not extended.
            isEditingFilter = true
            guard !filter.isEmpty else { return .handled }
            setFilter("")
            return .filtered
        case .escape where !filter.isEmpty:
            setFilter("")
            return .filtered
        default: return .ignored
        }
    }

    /// Filter editing; nil lets the key fall through to movement.
    private func handleFilterKey(_ key: Key) -> WidgetResult? {
        switch key {
        case .character(let character):
            setFilter(filter + String(character))
            return .filtered
        case .paste(let text):
            setFilter(filter + text.filter { $0 != "\n" && $0 != "\t" })
            return .filtered
        case .backspace:
            if filter.isEmpty {
                isEditingFilter = false
                return .handled
            }
            setFilter(String(filter.dropLast()))
            return .filtered
        case .enter:
            isEditingFilter = false
            return .handled
        case .escape:
            isEditingFilter = false
            setFilter("")
            return .filtered
        case .control("u"):
            setFilter("")
            return .filtered
        default:
            return nil
        }
    }

    private func move(to position: Int) -> WidgetResult {
        guard !visibleIndices.isEmpty else { return .handled }
        cursor = min(max(position, 0), visibleIndices.count - 1)
        return .handled
    }

    // MARK: Filtering

    /// Case-insensitive substring match on precomputed lowercase UTF-8
    /// keys; a filter that extends the previous one searches only the rows
    /// that already matched.
    private func applyFilter(incremental: Bool, keeping id: String?) {
        let needle = Self.lowercasedBytes(filter)
        if needle.isEmpty {
            visibleIndices = Array(items.indices)
        } else {
            let candidates = incremental ? visibleIndices : Array(items.indices)
            visibleIndices = candidates.filter { Self.contains(searchKeys[$0], needle) }
        }
        cursor = 0
        top = 0
        if let id { moveCursor(to: id) }
    }

    private static func searchKey(_ item: ListItem) -> [UInt8] {
        lowercasedBytes(item.title + " " + item.detail)
    }

    private static func lowercasedBytes(_ text: String) -> [UInt8] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        }
        return Array(text.lowercased().utf8)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let count = needle.count
        guard count <= haystack.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < count && haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == count { return true }
            }
            index += 1
        }
        return false
    }

    // MARK: Drawing

    /// Draws the rows and, on the canvas's last row, the status line; the cursor row is
    /// highlighted fully only when `focused`.
    public func draw(_ canvas: Canvas, focused: Bool) {
        guard canvas.rows > 0 else { return }
        let listRows = max(0, canvas.rows - 1)
        lastPageSize = max(1, listRows)
        if !visibleIndices.isEmpty { cursor = min(cursor, visibleIndices.count - 1) }
        // Keep the cursor on screen after moves and resizes.
        if cursor < top { top = cursor }
        if listRows > 0 && cursor >= top + listRows { top = cursor - listRows + 1 }
        top = max(0, min(top, max(0, visibleIndices.count - listRows)))

        if visibleIndices.isEmpty && listRows > 0 {
            canvas.text(emptyMessage, at: Point(x: 2, y: 0), style: .dim)
        }
        let prefix = selectionMode == .multiple ? 6 : 2
        let shown = visibleIndices.dropFirst(top).prefix(listRows)
        let longestTitle = shown.map { DisplayWidth.of(items[$0].title) }.max() ?? 0
        // Without details the title may use the whole row.
        let hasDetails = shown.contains { !items[$0].detail.isEmpty }
        let titleWidth = hasDetails ? min(longestTitle, max(10, (canvas.columns - prefix) * 3 / 5)) : canvas.columns - prefix
        for (row, index) in shown.enumerated() {
            drawRow(items[index], isCursor: top + row == cursor, focused: focused,
                    canvas: canvas.sub(Rect(x: 0, y: row, columns: canvas.columns, rows: 1)),
                    prefix: prefix, titleWidth: titleWidth)
        }
        drawStatus(canvas.sub(Rect(x: 0, y: canvas.rows - 1, columns: canvas.columns, rows: 1)), focused: focused)
    }

    private func drawRow(_ item: ListItem, isCursor: Bool, focused: Bool, canvas: Canvas, prefix: Int, titleWidth: Int) {
        let style: Style = isCursor ? (focused ? .selection : .inactiveSelection) : .normal
        if isCursor { canvas.fill(style: style) }
        canvas.text(isCursor ? ">" : " ", at: .zero, style: style)
        if selectionMode == .multiple {
            canvas.text(checked.contains(item.id) ? "[x]" : "[ ]", at: Point(x: 2, y: 0), style: style)
        }
        canvas.field(item.title, at: Point(x: prefix, y: 0), width: titleWidth, style: style, pad: isCursor)
        let detailX = prefix + titleWidth + 2
        if !item.detail.isEmpty && detailX < canvas.columns {
            canvas.field(item.detail, at: Point(x: detailX, y: 0), width: canvas.columns - detailX,
                         style: isCursor ? style : .dim, pad: isCursor)
        }
    }

    private func drawStatus(_ canvas: Canvas, focused: Bool) {
        if isEditingFilter {
            // What is being typed comes first: the counts shrink, then go,
            // and a filter wider than the row shows its end, where the cursor is.
            let shown = "/" + filter
            let needed = DisplayWidth.of(shown) + 1
            let counts = statusCounts.first { needed + 1 + DisplayWidth.of($0) <= canvas.columns } ?? ""
            if !counts.isEmpty {
                canvas.text(counts, at: Point(x: canvas.columns - DisplayWidth.of(counts), y: 0), style: .dim)
            }
            let available = counts.isEmpty ? canvas.columns : canvas.columns - DisplayWidth.of(counts) - 1
            let visible = TextLayout.tail(shown, width: max(0, available - 1), ellipsis: canvas.charset == .utf8 ? "…" : "~")
            let used = canvas.text(visible, at: .zero, style: .focusedInput)
            if focused { canvas.showCursor(at: Point(x: used, y: 0)) }
            return
        }
        let right = statusCounts[0]
        let rightWidth = DisplayWidth.of(right)
        canvas.text(right, at: Point(x: max(0, canvas.columns - rightWidth), y: 0), style: .dim)
        let available = max(0, canvas.columns - rightWidth - 1)
        if !filter.isEmpty {
            canvas.field("filter: " + filter + "  (Esc clears)", at: .zero, width: available, style: .info)
        } else {
            canvas.field("/ to filter", at: .zero, width: available, style: .dim, pad: false)
        }
    }

    /// The status line's counts, longest first, for when room is short.
    private var statusCounts: [String] {
        let position = visibleIndices.isEmpty ? "0 of \(items.count)"
            : "\(top + 1)-\(min(top + lastPageSize, visibleIndices.count)) of \(visibleIndices.count)"
        let total = visibleIndices.count != items.count ? " (\(items.count) total)" : ""
        let selected = selectionMode == .multiple ? ", \(checked.count) selected" : ""
        return [position + total + selected, position + selected, position]
    }
}
