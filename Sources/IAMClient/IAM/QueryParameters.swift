/// Builds the flattened parameter lists the Query API takes: optional
/// values are left out and lists become `Name.member.N`.
struct QueryParameters {
    private(set) var items: [(String, String)] = []

    init(_ items: [(String, String)] = []) {
        self.items = items
    }

    mutating func add(_ name: String, _ value: String?) {
        if let value { items.append((name, value)) }
    }

    mutating func add(_ name: String, _ value: Int?) {
        add(name, value.map(String.init))
    }

    mutating func add(_ name: String, _ value: Bool) {
        items.append((name, value ? "true" : "false"))
    }

    /// `Name.member.1=a&Name.member.2=b`.
    mutating func addList(_ name: String, _ values: [String]) {
        for (index, value) in values.enumerated() {
            items.append(("\(name).member.\(index + 1)", value))
        }
    }

    /// `Tags.member.1.Key=k&Tags.member.1.Value=v`.
    mutating func addTags(_ name: String, _ tags: [Tag]) {
        for (index, tag) in tags.enumerated() {
            items.append(("\(name).member.\(index + 1).Key", tag.key))
            items.append(("\(name).member.\(index + 1).Value", tag.value))
        }
    }
}
