/// Statement IDs: IAM accepts only letters and digits, and a Sid that two
/// statements share no longer says which statement a finding or a log line means.
extension DocumentChecks {
    mutating func checkSids() {
        var firstBySid: [String: Int] = [:]
        for (index, statement) in document.statements.enumerated() {
            guard let sid = statement.sid else { continue }
            let path = JSONPath.root.appending("Statement").appending(index).appending("Sid")
            if sid.isEmpty {
                add(.sidEmpty, "the Sid is empty; remove it or name the statement", at: path)
                continue
            }
            if !sid.unicodeScalars.allSatisfy(Self.isSidCharacter) {
                add(.sidUnsupported, "Sid \"\(sid)\" has characters IAM does not accept in a Sid; use only A-Z, a-z and 0-9", at: path)
            }
            if let first = firstBySid[sid] {
                add(.sidNotUnique, "Statement[\(first)] already has Sid \"\(sid)\"; give each statement its own", at: path)
            } else {
                firstBySid[sid] = index
            }
        }
    }

    static func isSidCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
