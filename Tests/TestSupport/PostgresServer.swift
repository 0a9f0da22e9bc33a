import Foundation
public import Testing

/// The PostgreSQL server the tests of the log on PostgreSQL use: `ZORGLEDGER_TEST_POSTGRES` holds the
/// URL of a role that may create databases (`.ci/postgres start DIR` starts one and prints it). Each
/// test gets a new, empty database of its own. Without a server those tests are reported as skipped,
/// with the reason; under `CI=true` they run and fail, so a CI run can never pass them silently.
public enum PostgresServer {
    public static let url: String? = {
        let url = ProcessInfo.processInfo.environment["ZORGLEDGER_TEST_POSTGRES"] ?? ""
        return url.isEmpty ? nil : url
    }()

    /// The one line a skipped test reports.
    public static let missing =
        "no PostgreSQL server given: set ZORGLEDGER_TEST_POSTGRES to the URL `.ci/postgres start DIR` prints"

    /// Whether the tests of the log on PostgreSQL run: with a server, or under CI (where they fail without one).
    public static let shouldRun = url != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    /// Creates a new, empty database and returns its URL (same role and password).
    public static func freshDatabase() throws -> String {
        guard let url else { throw HelperFailure(missing) }
        let name = "zl_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql(url, "CREATE DATABASE \(name)")
        return url[..<url.lastIndex(of: "/")!] + "/" + name
    }

    /// Runs `sql` with `psql` against `url` (as its role); returns what it printed, unaligned.
    @discardableResult
    public static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HelperFailure("psql failed on \(sql.prefix(60)): \(String(decoding: complaint, as: UTF8.self))")
        }
        return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test of the log on PostgreSQL when a server is given (always under CI); otherwise it is
    /// skipped with ``PostgresServer/missing``.
    public static var postgres: Self {
        .enabled(if: PostgresServer.shouldRun, Comment(rawValue: PostgresServer.missing))
    }
}
