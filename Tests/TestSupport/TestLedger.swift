internal import Berichten
internal import Ingest
import Kenmerken
public import Ledger
public import Projection

/// A ledger in a fresh folder with a set of projections, removed when the test is done with it.
///
/// Messages go straight into the log and the projections catch up, without the CLI in between;
/// each test target adds the queries it compares in an extension.
public final class TestLedger {
    private let runner: ProjectionRunner
    public let work: WorkDirectory
    public let path: String
    public let ledger: Ledger

    public init(runner: ProjectionRunner) throws {
        self.runner = runner
        work = try WorkDirectory()
        path = work.ledger
        ledger = try Ledger(path: path, access: .createIfMissing)
    }

    /// Appends the messages in the order given, in one batch, and catches the projections up.
    public func ingest(_ berichten: [[UInt8]]) throws {
        try append(berichten)
        try catchUp()
    }

    /// Brings the projections up to the end of the log.
    public func catchUp() throws { try runner.catchUp(ledgerPath: path) }

    /// Appends the messages without catching up, for tests of catch-up and replay themselves.
    public func append(_ berichten: [[UInt8]]) throws {
        let events = try berichten.map { bytes in
            NewEvent(kind: .bericht, payload: bytes, metadata: EventMetadata(try BerichtDecoder.decode(bytes)), source: nil)
        }
        _ = try ledger.append(events)
    }

    /// Appends messages whose content breaks their schema, recorded for their header alone as
    /// `ingest` records them, and catches up.
    public func ingestHeaderOnly(_ berichten: [[UInt8]]) throws {
        let events = try berichten.map { bytes in
            NewEvent(kind: .bericht, payload: bytes, metadata: EventMetadata(try Berichtkop.read(bytes)), source: nil)
        }
        _ = try ledger.append(events)
        try catchUp()
    }

    public var connection: SQLiteConnection { get throws { try SQLiteStore(path: path, access: .read).connection } }

    /// A writing connection, for tests that tamper with projection tables behind the runner's back.
    public func writer() throws -> SQLiteConnection { try SQLiteStore(path: path, access: .write).connection }
}
