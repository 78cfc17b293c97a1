import Provisioning
import TerminalUI

/// Writes the role as a spec file, CLI script, CloudFormation or Terraform
/// into a directory (the output directory unless changed; Tab moves to
/// it), showing the full path of each file written. Offline it takes the
/// place of Apply.
final class ExportScreen: WizardScreen {
    enum Command { case export }
    enum Focus: Hashable { case formats, directory }

    let context: WizardContext
    /// The step indicator's position (nil when opened from Done).
    let step: Int?
    let list = ListView(items: [
        ListItem(id: ExportFormat.json.rawValue, title: "Spec file", detail: "for rolewiz apply --spec"),
        ListItem(id: ExportFormat.cli.rawValue, title: "AWS CLI script", detail: "a re-runnable shell script"),
        ListItem(id: ExportFormat.cloudformation.rawValue, title: "CloudFormation", detail: "YAML template"),
        ListItem(id: ExportFormat.terraform.rawValue, title: "Terraform", detail: "aws_iam_role and attachments"),
    ])
    let directory: TextField
    private(set) var focus = FocusRing<Focus>([.formats, .directory])
    private(set) var written: [String] = []
    private(set) var problem: String?

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Export", help: "Write the role in the highlighted format", action: .export),
    ])

    init(context: WizardContext, step: Int?) {
        self.context = context
        self.step = step
        directory = TextField(label: "Directory", text: context.outputDirectory.path, placeholder: "where to write the files")
    }

    var title: String { "Export" }
    var keyHints: [KeyHint] {
        Self.keys.hints + [KeyHint(keys: [.tab], label: "Directory", help: "Move between the formats and the directory field")]
            + (focus.isFocused(.formats) ? list.keyHints : directory.keyHints)
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "export", step: step, offline: context.service.isOffline)
        let intro = context.service.isOffline
            ? "Offline: nothing can be created here. Export the role and apply it where there are credentials."
            : "Export the role for another tool."
        let used = body.paragraph(intro, in: Rect(x: 0, y: 0, columns: body.columns, rows: 2))
        list.draw(body.rows(from: used + 1, count: list.items.count + 1), focused: focus.isFocused(.formats))
        var row = used + list.items.count + 2
        directory.draw(body.rows(from: row, count: TextField.height), focused: focus.isFocused(.directory))
        row += TextField.height + 1
        for path in written {
            body.field("Wrote " + path, at: Point(x: 0, y: row), width: body.columns, style: .success)
            row += 1
        }
        if let problem { _ = body.paragraph("! " + problem, in: Rect(x: 0, y: row, columns: body.columns, rows: 3), style: .error) }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        if focus.handle(key) { return .handled }
        let typing = focus.isFocused(.directory) || list.takesTextInput
        guard Self.keys.action(for: key, typing: typing) == .export, !list.takesTextInput,
              let format = list.currentItem.flatMap({ ExportFormat(rawValue: $0.id) }) else {
            let result = focus.isFocused(.formats) ? list.handle(key) : directory.handle(key)
            return result == .ignored ? .ignored : .handled
        }
        let spec = context.model.spec(partition: context.partition)
        // The name may have come from the server (edit): one plain file name, never a path.
        let fileName = SpecFileName.forRole(spec.name, suffix: format == .json ? ".rolewiz.json" : "." + format.fileExtension)
        // Exports are pure text work once the account is known: done here, synchronously.
        do {
            let text = try context.service.export(spec, as: format, accountId: context.accountId)
            switch context.write(text, to: context.resolve(directory.text).appendingPathComponent(fileName)) {
            case .success(let path):
                written.append(path)
                problem = nil
                context.markAnswersKept()
            case .failure(let failure): problem = failure.message
            }
        } catch {
            problem = WizardError.describe(error)
        }
        return .handled
    }

}
