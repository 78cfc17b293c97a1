import Provisioning

extension WizardContext {
    /// Starts listing the account's OIDC and SAML providers (once per run;
    /// again after a failure), off the UI thread like every read: the
    /// provider picker shows the well-known providers meanwhile, and only
    /// those offline.
    func loadIdentityProviders() {
        guard !service.isOffline, !identityProvidersRequested || identityProviders?.value == nil && identityProviders != nil
        else { return }
        identityProvidersRequested = true
        identityProviders = nil
        let service = service
        run { .identityProviders(await Outcome.of { try await service.identityProviders() }) }
    }
}
