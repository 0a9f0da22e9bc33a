import Berichten
import Ingest
import Kenmerken
import Ledger
import Projection

extension Ingester {
    /// An ingester for `log`; with `schemas`, it validates against the XSDs. An SQLite ledger's
    /// batches bring every projection in its file up to date in their own transaction; a log on
    /// PostgreSQL is written alone (its readers' read models catch up when they read).
    static func withProjections(
        log: any AuditedStore, batchSize: BatchSize = .standard, schemas: SchemaSet? = nil
    ) throws -> (Ledger, Ingester) {
        let ledger = try Ledger(store: log)
        guard let store = log as? SQLiteStore else {
            return (ledger, Ingester(ledger: ledger, batchSize: batchSize, schemas: schemas) { _ in })
        }
        let projections = ProjectionDatabase(sharing: store)
        let ingester = Ingester(ledger: ledger, batchSize: batchSize, schemas: schemas) { (appended) throws(LedgerError) in
            try ProjectionRunner.zorgledger.catchUp(log: store, into: projections, appended: appended)
        }
        return (ledger, ingester)
    }
}
