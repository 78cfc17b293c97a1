import IAMClient

/// A tag as IAM's API and the AWS CLI write it: `{"Key": ..., "Value": ...}`.
struct APITag: Encodable {
    private enum CodingKeys: String, CodingKey {
        case key = "Key"
        case value = "Value"
    }

    let key: String
    let value: String

    init(_ tag: Tag) {
        key = tag.key
        value = tag.value
    }
}
