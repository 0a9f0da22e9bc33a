extension Bericht {
    /// Every BSN in the message, each once, in order of appearance.
    public var bsns: [String] { clienten.map(\.bsn).uniqueInOrder() }

    /// Every ToewijzingNummer the message refers to, each once, in order of appearance.
    public var toewijzingNummers: [Int] {
        var nummers: [Int] = []
        switch inhoud {
        case .toewijzing(_, let producten), .toewijzingRetour(_, let producten):
            nummers = producten.map(\.toewijzingNummer)
        case .start(_, let producten), .startRetour(_, let producten):
            nummers = producten.compactMap(\.toewijzingNummer)
        case .stop(_, let producten), .stopRetour(_, let producten):
            nummers = producten.compactMap(\.toewijzingNummer)
        case .verzoekOmWijziging(_, let verzoek):
            nummers = verzoek.ongewijzigdeProducten.map(\.toewijzingNummer) + verzoek.teWijzigenProducten.map(\.toewijzingNummer)
        case .verzoekOmWijzigingRetour(_, let verzoek):
            nummers =
                (verzoek?.ongewijzigdeProducten.map(\.toewijzingNummer) ?? [])
                + (verzoek?.teWijzigenProducten.map(\.toewijzingNummer) ?? [])
        case .declaratie(let declaratie):
            nummers = declaratie.clienten.flatMap { $0.prestaties.map(\.toewijzingNummer) }
        case .declaratieAntwoord(let antwoord):
            nummers = antwoord?.clienten.flatMap { $0.prestaties.map(\.toewijzingNummer) } ?? []
        case .verzoekOmToewijzing, .verzoekOmToewijzingRetour, .antwoord, .antwoordRetour:
            break
        }
        return nummers.uniqueInOrder()
    }

    /// The gemeente's 4-digit CBS code, whichever side of the exchange it is on.
    public var gemeente: String { header.gemeente }

    /// The aanbieder's 8-digit AGB code, whichever side of the exchange it is on.
    public var aanbieder: String { header.aanbieder }

    /// For a retour or 325, the heenbericht it answers; see ``Header/heenIdentiteit(berichttype:standaard:)``.
    public var heenIdentiteit: (berichtCode: Int, afzender: String, identificatie: String)? {
        header.heenIdentiteit(berichttype: berichttype, standaard: standaard)
    }

    /// The clients in the message, in order; a 319/320 has none.
    var clienten: [Client] {
        switch inhoud {
        case .toewijzing(let client, _), .start(let client, _), .stop(let client, _),
            .verzoekOmToewijzing(let client, _, _), .verzoekOmWijziging(let client, _):
            [client]
        case .toewijzingRetour(let client, _), .startRetour(let client, _), .stopRetour(let client, _),
            .verzoekOmToewijzingRetour(let client, _, _), .verzoekOmWijzigingRetour(let client, _):
            client.map { [$0] } ?? []
        case .declaratie(let declaratie): declaratie.clienten.map(\.client)
        case .declaratieAntwoord(let antwoord): antwoord?.clienten.map(\.client) ?? []
        case .antwoord, .antwoordRetour: []
        }
    }
}

extension Header {
    /// The gemeente's 4-digit CBS code, whichever side of the exchange it is on.
    public var gemeente: String { afzender.utf8.count == 4 ? afzender : ontvanger }

    /// The aanbieder's 8-digit AGB code, whichever side of the exchange it is on.
    public var aanbieder: String { afzender.utf8.count == 8 ? afzender : ontvanger }

    /// For a retour, the heenbericht it answers, as the key that heenbericht was stored under.
    ///
    /// A retour (302 … 320) copies its heenbericht's header, so the heenbericht is the previous
    /// BerichtCode with the same Afzender and Identificatie. A 325 has its own header and names the
    /// 323 in DeclaratieIdentificatie; that 323 was sent by the aanbieder, the 325's Ontvanger.
    /// Nil for a heenbericht.
    public func heenIdentiteit(
        berichttype: Berichttype, standaard: Standaard
    ) -> (berichtCode: Int, afzender: String, identificatie: String)? {
        guard let heen = berichttype.heenbericht else { return nil }
        let code = heen.berichtCode(for: standaard)
        if berichttype == .declaratieAntwoord {
            guard let declaratie = declaratieIdentificatie else { return nil }
            return (code, ontvanger, declaratie)
        }
        return (code, afzender, identificatie)
    }
}
