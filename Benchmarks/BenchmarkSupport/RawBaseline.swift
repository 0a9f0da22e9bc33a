import CLibXML2
import CLZ4
import COpenSSL
import CSQLite
import Glibc
import Kenmerken
public import Ledger

/// The plain C APIs doing the same storage work as the ledger, measured in the same run:
/// `sqlite3_prepare_v2` once, bind/step/reset inside `BEGIN IMMEDIATE … COMMIT`, and
/// `LZ4_decompress_safe_usingDict` in a loop (perf/baselines.md); and the least work an ingest and a
/// replay must do, one thread, C APIs only (issue 13's baseline).
public enum RawBaseline {
    /// The least an ingest must do per message, on one thread: read the file, parse it with
    /// libxml2's SAX parser and no handlers, SHA-256 it, LZ4-compress it and insert one row with two
    /// indexes (content hash, file name), 1000 rows per transaction, into a fresh file at `path`.
    /// - returns: the seconds it took.
    public static func pipeline(files: [String], into path: String) throws -> Double {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw BenchmarkError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        try exec(db, """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;
            CREATE TABLE raw_events (position INTEGER PRIMARY KEY, source TEXT NOT NULL,
                content_hash BLOB NOT NULL, raw_size INTEGER NOT NULL, payload BLOB NOT NULL);
            CREATE INDEX raw_events_hash ON raw_events (content_hash);
            CREATE INDEX raw_events_source ON raw_events (source);
            """)
        let insert = try prepare(db, "INSERT INTO raw_events VALUES (?1, ?2, ?3, ?4, ?5)")
        defer { sqlite3_finalize(insert) }
        var compressed = [CChar](repeating: 0, count: Int(LZ4_compressBound(Int32(maximumMessage))))
        var hash = [UInt8](repeating: 0, count: 32)
        let clock = Stopwatch()
        for start in stride(from: 0, to: files.count, by: 1000) {
            try exec(db, "BEGIN IMMEDIATE")
            for (offset, file) in files[start..<min(start + 1000, files.count)].enumerated() {
                let bytes = try contents(of: file)
                try bytes.withUnsafeBufferPointer { message in
                    let base = UnsafeRawPointer(message.baseAddress!).assumingMemoryBound(to: CChar.self)
                    try saxParse(base, message.count)
                    // The low-level calls, as the ledger hashes (the one-shot SHA256() sets up EVP each time).
                    var sha = SHA256_CTX()
                    SHA256_Init(&sha)
                    SHA256_Update(&sha, message.baseAddress, message.count)
                    SHA256_Final(&hash, &sha)
                    let size = LZ4_compress_default(base, &compressed, Int32(message.count), Int32(compressed.count))
                    guard size > 0 else { throw BenchmarkError("\(file) does not compress") }
                    sqlite3_bind_int64(insert, 1, Int64(start + offset + 1))
                    text(insert, 2, file)
                    sqlite3_bind_blob(insert, 3, hash, 32, transient)
                    sqlite3_bind_int64(insert, 4, Int64(message.count))
                    sqlite3_bind_blob(insert, 5, compressed, size, transient)
                    try step(db, insert)
                }
            }
            try exec(db, "COMMIT")
        }
        return clock.seconds
    }

    /// The largest message the pipeline baseline takes (the ledger refuses larger ones too).
    private static let maximumMessage = 32 * 1024 * 1024

    /// Parses `count` bytes of XML with a SAX handler that handles nothing: the parse alone.
    private static func saxParse(_ bytes: UnsafePointer<CChar>, _ count: Int) throws {
        var handler = xmlSAXHandler()
        guard xmlSAXUserParseMemory(&handler, nil, bytes, Int32(count)) == 0 else {
            throw BenchmarkError("a message does not parse")
        }
    }

