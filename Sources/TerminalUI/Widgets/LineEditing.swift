/// Word boundaries shared by the text field and the editor: a word is a run
/// of letters, digits or underscores.
enum WordMotion {
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The start of the word before `index` (skipping separators first).
    static func previousWordStart(in characters: [Character], from index: Int) -> Int {
        var position = min(index, characters.count)
        while position > 0 && !isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0 && isWordCharacter(characters[position - 1]) { position -= 1 }
        return position
    }

    /// The end of the word at or after `index`.
    static func nextWordEnd(in characters: [Character], from index: Int) -> Int {
        var position = max(0, index)
        while position < characters.count && !isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count && isWordCharacter(characters[position]) { position += 1 }
        return position
    }

    /// Display columns taken by `characters[..<index]`.
    static func columns(of characters: [Character], upTo index: Int) -> Int {
        var total = 0
        for character in characters.prefix(index) { total += DisplayWidth.of(character) }
        return total
    }
}
