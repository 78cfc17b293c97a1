import Provisioning
import TerminalUI

/// Step 2: managed policies to attach. Every AWS and customer managed
/// policy (read in the background, all pages, once per session), filtered
/// as you type, narrowed by scope, with the chosen policy's JSON in a
/// preview pane (read on demand) and lint warnings beside risky choices.
/// Offline, the list holds the presets' policies and the current choice;
/// `+` adds any policy by name or ARN (offline or not).
final class PermissionsScreen: WizardScreen {
    enum Command { case next, scope, preview, add, inline }
    enum Scope: Int, CaseIterable {
        case all, awsManaged, customerManaged, selected

        var title: String {
            switch self {
            case .all: "All"
            case .awsManaged: "AWS managed"
            case .customerManaged: "Customer managed"
            case .selected: "Selected"
            }
        }
    }

    let context: WizardContext
    let flow: Flow
    var step: Int? { flow == .create ? CreateFlow.Step.permissions.rawValue : nil }
    let list: ListView
    let preview = ScrollView()
    private(set) var scope = Scope.all
    private(set) var previewFocused = false
    /// The "add by name or ARN" field while it is open.
    private(set) var adding: TextField?
    private(set) var addProblem: String?
    private var spinner = 0

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Next", help: "Accept these policies and go on", action: .next),
        KeyBinding(keys: [.function(2)], label: "Scope", help: "Show all, AWS managed, customer managed or selected policies", action: .scope),
        KeyBinding(keys: [.tab], label: "Preview", help: "Move between the list and the policy preview", action: .preview),
        KeyBinding(keys: [.character("+")], label: "Add by name",
                   help: "Type a policy name (AWS managed) or ARN to attach; Enter adds, Esc cancels", action: .add),
        // Out of the bar (Space matters more there): the status line says "inline (F3)".
        KeyBinding(keys: [.function(3)], label: "Inline",
                   help: "Add, edit or remove the role's inline policies (policies only this role has)", showsInBar: false, action: .inline),
    ])

    init(context: WizardContext, flow: Flow) {
        self.context = context
        self.flow = flow
        list = ListView(items: [], selection: .multiple, checked: Set(context.model.policyArns))
        list.emptyMessage = "No policy matches."
        context.loadPolicies()
        refreshItems()
    }

    var model: WizardModel { context.model }
    var title: String { "Permissions" }
    var keyHints: [KeyHint] { Self.keys.hints + list.keyHints }
    var isAnimating: Bool { context.policies == nil && !context.service.isOffline }
    func tick() { spinner += 1 }

    /// Every policy known: the account's list when loaded, else the presets'
    /// and the chosen ones (so the preset's choice shows at once).
    private var knownPolicies: [(arn: String, name: String, awsManaged: Bool)] {
        var seen = Set<String>()
        var result: [(arn: String, name: String, awsManaged: Bool)] = []
        func add(_ arn: String, _ name: String) {
            guard seen.insert(arn).inserted else { return }
            result.append((arn, name, PolicyReference(arn: arn).isAWSManaged))
        }
        if let loaded = context.policies?.value {
            // The account's order, which checking and unchecking never change
            // (so the cursor stays where it is); chosen ones it lacks after.
            for policy in loaded { add(policy.arn, policy.policyName) }
            for arn in model.policyArns { add(arn, PolicyReference(arn: arn).name) }
        } else {
            for arn in model.policyArns { add(arn, PolicyReference(arn: arn).name) }
            for preset in RolePreset.all {
                for reference in preset.spec.managedPolicies { add(reference.arn(partition: context.partition), reference.name) }
            }
        }
        return result
    }

    /// What the warnings were worked out from, and the warnings: the linter
    /// runs again only when the answers, the quotas or the account change,
    /// not on every move of the cursor (its checks are not cheap).
    private var lintedFrom: (spec: RoleSpec, edited: String?, quotas: LintQuotas, account: String?)?
    private var lintedWarnings: [String: String] = [:]
    /// Each previewed policy's document as printed (a customer managed one after its findings), by ARN.
    private var prettyDocuments: [String: String] = [:]

    /// Lint messages for the chosen policies, by ARN.
    private var warnings: [String: String] {
        let inputs = (spec: model.spec(partition: context.partition), edited: model.editedTrustPolicy, quotas: context.quotas, account: context.accountId)
        if let lintedFrom, lintedFrom.spec == inputs.spec, lintedFrom.edited == inputs.edited,
           lintedFrom.quotas == inputs.quotas, lintedFrom.account == inputs.account {
            return lintedWarnings
        }
        lintedWarnings = lint()
        lintedFrom = inputs
        return lintedWarnings
    }

    private func lint() -> [String: String] {
        let trust = model.generatedTrustPolicy(partition: context.partition, accountId: context.accountId)
        let findings = TrustPolicyLinter(quotas: context.quotas).lint(
            trustPolicy: model.editedTrustPolicy ?? ((try? trust.get()) ?? "{}"), managedPolicyArns: model.policyArns)
        var result: [String: String] = [:]
        for finding in findings {
            guard case .managedPolicy(let index) = finding.subject, model.policyArns.indices.contains(index) else { continue }
            result[model.policyArns[index]] = finding.message
        }
        return result
    }

    private func refreshItems() {
        let warnings = warnings
        let chosen = Set(model.policyArns)
        let items = knownPolicies.filter { policy in
            switch scope {
            case .all: true
            case .awsManaged: policy.awsManaged
            case .customerManaged: !policy.awsManaged
            case .selected: chosen.contains(policy.arn)
            }
        }.map { policy in
            // No detail column: names are long, and the preview shows the ARN (AWS or customer managed).
            ListItem(id: policy.arn, title: (warnings[policy.arn] == nil ? "" : "! ") + policy.name)
        }
        list.setItems(items)
        list.setChecked(chosen)
        requestPreview()
    }

    private func requestPreview() {
        guard let arn = list.currentItem?.id else { return }
        context.loadPolicyDocument(arn: arn)
        preview.setText(previewText(arn: arn))
    }

    private func previewText(arn: String) -> String {
        var text = arn + "\n"
        if let warning = warnings[arn] { text += "! " + warning + "\n" }
        if context.service.isOffline { return text + "\n(offline: the document cannot be read)\n\n+ adds any policy by name or ARN." }
        switch context.policyDocuments[arn] {
        case nil: return text + "\nloading…"
        case .failure(let message)?: return text + "\n! " + message
        case .success(let document)?:
            // Parsed, printed and linted once per policy: moving back and forth between rows does none of it again.
            if let shown = prettyDocuments[arn] { return text + "\n" + shown }
            let pretty = PolicyDocument.readingText(document)
            let shown = Self.findingLines(for: pretty, arn: arn) + pretty
            prettyDocuments[arn] = shown
            return text + "\n" + shown
        }
    }

    /// A customer managed policy's identity-policy findings, a line each, placed
    /// in the document as printed below them; AWS managed policies are AWS's to fix.
    static func findingLines(for printed: String, arn: String) -> String {
        guard !PolicyReference(arn: arn).isAWSManaged else { return "" }
        let findings = IdentityPolicyLinter().lint(policy: printed)
        guard !findings.isEmpty else { return "" }
        return findings.map { finding in
            "\(PolicyFindingsView.severity(finding.severity).letter) " + (finding.position.map { "\($0) " } ?? "") + finding.message
        }.joined(separator: "\n") + "\n\n"
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "permissions", step: step,
                                    offline: context.service.isOffline)
        let quota = context.quotas.attachedPoliciesPerRole
        var status = "\(model.policyArns.count) of \(quota) selected · \(model.inlinePolicies.count) inline (F3) · scope: \(scope.title)"
        if context.service.isOffline {
            status += " · offline"
        } else if context.policies == nil {
            let spin = ["|", "/", "-", "\\"][spinner % 4]
            status += " · \(spin) loading policies (\(max(0, context.policiesLoadedSoFar)) so far)"
        } else if case .failure(let message)? = context.policies {
            status += " · ! " + message
        }
        body.field(status, at: .zero, width: body.columns, style: model.policyArns.count > quota ? .error : .dim)
        let listWidth = body.columns * 3 / 5
        list.draw(body.sub(Rect(x: 0, y: 1, columns: listWidth, rows: body.rows - 1)), focused: !previewFocused)
        if let adding {
            let area = body.sub(Rect(x: 0, y: body.rows - TextField.height - 1, columns: listWidth, rows: TextField.height + 1))
            area.fill(style: .normal)
            adding.draw(area.rows(from: 0, count: TextField.height), focused: true)
            if let addProblem { area.field("! " + addProblem, at: Point(x: 0, y: TextField.height), width: area.columns, style: .error) }
        }
        let pane = body.sub(Rect(x: listWidth + 1, y: 1, columns: body.columns - listWidth - 1, rows: body.rows - 1))
        pane.box(style: previewFocused ? .focusedBorder : .border, title: "Preview")
        preview.draw(pane.sub(pane.bounds.inset(by: 1)), focused: previewFocused)
    }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        switch message {
        case .policies:
            refreshItems()
            // The full list opens at its top, not on a chosen (possibly risky) policy a stray Space would uncheck.
            list.moveCursorToTop()
            requestPreview()
        case .policyDocument(let arn, _) where arn == list.currentItem?.id: preview.setText(previewText(arn: arn))
        case .policiesPage, .policyDocument: break
        default: return .ignored
        }
        return .handled
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        if let adding { return handleAdding(key, field: adding) }
        switch Self.keys.action(for: key, typing: list.takesTextInput) {
        case .next? where !list.takesTextInput:
            switch flow {
            case .create: return CreateFlow.advance(from: .permissions, context: context)
            case .edit: return .pop
            }
        case .scope?:
            scope = Scope(rawValue: (scope.rawValue + 1) % Scope.allCases.count) ?? .all
            refreshItems()
            return .handled
        case .preview?:
            previewFocused.toggle()
            return .handled
        case .inline?:
            return .push(InlinePoliciesScreen(context: context))
        case .add?:
            adding = TextField(label: "Policy", placeholder: "name or ARN, e.g. AmazonS3ReadOnlyAccess")
            addProblem = nil
            return .handled
        default:
            break
        }
        if previewFocused { return preview.handle(key) == .ignored ? .ignored : .handled }
        let before = list.currentItem?.id
        let result = list.handle(key)
        if result == .changed {
            let checked = list.checked
            model.policyArns = model.policyArns.filter(checked.contains)
                + list.checkedItems.map(\.id).filter { !model.policyArns.contains($0) }
            refreshItems()
        } else if list.currentItem?.id != before {
            requestPreview()
        }
        return result == .ignored ? .ignored : .handled
    }

    /// Keys while the "add by name or ARN" field is open: Enter adds, Esc closes it.
    private func handleAdding(_ key: Key, field: TextField) -> Transition<WizardMessage> {
        switch key {
        case .escape:
            adding = nil
            return .handled
        case .enter:
            let text = field.text.trimmingCharacters(in: .whitespaces)
            let reference = PolicyReference(text)
            if let issue = text.isEmpty ? "Type a policy name or ARN" : reference.validationIssues(field: "policy").first?.message {
                addProblem = issue
                return .handled
            }
            let arn = reference.arn(partition: context.partition)
            // With the account's policies loaded, an ARN that is not among them cannot be attached.
            if let loaded = context.policies?.value, !loaded.contains(where: { $0.arn == arn }) {
                addProblem = "No policy \(arn) in this account"
                return .handled
            }
            if !model.policyArns.contains(arn) { model.policyArns.append(arn) }
            adding = nil
            refreshItems()
            list.moveCursor(to: arn)
            requestPreview()
            return .handled
        default:
            addProblem = nil
            return field.handle(key) == .ignored ? .ignored : .handled
        }
    }
}
