public import Foundation

/// Where the package under test lives: the built executable and the package's own folder.
public enum Zorgledger {
    /// The `zorgledger` built next to the test bundle, so the end-to-end tests run exactly what
    /// `swift build` made, with no install step.
    public static let executable: String = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("zorgledger").path
    }()

    /// The `peak-rss` program built beside it (Tests/PeakRSS), which measures a child's peak memory.
    public static let peakRSS = URL(fileURLWithPath: executable).deletingLastPathComponent()
        .appendingPathComponent("peak-rss").path

    /// The package's root folder, found from this file (Tests/TestSupport → ../..) so tests need
    /// no resources and work from any working directory.
    public static let package = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
