import Foundation

/// The reference material beside the repository.
enum SharedDomain {
    static let xsd: String? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/domain/xsd")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("ijw-3.2/JW301.xsd").path)
            ? url.path : nil
    }()
}
