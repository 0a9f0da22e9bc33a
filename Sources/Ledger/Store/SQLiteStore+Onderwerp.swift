/// Which events concern one client or one toewijzing: what an audit bundle holds.
extension SQLiteStore {
    /// The events indexed under `bsn`, and every retour or 325 that answers one of them, in log order.
    public func positions(concerningBSN bsn: String) throws(LedgerError) -> [Int64] {
        try positions(withAnswers: "SELECT position FROM event_bsn WHERE bsn = ?1") { $0.bind(1, bsn) }
    }

    /// The events indexed under the toewijzing, and every retour or 325 that answers one of them.
    public func positions(concerning toewijzing: ToewijzingSleutel) throws(LedgerError) -> [Int64] {
        try positions(withAnswers: "SELECT position FROM event_toewijzing WHERE gemeente = ?1 AND toewijzing_nummer = ?2") {
            $0.bind(1, toewijzing.gemeente)
            $0.bind(2, Int64(toewijzing.nummer))
        }
    }

    /// The positions `subject` selects, with the answers to those messages (matched on the
    /// heenbericht's identity, the message's own BerichtCode, Afzender and Identificatie).
    private func positions(
        withAnswers subject: String, bind: (SQLiteStatement) -> Void
    ) throws(LedgerError) -> [Int64] {
        let statement = try connection.prepare("""
            WITH onderwerp (position) AS (\(subject))
            SELECT position FROM onderwerp
            UNION
            SELECT antwoord.position FROM onderwerp
                JOIN events heen ON heen.position = onderwerp.position
                JOIN events antwoord ON antwoord.heen_code = heen.bericht_code
                    AND antwoord.heen_afzender = heen.afzender AND antwoord.heen_identificatie = heen.identificatie
            ORDER BY 1
            """)
        bind(statement)
        var positions: [Int64] = []
        while try statement.step() { positions.append(statement.int64(0)) }
        return positions
    }
}
