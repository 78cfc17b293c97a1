import Foundation

/// The knobs `CredentialChain.standard` fixes for production and tests move:
/// the clock (to reach an expiry without waiting) and the link-local metadata
/// addresses (so that no test can reach them even by mistake).
struct ChainTuning: Sendable {
    var now: @Sendable () -> Date = { Date() }
    var containerHost = ContainerCredentialProvider.defaultHost
    var containerRetryPause: TimeInterval = 1
    var instanceMetadataEndpoint = InstanceMetadataCredentialProvider.defaultEndpoint
}
