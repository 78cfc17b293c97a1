import Provisioning
import TerminalUI

/// Step 1: who may assume the role. The entity type is chosen with Left/
/// Right on the first line; services come from a searchable multi-select
/// over the principal catalogue (the preset's pre-selected), accounts and
/// federation from fields. The provider of a federation is typed or picked
/// (F2) from the account's and the well-known ones; GitHub's provider asks
/// for the organisation, repository and branch, Cognito's for which
/// identities, as the console does. Every change is written to the model at once.
final class TrustedEntityScreen: WizardScreen {
    enum Command { case next, previousKind, nextKind, toggleOption, pickProvider }
    enum Focus: Hashable { case kind, services, field(Int) }

    let context: WizardContext
    let flow: Flow
    var step: Int? { flow == .create ? CreateFlow.Step.trustedEntity.rawValue : nil }
    let services: ListView
    private(set) var fields: [TextField] = []
    private(set) var focus: FocusRing<Focus>
    private(set) var problem: String?
    /// The family the web identity fields were built for.
    private var fieldsFamily = FederationFields.Family.other

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Next", help: "Accept and go on to permissions", action: .next),
        KeyBinding(keys: [.left], label: "Type", help: "Previous entity type (on the type line)", showsInBar: false, action: .previousKind),
        KeyBinding(keys: [.right], label: "Type", help: "Next entity type (on the type line)", showsInBar: false, action: .nextKind),
        KeyBinding(keys: [.function(4)], label: "Option", help: "My account only (services), MFA (account), Cognito identities", action: .toggleOption),
    ])

    /// Only for web identity and SAML.
    static let federationKeys = KeyMap<Command>([
        KeyBinding(keys: [.function(2)], label: "Provider", help: "Pick the provider from the account's and the well-known ones", action: .pickProvider),
    ])

    private var isFederation: Bool { model.entityKind == .webIdentity || model.entityKind == .saml }

    /// Which provider the web identity answers name.
    private var family: FederationFields.Family { FederationFields.Family(model) }

    init(context: WizardContext, flow: Flow) {
        self.context = context
        self.flow = flow
        // A hand-edited policy is the truth: the picker shows the services it trusts.
        if context.model.entityKind == .awsService, let edited = context.model.editedTrustPolicy,
            let document = try? PolicyDocument.parse(edited)
        {
            context.model.services = document.trustedServices
        }
        let catalogue = ServiceCatalogue.everyService.services.map {
            ListItem(id: $0.principal, title: $0.displayName, detail: $0.principal)
        }
        let extra = context.model.services.filter { principal in !catalogue.contains { $0.id == principal } }
            .map { ListItem(id: $0, title: $0, detail: "not in the catalogue") }
        let list = ListView(items: extra + catalogue, selection: .multiple, checked: Set(context.model.services))
        if let first = context.model.services.first { list.moveCursor(to: first) }
        services = list
        focus = FocusRing([.kind, .services], current: .services)
        rebuildFields()
    }

    var model: WizardModel { context.model }
    var title: String { "Trusted entity" }
    var keyHints: [KeyHint] {
        Self.keys.hints + (isFederation ? Self.federationKeys.hints : [])
            + [KeyHint(keys: [.tab], label: "Field", help: "Move between the type line and the list or fields", showsInBar: false)]
            + (model.entityKind == .awsService ? services.keyHints : [])
    }
    private var typing: Bool {
        switch focus.current {
        case .kind: false
        case .services: services.takesTextInput
        case .field: true
        }
    }

    /// The fields the current entity kind asks for, filled from the model.
    private func rebuildFields() {
        switch model.entityKind {
        case .awsService, .customPolicy:
            fields = []
        case .awsAccount:
            fields = [
                TextField(label: "Account ID", text: model.accountId, placeholder: "blank: this account", validator: { text in
                    text.isEmpty || (text.count == 12 && text.allSatisfy { $0.isASCII && $0.isNumber }) ? nil : "An account ID is 12 digits"
                }),
                TextField(label: "External ID", text: model.externalId, placeholder: "optional"),
            ]
        case .webIdentity, .saml:
            fields = FederationFields.make(for: model)
        }
        fieldsFamily = family
        let order: [Focus] = model.entityKind == .awsService ? [.kind, .services] : [.kind] + fields.indices.map { .field($0) }
        focus = FocusRing(order, current: order.count > 1 ? order[1] : .kind)
    }

    /// Copies the fields into the model; an actual change is an answer the
    /// hand-edited policy (if any) cannot take by itself. A provider of
    /// another family brings its own fields.
    private func syncFields() {
        let before = answers
        switch model.entityKind {
        case .awsAccount:
            model.accountId = fields[0].text
            model.externalId = fields[1].text
        case .webIdentity, .saml:
            FederationFields.copy(fields, builtFor: fieldsFamily, into: model)
        default: break
        }
        if before != answers { model.trustAnswerChanged() }
        if family != fieldsFamily { rebuildFields() }
    }

    /// The typed answers, to tell whether a key changed any.
    private var answers: [String] {
        [model.accountId, model.externalId, model.federationProvider, model.federationAudience,
         model.gitHubOrganization, model.gitHubRepository, model.gitHubBranch]
    }

    /// The picker's choice, as if typed into the provider field.
    private func chooseProvider(_ provider: String) {
        guard isFederation, !fields.isEmpty else { return }
        fields[0].text = provider
        syncFields()
        focus.focus(.field(0))
        problem = nil
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "trusted entity", step: step,
                                    offline: context.service.isOffline)
        let kindText = "Trusted entity type:  < \(model.entityKind.title) >"
        body.field(kindText, at: .zero, width: body.columns, style: focus.isFocused(.kind) ? .selection : .normal)
        var row = 2
        switch model.entityKind {
        case .awsService:
            let restrict = model.restrictToMyAccount ? "[x]" : "[ ]"
            _ = body.text("\(restrict) Restrict to my account (aws:SourceAccount)   F4", at: Point(x: 0, y: 1), style: .dim)
            services.draw(body.rows(from: row, count: body.rows - row - 1), focused: focus.isFocused(.services))
        case .customPolicy:
            _ = body.paragraph("Write the trust policy yourself in the JSON editor (step 3).",
                               in: Rect(x: 0, y: row, columns: body.columns, rows: 2))
        case .awsAccount, .webIdentity, .saml:
            for (index, field) in fields.enumerated() {
                field.draw(body.rows(from: row, count: TextField.height), focused: focus.isFocused(.field(index)))
                row += TextField.height + 1
            }
            if model.entityKind == .awsAccount {
                _ = body.text("\(model.requireMFA ? "[x]" : "[ ]") Require MFA   F4", at: Point(x: 0, y: row))
            }
            if isFederation {
                _ = body.text("F2 picks the provider: the account's and the well-known ones", at: Point(x: 0, y: 1), style: .dim)
            }
            if family == .cognito {
                let identities = model.cognitoIdentities.map { "\($0.rawValue) identities only" } ?? "any identity of the pool"
                _ = body.text("Identities: \(identities) (amr)   F4", at: Point(x: 0, y: row))
            }
        }
        if let problem {
            body.field("! " + problem, at: Point(x: 0, y: body.rows - 1), width: body.columns, style: .error)
        }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        if focus.handle(key) { return .handled }
        let command = Self.keys.action(for: key, typing: typing)
            ?? (isFederation ? Self.federationKeys.action(for: key, typing: typing) : nil)
        switch command {
        case .next? where !(focus.isFocused(.services) && services.takesTextInput):
            return next()
        case .previousKind? where focus.isFocused(.kind), .nextKind? where focus.isFocused(.kind):
            let kinds = WizardModel.EntityKind.allCases
            let step = command == .nextKind ? 1 : kinds.count - 1
            model.entityKind = kinds[(model.entityKind.rawValue + step) % kinds.count]
            model.trustAnswerChanged()
            rebuildFields()
            focus.focus(.kind)
            return .handled
        case .toggleOption?:
            if model.entityKind == .awsService { model.restrictToMyAccount.toggle() }
            if model.entityKind == .awsAccount { model.requireMFA.toggle() }
            if family == .cognito { model.cognitoIdentities = FederationFields.nextIdentities(after: model.cognitoIdentities) }
            model.trustAnswerChanged()
            return .handled
        case .pickProvider?:
            syncFields()
            return .push(ProviderPickerScreen(
                context: context, saml: model.entityKind == .saml, current: model.federationProvider,
                choose: { [weak self] provider in self?.chooseProvider(provider) }))
        default:
            break
        }
        switch focus.current {
        case .kind:
            return .ignored
        case .services:
            let result = services.handle(key)
            if result == .changed {
                let checked = services.checked
                model.setServices(model.services.filter(checked.contains) + services.checkedItems.map(\.id).filter { !model.services.contains($0) })
                problem = nil
            }
            return result == .ignored ? .ignored : .handled
        case .field(let index):
            let result = fields[index].handle(key)
            if result == .changed {
                // The field shows its own message as typed; the one from Enter is stale.
                problem = nil
                syncFields()
            }
            return result == .ignored ? .ignored : .handled
        }
    }

    private func next() -> Transition<WizardMessage> {
        syncFields()
        if model.entityKind == .awsService && model.services.isEmpty {
            problem = "Choose at least one service (Space toggles, / filters)."
            return .handled
        }
        if let invalid = fields.first(where: { !$0.isValid }) {
            problem = "\(invalid.label): \(invalid.validationMessage ?? "")"
            return .handled
        }
        problem = nil
        switch flow {
        case .create: return CreateFlow.advance(from: .trustedEntity, context: context)
        case .edit: return .pop
        }
    }
}
