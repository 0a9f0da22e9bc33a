import Dispatch
import Synchronization
internal import CSQLite

/// Copies committed pages from the write-ahead log into the database file on a thread of its
/// own, through a connection of its own, while the writer goes on appending.
///
/// Without it the writer does that copy itself: at every `wal_autocheckpoint` pages, and in
/// full when its connection closes, after the last batch, when nothing else is left to overlap
/// it with (at 100,000 messages about a tenth of an ingest's wall time). A passive checkpoint
/// never blocks the writer nor waits for it, and copies only what is committed; SQLite's own
/// locking keeps the two apart. Requests that come while one runs are folded into one more.
///
/// A checkpoint that fails (a full disk, `ulimit -f`) is kept and handed to the writer, which
/// stops before its next batch: otherwise the WAL would go on growing beside a file that cannot
/// take its pages, and nobody would hear of it.
final class WALCheckpointer: Sendable {
    private let queue = DispatchQueue(label: "zorgledger.checkpoint", qos: .utility)
    /// True while a checkpoint is waiting to start; a request then adds nothing.
    private let waiting = Atomic<Bool>(false)
    private let failure = Mutex<LedgerError?>(nil)
    // Used on `queue` only; nil once closed.
    nonisolated(unsafe) private var connection: SQLiteConnection?

    init(path: String) throws(LedgerError) {
        let connection = try SQLiteConnection(path: path, mode: .readWrite)
        // A connection finds the file in WAL mode, and opens its log, on its first read.
        try connection.execute("SELECT count(*) FROM sqlite_master")
        self.connection = connection
    }

    /// Asks for the pages committed so far to be copied into the file, soon.
    func checkpointSoon() {
        guard waiting.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        queue.async { [self] in
            waiting.store(false, ordering: .releasing)
            // Passive: whatever a reader or the writer holds is skipped, and copied by the next one.
            guard let connection else { return }
            let rc = sqlite3_wal_checkpoint_v2(connection.handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            // Busy: another connection is checkpointing; what it leaves, the next request copies.
            guard rc != SQLITE_OK, rc & 0xFF != SQLITE_BUSY, rc & 0xFF != SQLITE_LOCKED else { return }
            let error = connection.error(rc, connection.currentMessage)
            failure.withLock { $0 = error }
        }
    }

    /// The failure of a checkpoint since the last call, if any.
    func takeFailure() -> LedgerError? {
        failure.withLock { failure in
            defer { failure = nil }
            return failure
        }
    }

    /// Waits for a checkpoint in flight and closes the connection, so that the writer's, closed
    /// after it, is the last: SQLite then copies the rest and removes the `-wal` file there and then.
    func close() {
        queue.sync { connection = nil }
    }
}
