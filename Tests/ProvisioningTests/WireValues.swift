import IAMClient
import Provisioning

// What the fake or moto stored, as Provisioning's values, so a test can
// compare it with what a spec or plan asked for.

extension Sequence<IAMClient.Tag> {
    var roleTags: [RoleTag] { map { RoleTag(key: $0.key, value: $0.value) } }
}

extension Sequence<IAMClient.InlinePolicy> {
    var rolePolicies: [RoleInlinePolicy] { map { RoleInlinePolicy(name: $0.name, document: $0.document) } }
}