    /// The bytes of `file`, read with POSIX calls.
    private static func contents(of file: String) throws -> [UInt8] {
        let descriptor = open(file, O_RDONLY)
        guard descriptor >= 0 else { throw BenchmarkError("cannot open \(file)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size <= maximumMessage else {
            throw BenchmarkError("cannot read \(file)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard read == bytes.count else { throw BenchmarkError("cannot read \(file)") }
        return bytes
    }

    /// Inserts already-compressed rows, with their BSN and toewijzing rows, into a fresh file with
    /// the ledger's schema and pragmas, `batchSize` rows per transaction.
    /// - returns: the seconds the inserts took.
    public static func insert(_ rows: [PreparedEvent], into path: String, batchSize: Int = 1000) throws -> Double {
        _ = try SQLiteStore(path: path, access: .createIfMissing)
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw BenchmarkError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        try exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;")
        let event = try prepare(db, """
            INSERT INTO events (position, kind, recorded_at, source, standaard, release, bericht_code, berichttype,
                afzender, ontvanger, identificatie, dagtekening, identificatie_retour, heen_code, heen_afzender,
                heen_identificatie, conflict_of, dictionary_id, raw_size, payload, content_hash, chain_hash)
            VALUES (?1, 'bericht', '2026-01-01T00:00:00.000Z', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                ?14, NULL, ?15, ?16, ?17, ?18, ?18)
            """)
        let bsn = try prepare(db, "INSERT INTO event_bsn (position, bsn) VALUES (?1, ?2)")
        let toewijzing = try prepare(db,
            "INSERT INTO event_toewijzing (position, gemeente, toewijzing_nummer) VALUES (?1, ?2, ?3)")
        defer {
            sqlite3_finalize(event)
            sqlite3_finalize(bsn)
            sqlite3_finalize(toewijzing)
        }
        let clock = Stopwatch()
        var position: Int64 = 0
        for start in stride(from: 0, to: rows.count, by: batchSize) {
            try exec(db, "BEGIN IMMEDIATE")
            for row in rows[start..<min(start + batchSize, rows.count)] {
                position += 1
                let m = row.metadata
                sqlite3_bind_int64(event, 1, position)
                text(event, 2, row.source)
                text(event, 3, m.standaard)
                text(event, 4, m.release)
                integer(event, 5, m.berichtCode.map(Int64.init))
                text(event, 6, m.berichttype)
                text(event, 7, m.afzender)
                text(event, 8, m.ontvanger)
                text(event, 9, m.identificatie)
                text(event, 10, m.dagtekening)
                text(event, 11, m.identificatieRetour)
                integer(event, 12, m.heenbericht.map { Int64($0.berichtCode) })
                text(event, 13, m.heenbericht?.afzender)
                text(event, 14, m.heenbericht?.identificatie)
                integer(event, 15, row.dictionaryID)
                sqlite3_bind_int64(event, 16, Int64(row.rawSize))
                _ = row.compressed.withUnsafeBytes {
                    sqlite3_bind_blob(event, 17, $0.baseAddress, Int32($0.count), nil)
                }
                _ = row.contentHash.bytes.withUnsafeBytes {
                    sqlite3_bind_blob(event, 18, $0.baseAddress, Int32($0.count), nil)
                }
                try step(db, event)
                for value in m.bsns {
                    sqlite3_bind_int64(bsn, 1, position)
                    text(bsn, 2, value)
                    try step(db, bsn)
                }
                for value in m.toewijzingen {
                    sqlite3_bind_int64(toewijzing, 1, position)
                    text(toewijzing, 2, value.gemeente)
                    sqlite3_bind_int64(toewijzing, 3, Int64(value.nummer))
                    try step(db, toewijzing)
                }
            }
            try exec(db, "COMMIT")
        }
        return clock.seconds
    }

    /// Reads every payload in log order and decompresses it with its dictionary; with `parsing`, also
    /// parses each message with libxml2's SAX parser and no handlers (the least a replay must do),
    /// messages only: `kind` is `bericht` in a ledger before format 5, its stored form 0 since.
    /// - returns: the number of events and the seconds it took.
    public static func scanAndDecompress(_ path: String, parsing: Bool = false) throws -> (count: Int, seconds: Double) {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
            throw BenchmarkError("cannot open \(path)")
        }
        defer { sqlite3_close(db) }
        var dictionaries: [Int64: [UInt8]] = [:]
        let dictionaryRows = try prepare(db, "SELECT id, bytes FROM dictionaries")
        while sqlite3_step(dictionaryRows) == SQLITE_ROW {
            let bytes = sqlite3_column_blob(dictionaryRows, 1)!
            dictionaries[sqlite3_column_int64(dictionaryRows, 0)] =
                Array(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(dictionaryRows, 1))))
        }
        sqlite3_finalize(dictionaryRows)
        let clock = Stopwatch()
        let scan = try prepare(db, "SELECT dictionary_id, raw_size, payload FROM events"
            + (parsing ? " WHERE kind IN ('bericht', 0)" : "") + " ORDER BY position")
        defer { sqlite3_finalize(scan) }
        var output = [CChar](repeating: 0, count: 32 * 1024 * 1024)
        var count = 0
        while sqlite3_step(scan) == SQLITE_ROW {
            let size = Int32(sqlite3_column_int64(scan, 1))
            let source = sqlite3_column_blob(scan, 2)!.assumingMemoryBound(to: CChar.self)
            let length = sqlite3_column_bytes(scan, 2)
            let written: Int32 = output.withUnsafeMutableBufferPointer { out in
                if sqlite3_column_type(scan, 0) == SQLITE_NULL {
                    return LZ4_decompress_safe(source, out.baseAddress, length, size)
                }
                return dictionaries[sqlite3_column_int64(scan, 0)]!.withUnsafeBytes { dictionary in
                    LZ4_decompress_safe_usingDict(
                        source, out.baseAddress, length, size,
                        dictionary.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(dictionary.count))
                }
            }
            guard written == size else { throw BenchmarkError("event \(count + 1) does not decompress") }
            if parsing { try saxParse(output, Int(size)) }
            count += 1
        }
        return (count, clock.seconds)
    }

