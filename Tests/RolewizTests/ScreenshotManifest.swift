import Foundation

/// What `screenshots/generate` says it produced (manifest.json in its output folder).
struct ScreenshotManifestEntry: Decodable, Sendable {
    var name: String
    var columns: Int
    var rows: Int
    /// The PNG's size in pixels.
    var width: Int
    var height: Int
    /// Text the kept screen must show (the scene's last wait).
    var expect: [String]
}

/// The width and height a PNG file declares in its IHDR chunk, or nil when
/// the data does not start like a PNG.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
        return nil
    }
    func bigEndian(_ start: Int) -> Int { bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (bigEndian(16), bigEndian(20))
}
