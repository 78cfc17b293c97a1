/// Tags keyed by their key, as IAM keeps them: one value per key, the last
/// one given wins, and the first position of each key is kept.
struct TagSet {
    private(set) var tags: [RoleTag] = []
    private var indexByKey: [String: Int] = [:]

    init(_ tags: [RoleTag]) {
        for tag in tags {
            if let index = indexByKey[tag.key] {
                self.tags[index].value = tag.value
            } else {
                indexByKey[tag.key] = self.tags.count
                self.tags.append(tag)
            }
        }
    }

    func value(for key: String) -> String? {
        indexByKey[key].map { tags[$0].value }
    }
}
