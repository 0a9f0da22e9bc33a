import Berichten
import Ingest
import Kenmerken
import Ledger
import Projection

extension Ingester {
    /// An ingester for the ledger at `path` (created when missing) whose batches bring every
    /// projection up to date in their own transaction; with `schemas`, it validates against the XSDs.
    static func withProjections(
        ledgerPath path: String, batchSize: Int = 1000, schemas: SchemaSet? = nil
    ) throws -> (Ledger, Ingester) {
        let store = try SQLiteStore(path: path, access: .createIfMissing)
        let ledger = try Ledger(store: store)
        let projections = ProjectionDatabase(sharing: store)
        let ingester = Ingester(ledger: ledger, batchSize: batchSize, schemas: schemas) { (appended) throws(LedgerError) in
            try ProjectionRunner.zorgledger.catchUp(log: store, into: projections, appended: appended)
        }
        return (ledger, ingester)
    }
}