    /// Steps every row of `sql` (with `value` bound to `?1`, if given) and reads each column as
    /// text: what a read command costs SQLite at the least, without deriving anything.
    /// - returns: the number of rows and the seconds it took.
    public static func read(_ path: String, _ sql: String, _ value: String? = nil) throws -> (rows: Int, seconds: Double) {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
            throw BenchmarkError("cannot open \(path)")
        }
        defer { sqlite3_close(db) }
        let clock = Stopwatch()
        let statement = try prepare(db, sql)
        defer { sqlite3_finalize(statement) }
        if let value { text(statement, 1, value) }
        var rows = 0
        while sqlite3_step(statement) == SQLITE_ROW {
            for column in 0..<sqlite3_column_count(statement) { _ = sqlite3_column_text(statement, column) }
            rows += 1
        }
        return (rows, clock.seconds)
    }

    /// The first column of every row of `sql`, as text.
    public static func rows(_ path: String, _ sql: String) throws -> [String] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
            throw BenchmarkError("cannot open \(path)")
        }
        defer { sqlite3_close(db) }
        let statement = try prepare(db, sql)
        defer { sqlite3_finalize(statement) }
        var rows: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW { rows.append(String(cString: sqlite3_column_text(statement, 0))) }
        return rows
    }

    /// Compresses every message with plain LZ4, no dictionary: the size a naive store would keep.
    public static func plainLZ4Bytes(_ messages: [[UInt8]]) -> Int {
        messages.reduce(0) { $0 + PayloadCodec.compress($1, dictionary: nil).count }
    }

    private static func exec(_ db: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchmarkError(String(cString: sqlite3_errmsg(db)))
        }
    }

    private static func prepare(_ db: OpaquePointer, _ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchmarkError(String(cString: sqlite3_errmsg(db)))
        }
        return statement
    }

    private static func step(_ db: OpaquePointer, _ statement: OpaquePointer) throws {
        guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchmarkError(String(cString: sqlite3_errmsg(db))) }
        sqlite3_reset(statement)
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private static func text(_ statement: OpaquePointer, _ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_text(statement, index, value, -1, transient)
    }

    private static func integer(_ statement: OpaquePointer, _ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_int64(statement, index, value)
    }
}

public struct BenchmarkError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
