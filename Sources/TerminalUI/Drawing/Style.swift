/// What a piece of text is, not how it looks: widgets draw with roles and
/// the active `Theme` (colour or monochrome) decides the attributes. This
/// keeps every colour decision in the theme and lets NO_COLOR switch all of
/// them at once.
public enum Style: Hashable, Sendable, CaseIterable {
    case normal
    case dim
    case title
    case border
    case focusedBorder
    /// The cursor row of a focused list, the focused button.
    case selection
    /// The cursor row of a list that does not have focus.
    case inactiveSelection
    case input
    case focusedInput
    case placeholder
    case error
    case warning
    case success
    case info
    case hintKey
    case hintLabel
    case statusBar
    case currentStep
    case doneStep
    case pendingStep
    case dialog
    case dialogTitle
    case lineNumber
    case currentLineNumber
    case jsonKey
    case jsonString
    case jsonNumber
    case jsonLiteral
    case jsonPunctuation
    /// The cell an error marker points at.
    case errorSpot
    /// The cell a warning marker points at.
    case warningSpot
    case filterMatch
    case spinner
    /// A QR code: the glyph's ink is a dark module, so the theme must draw
    /// ink dark on a light background whatever the terminal's own colours.
    case qrCode
}
