import Provisioning
import TerminalUI

/// Policy JSON laid out for a pane of a given width: in reading order, with
/// the indentation halved when a line would not fit (so nesting stays
/// visible in narrow panes), then wrapped.
enum JSONLayout {
    static func lines(_ text: String, width: Int) -> [String] {
        var lines = PolicyDocument.readingText(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.contains(where: { DisplayWidth.of($0) > width }) {
            lines = lines.map { line in
                let indent = line.prefix { $0 == " " }.count
                return String(repeating: " ", count: indent / 2) + line.dropFirst(indent)
            }
        }
        return TextLayout.wrap(lines.joined(separator: "\n"), width: width)
    }
}
