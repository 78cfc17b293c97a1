/// Maps style roles to attributes. Two schemes exist: `color` for terminals
/// with colours and `monochrome` (bold, reverse, underline, dim) for the rest
/// and for NO_COLOR. Neither carries meaning by colour alone: widgets also
/// draw marks such as `[x]`, `!`, `E` and brackets around the current item.
public struct Theme: Sendable {
    /// `color` or `monochrome`, named in golden dumps so a snapshot says which it shows.
    public let name: String
    private let table: [Style: Attributes]

    /// True when some style uses a colour, so the terminal must start colour mode.
    public let usesColor: Bool

    /// A theme from its table; styles it leaves out draw plain.
    public init(name: String, table: [Style: Attributes]) {
        self.name = name
        self.table = table
        self.usesColor = table.values.contains { $0.foreground != nil || $0.background != nil }
    }

    /// What `style` looks like in this theme (plain when the table lacks it).
    public func attributes(for style: Style) -> Attributes {
        table[style] ?? .plain
    }

    /// For colour terminals; colour doubles emphasis, never replaces a mark.
    public static let color = Theme(name: "color", table: [
        .normal: .plain,
        .dim: Attributes(dim: true),
        .title: Attributes(foreground: .cyan, bold: true),
        .border: Attributes(foreground: .blue),
        .focusedBorder: Attributes(foreground: .cyan, bold: true),
        .selection: Attributes(foreground: .black, background: .cyan),
        .inactiveSelection: Attributes(reverse: true, dim: true),
        .input: Attributes(underline: true),
        .focusedInput: Attributes(foreground: .white, background: .blue),
        .placeholder: Attributes(dim: true),
        .error: Attributes(foreground: .red, bold: true),
        .warning: Attributes(foreground: .yellow, bold: true),
        .success: Attributes(foreground: .green, bold: true),
        .info: Attributes(foreground: .cyan),
        .hintKey: Attributes(foreground: .black, background: .cyan),
        .hintLabel: .plain,
        .statusBar: Attributes(foreground: .black, background: .white),
        .currentStep: Attributes(foreground: .black, background: .yellow, bold: true),
        .doneStep: Attributes(foreground: .green),
        .pendingStep: Attributes(dim: true),
        .dialog: .plain,
        .dialogTitle: Attributes(foreground: .yellow, bold: true),
        .lineNumber: Attributes(foreground: .blue),
        .currentLineNumber: Attributes(foreground: .yellow, bold: true),
        .jsonKey: Attributes(foreground: .cyan),
        .jsonString: Attributes(foreground: .green),
        .jsonNumber: Attributes(foreground: .magenta),
        .jsonLiteral: Attributes(foreground: .yellow),
        .jsonPunctuation: .plain,
        .errorSpot: Attributes(foreground: .white, background: .red, underline: true),
        .warningSpot: Attributes(foreground: .black, background: .yellow, underline: true),
        .filterMatch: Attributes(foreground: .yellow, bold: true, underline: true),
        .spinner: Attributes(foreground: .cyan, bold: true),
        .qrCode: Attributes(foreground: .black, background: .white),
    ])

    /// For terminals without colour and for NO_COLOR: emphasis only.
    public static let monochrome = Theme(name: "monochrome", table: [
        .normal: .plain,
        .dim: Attributes(dim: true),
        .title: Attributes(bold: true),
        .border: .plain,
        .focusedBorder: Attributes(bold: true),
        .selection: Attributes(reverse: true),
        .inactiveSelection: Attributes(underline: true),
        .input: Attributes(underline: true),
        .focusedInput: Attributes(bold: true, underline: true),
        .placeholder: Attributes(dim: true),
        .error: Attributes(bold: true),
        .warning: Attributes(bold: true),
        .success: .plain,
        .info: .plain,
        .hintKey: Attributes(reverse: true),
        .hintLabel: .plain,
        .statusBar: Attributes(reverse: true),
        .currentStep: Attributes(bold: true, reverse: true),
        .doneStep: .plain,
        .pendingStep: Attributes(dim: true),
        .dialog: .plain,
        .dialogTitle: Attributes(bold: true),
        .lineNumber: Attributes(dim: true),
        .currentLineNumber: Attributes(bold: true),
        .jsonKey: Attributes(bold: true),
        .jsonString: .plain,
        .jsonNumber: .plain,
        .jsonLiteral: .plain,
        .jsonPunctuation: .plain,
        .errorSpot: Attributes(bold: true, underline: true, reverse: true),
        .warningSpot: Attributes(underline: true, reverse: true),
        .filterMatch: Attributes(underline: true),
        .spinner: Attributes(bold: true),
        // Without colours the theme cannot know the background; reverse
        // video draws ink in the background colour on the foreground colour,
        // dark on light on the usual light-on-dark terminal. On a dark-on-light
        // one the code comes out inverted (light on dark), which the 2015 spec
        // allows as reflectance reversal and many phone scanners read.
        .qrCode: Attributes(reverse: true),
    ])

    /// Colour only when the terminal has it and nobody opted out: NO_COLOR
    /// counts when set to a non-empty value (https://no-color.org).
    public static func choose(terminalHasColors: Bool, noColorOption: Bool,
                              environment: [String: String]) -> Theme {
        let noColorEnv = !(environment["NO_COLOR"] ?? "").isEmpty
        return terminalHasColors && !noColorOption && !noColorEnv ? .color : .monochrome
    }
}

extension Charset {
    /// UTF-8 output needs a UTF-8 locale (nl_langinfo(CODESET)) and no `ascii` option.
    public static func choose(codeset: String, asciiOption: Bool) -> Charset {
        let normalized = codeset.uppercased().filter { $0 != "-" }
        return !asciiOption && normalized == "UTF8" ? .utf8 : .ascii
    }
}
