extension PolicyDocument {
    /// The size IAM counts against a policy quota: the characters of the text
    /// without the whitespace outside strings. Measured on the text as sent,
    /// so escapes count as written.
    public static func iamSize(of text: String) -> Int {
        var count = 0
        var inString = false
        var escaped = false
        for scalar in text.unicodeScalars {
            if inString {
                count += 1
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
            } else if scalar == "\"" {
                inString = true
                count += 1
            } else if !(scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r") {
                count += 1
            }
        }
        return count
    }

    /// The size IAM counts for this document as `text` prints it.
    public var iamSize: Int { PolicyDocument.iamSize(of: text) }
}
