import Declaraties
import Kenmerken
import Ledger
import Projection
import Reconciliatie
import Toewijzingen
import Uitwisseling
import Verzoeken
import Zorg

extension ProjectionRunner {
    /// Every projection of zorgledger, in dependency order (views join the tables before them).
    static let zorgledger = ProjectionRunner(projections: [
        Uitwisseling(), Toewijzingen(), Zorg(), Verzoeken(), Declaraties(), Reconciliatie(),
    ])
}

extension GlobalOptions {
    /// A read-only connection to the ledger's projection tables, answering as known in `kennisstand`.
    /// With a log on PostgreSQL, the read model is brought up to the log's head first.
    func openProjections(_ kennisstand: Kennisstand = Kennisstand()) throws -> SQLiteConnection {
        let path: String
        let connection: SQLiteConnection
        switch try location {
        case .file(let file):
            try checkNoReadModel()
            path = file
            connection = try SQLiteStore(path: file, access: .read).connection
        case .postgres(let url):
            let model = try readModel(of: url, following: try openLog(.read))
            try model.catchUp(.zorgledger)
            path = model.path
            connection = try SQLiteConnection(path: model.path, mode: .readOnly)
        }
        let present = try connection.rows(
            "SELECT count(*) FROM sqlite_master WHERE name = 'projection_checkpoints'") { $0.int(0) }
        guard present.first == 1 else {
            throw ProjectionsMissing(path: path)
        }
        let outdated = try ProjectionRunner.zorgledger.outdated(in: connection)
        guard outdated.isEmpty else { throw ProjectionsOutdated(path: path, projections: outdated) }
        try kennisstand.installeer(op: connection, projections: ProjectionRunner.zorgledger.projections)
        return connection
    }
}

/// A ledger written before projections existed, or by an ingest that stopped before catching up.
struct ProjectionsMissing: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path): the ledger has no projections yet; run `zorgledger replay`" }
}

/// Projections built by another version of zorgledger: this one reads other tables and views.
struct ProjectionsOutdated: Error, CustomStringConvertible {
    var path: String
    var projections: [String]
    var description: String {
        "\(path): the projections \(projections.joined(separator: ", ")) were built by another version of "
            + "zorgledger; run `zorgledger replay` (or any ingest) to rebuild them"
    }
}
