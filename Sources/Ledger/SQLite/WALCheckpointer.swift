import Dispatch
import Synchronization
internal import CSQLite

/// Copies committed pages from the write-ahead log into the database file on a thread of its
/// own, through a connection of its own, while the writer goes on appending.
///
/// Without it the writer does that copy itself, at SQLite's `wal_autocheckpoint`, and in full
/// when its connection closes: after the last batch, with nothing left to overlap it with (at
/// 100,000 messages about a tenth of an ingest's wall time). The writer's commit hook asks for a
/// checkpoint each time the WAL has grown by `step` pages. A passive checkpoint never blocks
/// the writer nor waits for it, and copies only what is committed; SQLite's own locking keeps
/// the two apart. Requests that come while one runs are folded into one more.
///
/// A checkpoint that fails (a full disk, `ulimit -f`) is kept and handed to the writer, which
/// stops before its next batch: otherwise the WAL would go on growing beside a file that cannot
/// take its pages, and nobody would hear of it.
final class WALCheckpointer: Sendable {
    /// Pages of WAL growth per checkpoint: an eighth of the file, between 256 pages (4 MiB) and
    /// half of ``writerLimit``. A checkpoint writes each page it copies and syncs the file, so a
    /// page that every batch dirties (a leaf of a random-key index) is written once per checkpoint:
    /// one after every batch made a million-message ingest 16 % slower, and the larger the file,
    /// the more such pages a batch touches.
    private let step = Atomic<Int32>(256)

    private static func step(forFilePages pages: Int64) -> Int32 {
        Int32(max(256, min(Int64(writerLimit / 2), pages / 8)))
    }

    /// Where the writer checkpoints itself, as SQLite's `wal_autocheckpoint` would, should this
    /// thread fall behind: it bounds the WAL at 512 MiB (at 16 KiB pages). When the writer did every
    /// checkpoint, this many pages rather than SQLite's 1,000 made a million-message ingest write
    /// 15 % fewer bytes and take 8 % less CPU (a page dirtied by many batches is copied once).
    static let writerLimit: Int32 = 32768

    private let queue = DispatchQueue(label: "zorgledger.checkpoint", qos: .utility)
    /// True while a checkpoint is waiting to start; a request then adds nothing.
    private let waiting = Atomic<Bool>(false)
    private let failure = Mutex<LedgerError?>(nil)
    // Used on `queue` only; nil once closed.
    nonisolated(unsafe) private var connection: SQLiteConnection?
    // Used on the writer's thread only, by its commit hook: the WAL's size at the last request.
    nonisolated(unsafe) private var requestedAt: Int32 = 0
    // Used on the writer's thread only: by its commit hook, and by `close()`, from its owner's deinit.
    nonisolated(unsafe) private let writer: SQLiteConnection

    /// Follows the commits of `writer`, through a connection of its own to the same file.
    init(following writer: SQLiteConnection) throws(LedgerError) {
        let connection = try SQLiteConnection(path: writer.path, mode: .readWrite)
        // A connection finds the file in WAL mode, and opens its log, on its first read.
        try connection.execute("SELECT count(*) FROM sqlite_master")
        self.connection = connection
        self.writer = writer
        // Replaces SQLite's autocheckpoint hook on the writer; unset in `close()`, before the
        // writer can outlive this object.
        sqlite3_wal_hook(writer.handle, { context, _, _, pages in
            Unmanaged<WALCheckpointer>.fromOpaque(context!).takeUnretainedValue().committed(walPages: pages)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// After each commit of the writer, on its thread, with the pages now in the WAL.
    private func committed(walPages pages: Int32) {
        if pages >= Self.writerLimit {
            _ = sqlite3_wal_checkpoint_v2(writer.handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
        if pages < requestedAt { requestedAt = 0 }  // the WAL started again from its beginning
        guard pages - requestedAt >= step.load(ordering: .relaxed) else { return }
        requestedAt = pages
        checkpointSoon()
    }

    /// Asks for the pages committed so far to be copied into the file, soon.
    private func checkpointSoon() {
        guard waiting.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        queue.async { [self] in
            waiting.store(false, ordering: .releasing)
            // Passive: whatever a reader or the writer holds is skipped, and copied by the next one.
            guard let connection else { return }
            let rc = sqlite3_wal_checkpoint_v2(connection.handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            if let pages = try? connection.pageCount() { step.store(Self.step(forFilePages: pages), ordering: .relaxed) }
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
        sqlite3_wal_hook(writer.handle, nil, nil)
        queue.sync { connection = nil }
    }
}
