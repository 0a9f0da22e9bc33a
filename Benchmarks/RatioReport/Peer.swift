import BenchmarkSupport
import Foundation

/// What a team would use instead of zorgledger: the Python `eventsourcing` library appending the
/// same files as opaque events with its SQLite recorder (`Benchmarks/Peer/eventsourcing_append.py`),
/// run as a process of its own like `zorgledger ingest`, and timed the same way.
struct Peer {
    let python: String
    let script: String

    /// nil when no interpreter is given; an error when the one given lacks the library.
    init?(python: String?) throws {
        guard let python else { return nil }
        self.python = python
        script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Peer/eventsourcing_append.py").path
        let check = try ChildProcess.run(python, ["-c", "import eventsourcing.sqlite"])
        guard check.status == 0 else { throw BenchmarkError("\(python) cannot import eventsourcing: pip install eventsourcing==9.5.0") }
    }

    /// Seconds the peer takes to append every file of `folder` to a new database.
    func append(_ folder: String, into database: String) throws -> Double {
        let run = try ChildProcess.run(python, [script, folder, database])
        guard run.status == 0 else { throw BenchmarkError("the eventsourcing peer exited \(run.status)") }
        return run.seconds
    }
}
