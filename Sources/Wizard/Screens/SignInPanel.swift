import Foundation
import Provisioning
import TerminalUI

/// What signing in asks of the person, drawn where the start screen (or the
/// sign-in screen) puts it: the MFA code field, or the device sign-in's page,
/// code and time left, with a QR code of the page (code included) beside
/// them when the window has room, for a phone to open.
final class SignInPanel {
    /// The code field (concealed): the owning screen sends it keys.
    let mfaCode = TextField(label: "MFA code", maxLength: 6, validator: SignInPanel.checkMFACode)
    /// The QR code of the last address drawn (nil when it cannot be encoded).
    private var qrCode: (address: String, view: QRCodeView?)?
    /// The least room beside the text that is worth drawing a QR code in.
    static let textColumns = 52

    init() {
        mfaCode.concealsText = true
    }

    /// STS takes a six-digit `TokenCode` (nothing typed yet is not an error to show).
    static func checkMFACode(_ code: String) -> String? {
        code.isEmpty || code.count == 6 && code.allSatisfy(\.isASCII) && code.allSatisfy(\.isNumber)
            ? nil : "the code is the 6 digits the device shows"
    }

    /// The code typed, when it can be sent.
    var codeToSend: String? {
        mfaCode.isValid && !mfaCode.text.isEmpty ? mfaCode.text : nil
    }

    /// Draws `progress` at the top of `canvas`; returns the rows used.
    func draw(_ progress: SignInProgress, in canvas: Canvas, now: Date = Date()) -> Int {
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

    private func drawDeviceSignIn(_ request: DeviceSignInRequest, in canvas: Canvas, now: Date) -> Int {
        let address = request.completeURL ?? request.verificationURL
        let code = qrView(for: address)
        let codeSize = code?.size(for: canvas.charset)
        let drawsCode = codeSize.map { canvas.columns - $0.columns - 2 >= Self.textColumns && canvas.rows >= $0.rows } ?? false
        let textWidth = drawsCode ? canvas.columns - (codeSize?.columns ?? 0) - 2 : canvas.columns
        var lines: [(String, Style)] = [
            ("Sign in to IAM Identity Center (profile \(request.profile)).", .title),
            ("Open this page in a browser, on this machine or any other:", .normal),
            ("  " + request.verificationURL, .info),
            ("and enter the code:  " + request.userCode, .title),
        ]
        if let complete = request.completeURL {
            lines += [("Or open this address, which carries the code:", .normal), ("  " + complete, .info)]
        }
        if drawsCode {
            lines.append(("Or scan the QR code with a phone.", .normal))
        } else if let codeSize, canvas.charset == .utf8 {
            lines.append(("(A QR code of the address shows in a window of \(codeSize.columns + Self.textColumns + 2)x\(codeSize.rows + 12) or more.)", .dim))
        }
        lines.append(("Waiting for the approval: " + Self.remaining(until: request.expiresAt, now: now) + " left. Esc works offline.", .dim))
        var row = 0
        for (text, style) in lines {
            guard row < canvas.rows else { break }
            row += canvas.paragraph(text, in: Rect(x: 0, y: row, columns: textWidth, rows: canvas.rows - row), style: style)
        }
        if drawsCode, let code, let codeSize {
            code.draw(canvas.sub(Rect(x: canvas.columns - codeSize.columns, y: 0, columns: codeSize.columns, rows: codeSize.rows)))
            row = max(row, codeSize.rows)
        }
        return row
    }

    /// The QR code of `address`, encoded once (low error correction: the
    /// smallest code, read off a screen, not a worn label).
    private func qrView(for address: String) -> QRCodeView? {
        if let qrCode, qrCode.address == address { return qrCode.view }
        let view = (try? QRCode(text: address, errorCorrection: .low)).map(QRCodeView.init)
        qrCode = (address, view)
        return view
    }

    /// `m:ss` until `date`.
    static func remaining(until date: Date, now: Date) -> String {
        let seconds = max(0, Int(date.timeIntervalSince(now).rounded(.down)))
        return "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
    }
}
