import Foundation

extension Dictionary where Key == String, Value == String {
    /// The value for `key`, or nil when it is missing or blank: the AWS CLI
    /// treats `AWS_PROFILE=` and `role_arn =` as not set at all.
    func setting(_ key: String) -> String? {
        guard let value = self[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
