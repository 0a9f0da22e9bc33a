public import Foundation
import Synchronization

/// A fresh folder per test, removed when the test is done with it, and the ways to run the built
/// `zorgledger`, a shell and the `sqlite3` shell in it.
public final class WorkDirectory: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("zorgledger-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        _ = Self.removedAtExit
        Self.folders.withLock { _ = $0.insert(url.path) }
    }

    deinit {
        Self.folders.withLock { _ = $0.remove(url.path) }
        try? FileManager.default.removeItem(at: url)
    }

    /// The folders not yet removed. A fixture kept in a `static let`, shared by the tests of a
    /// suite, is never deinitialized: its folder (ledgers of generated clients) goes when the
    /// test process exits.
    private static let folders = Mutex<Set<String>>([])
    private static let removedAtExit: Void = {
        atexit {
            for path in WorkDirectory.folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
    }()

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The conventional ledger of a test, `ledger.sqlite` in this folder.
    public var ledger: String { path("ledger.sqlite") }

    /// Writes `bytes` to `name`, creating the folders on its path.
    public func write(_ name: String, _ bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    public func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url.appendingPathComponent(name))) }

    /// The bytes of the SQLite file `name` and of its write-ahead log when that holds any frames:
    /// what a reader would see, since committed pages may still live only in the `-wal`. An empty
    /// `-wal` (a read-only connection leaves one behind) is the same as none, and `-shm` is left out:
    /// it is an index that every reader rebuilds, not content.
    public func database(_ name: String) throws -> [String: [UInt8]] {
        var files = [name: try bytes(name)]
        if FileManager.default.fileExists(atPath: path(name + "-wal")) {
            let wal = try bytes(name + "-wal")
            if !wal.isEmpty { files[name + "-wal"] = wal }
        }
        return files
    }

    /// Starts `zorgledger arguments` in this folder without waiting, its peak memory measured.
    public func start(
        _ arguments: [String], stdin: Child.Input = .file("/dev/null"), environment: [String: String] = [:]
    ) throws -> Child {
        try Child(Zorgledger.executable, arguments, in: self, stdin: stdin, environment: environment, measuringPeak: true)
    }

    /// Runs `zorgledger arguments` in this folder to the end, as a person or a script would.
    @discardableResult
    public func run(
        _ arguments: [String], stdin: Child.Input = .file("/dev/null"), environment: [String: String] = [:]
    ) throws -> Child.Exit {
        try start(arguments, stdin: stdin, environment: environment).wait()
    }

    /// Runs a shell command line, e.g. to set a umask or `ulimit` before `exec zorgledger`.
    public func shell(_ script: String, timeout: Double = 60) throws -> Child.Exit {
        try Child("/bin/sh", ["-c", script], in: self).wait(timeout: timeout)
    }

    /// Runs SQL on `database` (default: ``ledger``) with the sqlite3 shell, behind zorgledger's
    /// back; returns its output.
    @discardableResult
    public func sqlite(_ sql: String, on database: String? = nil) throws -> String {
        let exit = try Child("/usr/bin/sqlite3", [database ?? ledger, sql], in: self).wait()
        guard exit.status == 0 else { throw HelperFailure(exit.stderr) }
        return exit.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
