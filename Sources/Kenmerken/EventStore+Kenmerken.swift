import Berichten
public import Ledger

/// Opening a ledger of iWmo/iJw messages: its events carry ``EventDescription/berichten``.
extension SQLiteStore {
    public convenience init(path: String, access: Access) throws(LedgerError) {
        try self.init(path: path, access: access, eventDescription: .berichten)
    }
}

extension Ledger {
    public convenience init(path: String, access: SQLiteStore.Access) throws(LedgerError) {
        try self.init(path: path, access: access, eventDescription: .berichten)
    }
}

/// Finding messages by what they concern, through the log's own indexes and without reading it.
extension EventStore {
    /// Positions of the messages with this identity, oldest first.
    public func positions(of identiteit: BerichtIdentiteit) throws(LedgerError) -> [Int64] {
        try positions(withIdentity: [
            .integer(identiteit.berichtCode), .text(identiteit.afzender), .text(identiteit.identificatie),
            identiteit.identificatieRetour.map(MetadataValue.text),
        ])
    }

    /// Positions of the messages that name this BSN, in log order.
    public func positions(bsn: String) throws(LedgerError) -> [Int64] {
        try positions(in: Sleutel.bsn.table, matching: [("bsn", .text(bsn))])
    }

    /// Positions of the messages about this ToewijzingNummer, of one gemeente or (nil) any, in log order.
    public func positions(toewijzing nummer: Int, gemeente: String?) throws(LedgerError) -> [Int64] {
        var key: [(column: String, value: MetadataValue)] = [("toewijzing_nummer", .integer(nummer))]
        if let gemeente { key.append(("gemeente", .text(gemeente))) }
        return try positions(in: Sleutel.toewijzing.table, matching: key)
    }
}

/// What an audit bundle of a client or a toewijzing holds: every message indexed under it, and
/// every retour or 325 that answers one of those.
extension EventStore {
    /// Positions of the retours and 325s that answer the message with this identity, in log order.
    ///
    /// An answer that names its heenbericht by its own BerichtCode type, Afzender and
    /// Identificatie (a 302 … 320, see ``EventMetadata/heenbericht``) is found through the identity
    /// index; one that names it apart (a 325) through `events_heenbericht`.
    public func positions(answering heenbericht: BerichtIdentiteit) throws(LedgerError) -> [Int64] {
        var found = Set(
            try positions(where: [
                (Kenmerk.heenCode.column.name, .integer(heenbericht.berichtCode)),
                (Kenmerk.heenAfzender.column.name, .text(heenbericht.afzender)),
                (Kenmerk.heenIdentificatie.column.name, .text(heenbericht.identificatie)),
            ]))
        if let (standaard, type) = Berichttype.lookup(berichtCode: heenbericht.berichtCode),
            let retour = type.retour
        {
            let eigen = try positions(where: [
                (Kenmerk.berichtCode.column.name, .integer(retour.berichtCode(for: standaard))),
                (Kenmerk.afzender.column.name, .text(heenbericht.afzender)),
                (Kenmerk.identificatie.column.name, .text(heenbericht.identificatie)),
                (Kenmerk.heenCode.column.name, .integer(heenbericht.berichtCode)),
            ])
            for position in eigen where try event(at: position).metadata.heenbericht == heenbericht {
                found.insert(position)
            }
        }
        return found.sorted()
    }

    /// `positions` and the answers to each of those messages, in log order, each once.
    public func withAnswers(_ positions: [Int64]) throws(LedgerError) -> [Int64] {
        var result = Set(positions)
        for position in positions {
            guard let identiteit = try event(at: position).metadata.identiteit else { continue }
            result.formUnion(try self.positions(answering: identiteit))
        }
        return result.sorted()
    }
}

/// The same lookups as SQL, for queries that combine them with projection tables: the positions
/// of the messages with a key, `SELECT position FROM … WHERE …` with one plain `?` per value, to
/// use inside `IN (…)`; and the one key a message names, as a scalar subquery. They read the
/// log's index tables by name, so under a knowledge window (`Kennisstand`) they see only the
/// visible events, like every other table; no other module names those tables.
public enum Berichtindex {
    /// The positions of the messages that name a BSN: one `?`, the BSN.
    public static let bsn = Sleutel.bsn.table.positionsQuery(matching: ["bsn"])
    /// The positions of the messages about a ToewijzingNummer of any gemeente: one `?`, the number.
    public static let toewijzing = Sleutel.toewijzing.table.positionsQuery(matching: ["toewijzing_nummer"])
    /// The positions of the messages about a toewijzing of one gemeente: `?` the number, `?` the gemeente.
    public static let toewijzingVanGemeente =
        Sleutel.toewijzing.table.positionsQuery(matching: ["toewijzing_nummer", "gemeente"])

    /// The BSN the message at `positie` (an SQL expression) names, when it names exactly one; else NULL.
    public static func enigeBSN(van positie: String) -> String {
        Sleutel.bsn.table.onlyValueQuery(of: "bsn", at: positie)
    }

    /// The ToewijzingNummer the message at `positie` (an SQL expression) concerns, when it concerns
    /// exactly one; else NULL.
    public static func enigeToewijzing(van positie: String) -> String {
        Sleutel.toewijzing.table.onlyValueQuery(of: "toewijzing_nummer", at: positie)
    }
}
