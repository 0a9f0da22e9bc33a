import Foundation

/// A fresh folder per test, removed afterwards, with the ledger and corpora the test makes in it,
/// and the ways to run the built `zorgledger` and the `sqlite3` shell against them.
final class Workspace {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("zorgledger-rel-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ name: String) -> String { root + "/" + name }

    var ledger: String { path("ledger.sqlite") }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path(name)))) }

    /// Starts `zorgledger --db ledger arguments` without waiting.
    func start(_ arguments: [String], ledger: String? = nil, stdin: String = "/dev/null") throws -> Child {
        try Child(Self.executable, ["--db", ledger ?? self.ledger] + arguments, stdin: stdin, scratch: self)
    }

    /// Runs `zorgledger --db ledger arguments` to the end.
    @discardableResult
    func run(_ arguments: [String], ledger: String? = nil, stdin: String = "/dev/null") throws -> Child.Exit {
        try start(arguments, ledger: ledger, stdin: stdin).wait()
    }

    /// Runs a shell command line, e.g. to set a umask or `ulimit` before `exec zorgledger`.
    func shell(_ script: String) throws -> Child.Exit {
        try Child("/bin/sh", ["-c", script], scratch: self).wait()
    }

    /// Runs SQL on `database` with the sqlite3 shell, behind zorgledger's back; returns its output.
    @discardableResult
    func sqlite(_ sql: String, on database: String? = nil) throws -> String {
        let exit = try Child("/usr/bin/sqlite3", [database ?? ledger, sql], scratch: self).wait()
        guard exit.status == 0 else { throw HelperFailure(message: exit.stderr) }
        return exit.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes `zorgledger generate` traffic to `folder` and returns how many files it holds.
    func generate(clients: Int, months: Int, seed: Int, into folder: String) throws -> Int {
        let exit = try Child(
            Self.executable, ["generate", "--clients", "\(clients)", "--months", "\(months)", "--seed", "\(seed)",
                              "--out", path(folder)], scratch: self).wait()
        guard exit.status == 0 else { throw HelperFailure(message: exit.stderr) }
        return try FileManager.default.contentsOfDirectory(atPath: path(folder)).count
    }

    /// The `zorgledger` built next to the test bundle.
    static let executable: String = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("zorgledger").path
    }()

    /// The package's root folder.
    static let package = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The reference examples beside the repository.
    static let examples = package.deletingLastPathComponent().appendingPathComponent("shared/domain/examples/ijw-3.2")

    static func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: examples.appendingPathComponent("\(name).xml")))
    }
}

/// A helper process (sqlite3, generate) failed; its stderr says why.
struct HelperFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
