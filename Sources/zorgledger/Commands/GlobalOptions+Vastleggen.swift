import ArgumentParser
import Kenmerken
import Ledger
import Projection
import Reconciliatie
#if canImport(Glibc)
import Glibc
#endif

extension GlobalOptions {
    /// Appends a `contract` or `regelset` event and brings the projections up to date in the same
    /// transaction, so the next `reconcile` already evaluates under it.
    /// - returns: the event's log position.
    func vastleggen(_ kind: EventKind, _ inhoud: [UInt8], door: String, bron: String?) throws -> Int64 {
        let store = try openLog(.createIfMissing)
        let ledger = try Ledger(store: store)
        let vastlegging = Vastlegging(door: door, op: Timestamp.now(), inhoud: inhoud)
        let uitkomsten = try ledger.append([
            NewEvent(kind: kind, payload: vastlegging.bytes, metadata: EventMetadata(), source: bron),
        ]) { (_, appended) throws(LedgerError) in
            guard let store = store as? SQLiteStore else { return }
            try ProjectionRunner.zorgledger.catchUp(
                log: store, into: ProjectionDatabase(sharing: store), appended: appended.map { ($0, nil) })
        }
        try catchUpProjections(of: store)
        return uitkomsten[0].position
    }

    /// Who records a contract or rule set: `--door`, else the login name.
    static func door(_ optie: String?) throws -> String {
        let naam = optie ?? getenv("USER").map { String(cString: $0) } ?? "onbekend"
        guard !naam.isEmpty, naam.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw ValidationError("--door must be a name on one line")
        }
        return naam
    }

}
