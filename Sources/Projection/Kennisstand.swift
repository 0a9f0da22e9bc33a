public import Berichten
import Kenmerken
public import Ledger

/// What was known: the log as it stood after a position, and only the messages made on or
/// before a day (knowledge time, as opposed to the peildatum, valid time).
///
/// A knowledge window is laid over a read connection instead of kept per date: every fact row
/// already carries the position of the message it came from. SQLite resolves unqualified names
/// in the TEMP schema first, so a TEMP view named like a projection table, reading only the
/// visible positions of `main`'s table, makes every existing query and view answer "as known"
/// unchanged; the projections' views are created again in TEMP so that they read those views.
public struct Kennisstand: Sendable, Equatable {
    /// Only messages whose knowledge date (see ``Projection/kennisdata``) is on or before this day.
    public var bekendOp: Datum?
    /// Only the events up to and including this log position.
    public var totPositie: Int64?

    public init(bekendOp: Datum? = nil, totPositie: Int64? = nil) {
        self.bekendOp = bekendOp
        self.totPositie = totPositie
    }

    /// Everything in the log counts: no window.
    public var isVolledig: Bool { bekendOp == nil && totPositie == nil }

    /// The log tables whose rows belong to one event, by their `position` column.
    static let logTables = EventDescription.berichten.logTables

    /// Makes `connection` answer from the visible events only, for the tables and views of
    /// `projections` and the log's own tables. Call it once, on a fresh read connection, before
    /// any query.
    ///
    /// The visible positions are computed once: with only `totPositie` as a range condition on
    /// the position, otherwise into a TEMP table `zicht` keyed by position, so each row costs one
    /// primary-key lookup and the queries keep using the indexes of the tables they read. The
    /// unary `+` keeps the condition a filter: as an index constraint SQLite would walk the whole
    /// of `zicht` for every row of an outer loop (a join on an index ending in the position).
    public func installeer(op connection: SQLiteConnection, projections: [any Projection]) throws(LedgerError) {
        guard !isVolledig else { return }
        let zichtbaar: (String) -> String
        if let bekendOp {
            try connection.execute("CREATE TEMP TABLE zicht (positie INTEGER PRIMARY KEY)")
            let data = projections.compactMap(\.kennisdata).map { "SELECT positie, kennisdatum FROM (\($0))" }
            if !data.isEmpty {
                let vul = try connection.prepare(
                    """
                    INSERT OR IGNORE INTO temp.zicht
                    SELECT positie FROM (\(data.joined(separator: " UNION ALL ")))
                    WHERE kennisdatum <= ?1 AND positie <= ?2
                    """)
                vul.bind(1, bekendOp.description)
                vul.bind(2, totPositie ?? Int64.max)
                try vul.step()
                vul.reset()
            }
            zichtbaar = { "+\($0) IN temp.zicht" }
        } else {
            let grens = totPositie ?? .max
            zichtbaar = { "+\($0) <= \(grens)" }
        }
        for table in Self.logTables {
            try connection.execute(
                "CREATE TEMP VIEW \(table) AS SELECT * FROM main.\(table) WHERE \(zichtbaar("position"))")
        }
        for table in projections.flatMap(\.tableNames) {
            try connection.execute(
                "CREATE TEMP VIEW \(table) AS SELECT * FROM main.\(table) WHERE \(zichtbaar("positie"))")
        }
        // In runner order, so a view finds the (TEMP) views it reads already in place.
        for projection in projections where !projection.views.isEmpty {
            try connection.execute(projection.views.replacing("CREATE VIEW ", with: "CREATE TEMP VIEW "))
        }
    }
}
