import Foundation
import Provisioning
import TerminalUI

/// What signing in asks of the person, drawn where the start screen (or the
/// sign-in screen) puts it: the MFA code field, or the device sign-in's page,
/// code, countdown and, when it fits, a QR code of the page with the code.
enum SignInPanel {
    /// Draws `progress` at the top of `canvas`; returns the rows used.
    static func draw(_ progress: SignInProgress, mfaCode: TextField, in canvas: Canvas, now: Date = Date()) -> Int {
        switch progress {
        case .idle:
            return 0
        case .connecting:
            return canvas.paragraph("Reading the credentials… (Esc works offline)", style: .dim)
        case .askingForMFACode(let request):
            var row = canvas.paragraph(
                "Profile \(request.profile) assumes \(request.roleArn) with an MFA device. "
                    + "Enter the code that \(request.device) shows now.",
                style: .normal)
            row += 1
            mfaCode.draw(canvas.rows(from: row, count: TextField.height), focused: true)
            row += TextField.height
            return row + canvas.paragraph("Enter signs in; Esc works offline.", in: Rect(x: 0, y: row, columns: canvas.columns, rows: 1), style: .dim)
        case .waitingForApproval(let request):
            return drawDeviceSignIn(request, in: canvas, now: now)
        }
    }

    private static func drawDeviceSignIn(_ request: DeviceSignInRequest, in canvas: Canvas, now: Date) -> Int {
        var lines: [(String, Style)] = [
            ("Sign in to IAM Identity Center (profile \(request.profile)).", .title),
            ("Open this page in a browser, on this machine or any other:", .normal),
            ("  " + request.verificationURL, .info),
            ("and enter the code:  " + request.userCode, .title),
        ]
        if let complete = request.completeURL {
            lines += [("Or open this address, which carries the code:", .normal), ("  " + complete, .info)]
        }
        lines.append(("Waiting for the approval: " + remaining(until: request.expiresAt, now: now) + " left. Esc works offline.", .dim))
        for (index, line) in lines.prefix(canvas.rows).enumerated() {
            canvas.field(line.0, at: Point(x: 0, y: index), width: canvas.columns, style: line.1)
        }
        return min(lines.count, canvas.rows)
    }

    /// `m:ss` until `date`.
    static func remaining(until date: Date, now: Date) -> String {
        let seconds = max(0, Int(date.timeIntervalSince(now).rounded(.down)))
        return "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
    }
}
