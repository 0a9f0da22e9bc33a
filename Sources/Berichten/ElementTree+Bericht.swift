extension ElementTree {
    /// The typed message; `namespace` has already fixed standard, release and type.
    func bericht(_ namespace: BerichtNamespace) throws(BerichtError) -> Bericht {
        let header = try self.header(namespace)
        return Bericht(
            standaard: namespace.standaard, release: namespace.release, berichttype: namespace.berichttype,
            header: header, inhoud: try inhoud(namespace.berichttype))
    }

    // MARK: Header

    private func header(_ namespace: BerichtNamespace) throws(BerichtError) -> Header {
        let node = try required(.header, of: Self.root)
        let codeNode = try required(.berichtCode, of: node)
        let berichtCode = try integer(codeNode, 0...999)
        let expected = namespace.berichttype.berichtCode(for: namespace.standaard)
        guard berichtCode == expected else {
            throw error(
                .berichtCodeMismatch, codeNode,
                "BerichtCode \(berichtCode) does not match the namespace's \(namespace.berichtNaam) (\(expected))")
        }
        let versieNode = try required(.berichtVersie, of: node)
        let subversieNode = try required(.berichtSubversie, of: node)
        let versie = try integer(versieNode, 0...99)
        let subversie = try integer(subversieNode, 0...99)
        guard versie == namespace.release.major, subversie == namespace.release.minor else {
            throw error(
                .versionMismatch, versie == namespace.release.major ? subversieNode : versieNode,
                "BerichtVersie \(versie).\(subversie) does not match the namespace's release \(namespace.release)")
        }
        // A retour copies the heenbericht's parties, so the direction is the heenbericht's.
        let gemeenteEerst: Bool =
            switch namespace.berichttype {
            case .toewijzing, .toewijzingRetour, .antwoord, .antwoordRetour, .declaratieAntwoord: true
            default: false
            }
        let gemeente = { (node: Int32) throws(BerichtError) in try self.digits(node, count: 4, "gemeentecode") }
        let agb = { (node: Int32) throws(BerichtError) in try self.digits(node, count: 8, "AGB code") }
        let identificatie = try required(.berichtIdentificatie, of: node)
        let declaratie = child(.declaratieIdentificatie, of: node)
        return Header(
            berichtCode: berichtCode, berichtVersie: versie, berichtSubversie: subversie,
            afzender: try (gemeenteEerst ? gemeente : agb)(try required(.afzender, of: node)),
            ontvanger: try (gemeenteEerst ? agb : gemeente)(try required(.ontvanger, of: node)),
            identificatie: try text(try required(.identificatie, of: identificatie), maxLength: 12),
            dagtekening: try datum(try required(.dagtekening, of: identificatie)),
            identificatieRetour: try optional(.identificatieRetour, of: node) { (node) throws(BerichtError) in
                try text(node, maxLength: 12)
            },
            dagtekeningRetour: try optional(.dagtekeningRetour, of: node, datum),
            declaratieIdentificatie: try declaratie.map { (node) throws(BerichtError) in
                try text(try required(.identificatie, of: node), maxLength: 12)
            },
            declaratieDagtekening: try declaratie.map { (node) throws(BerichtError) in
                try datum(try required(.dagtekening, of: node))
            },
            retourCodes: try retourCodes(of: node))
    }

    // MARK: Content

    private func inhoud(_ type: Berichttype) throws(BerichtError) -> Bericht.Inhoud {
        let inhoudTag: Tag =
            switch type {
            case .antwoord, .antwoordRetour: .antwoord
            case .declaratie: .declaratie
            case .declaratieAntwoord: .declaratieAntwoord
            default: .client
            }
        let node = child(inhoudTag, of: Self.root)
        let client = inhoudTag == .client ? try node.map(self.client) : nil
        switch type {
        case .toewijzing, .toewijzingRetour:
            let producten = try node.map { (node) throws(BerichtError) in
                try list(.toegewezenProducten, .toegewezenProduct, of: node, toegewezenProduct)
            }
            if type == .toewijzingRetour { return .toewijzingRetour(client: client, producten: producten ?? []) }
            return .toewijzing(client: try present(client), producten: producten ?? [])
        case .start, .startRetour:
            let producten = try node.map { (node) throws(BerichtError) in
                try list(.startProducten, .startProduct, of: node, startProduct)
            }
            if type == .startRetour { return .startRetour(client: client, producten: producten ?? []) }
            return .start(client: try present(client), producten: producten ?? [])
        case .stop, .stopRetour:
            let producten = try node.map { (node) throws(BerichtError) in
                try list(.stopProducten, .stopProduct, of: node, stopProduct)
            }
            if type == .stopRetour { return .stopRetour(client: client, producten: producten ?? []) }
            return .stop(client: try present(client), producten: producten ?? [])
        case .verzoekOmToewijzing, .verzoekOmToewijzingRetour:
            let gezagsdragerBekend = try node.flatMap { (node) throws(BerichtError) in
                try optional(.gezagsdragerBekend, of: node, jaNee)
            }
            let producten = try node.map { (node) throws(BerichtError) in
                try list(.aangevraagdeProducten, .aangevraagdProduct, of: node, aangevraagdProduct)
            }
            if type == .verzoekOmToewijzingRetour {
                return .verzoekOmToewijzingRetour(
                    client: client, gezagsdragerBekend: gezagsdragerBekend, producten: producten ?? [])
            }
            return .verzoekOmToewijzing(
                client: try present(client), gezagsdragerBekend: gezagsdragerBekend, producten: producten ?? [])
        case .verzoekOmWijziging, .verzoekOmWijzigingRetour:
            let verzoek = try node.map { (node) throws(BerichtError) in try self.verzoek(try required(.verzoek, of: node)) }
            if type == .verzoekOmWijzigingRetour { return .verzoekOmWijzigingRetour(client: client, verzoek: verzoek) }
            return .verzoekOmWijziging(client: try present(client), verzoek: try present(verzoek))
        case .antwoord:
            return .antwoord(try antwoord(try required(.antwoord, of: Self.root)))
        case .antwoordRetour:
            return .antwoordRetour(try node.map(antwoord))
        case .declaratie:
            return .declaratie(try declaratie(try required(.declaratie, of: Self.root)))
        case .declaratieAntwoord:
            return .declaratieAntwoord(try node.map(declaratieAntwoord))
        }
    }

    /// The schema makes the content of a heenbericht mandatory; this only unwraps it.
    private func present<T>(_ value: T?) throws(BerichtError) -> T {
        guard let value else { throw error(.missingElement, Self.root, "missing required content") }
        return value
    }

    private func client(_ node: Int32) throws(BerichtError) -> Client {
        Client(
            bsn: try digits(try required(.bsn, of: node), count: 9, "BSN"),
            retourCodes: try retourCodes(of: node))
    }

    private func product(_ node: Int32) throws(BerichtError) -> Product {
        Product(
            categorie: try productCategorie(try required(.categorie, of: node)),
            code: try optional(.code, of: node) { (node) throws(BerichtError) in try text(node, maxLength: 5) })
    }

    private func omvang(_ node: Int32) throws(BerichtError) -> Omvang {
        Omvang(
            volume: try bedrag(try required(.volume, of: node)),
            eenheid: try code(try required(.eenheid, of: node), as: Eenheid.self),
            frequentie: try code(try required(.frequentie, of: node), as: Frequentie.self))
    }

    private func periode(_ node: Int32) throws(BerichtError) -> Periode {
        Periode(
            begindatum: try datum(try required(.begindatum, of: node)),
            einddatum: try datum(try required(.einddatum, of: node)))
    }

    private func bedragMetDC(_ node: Int32) throws(BerichtError) -> Bedrag {
        let bedragNode: Int32
        if let bedrag = child(.bedrag, of: node) { bedragNode = bedrag } else { bedragNode = try required(.totaalBedrag, of: node) }
        let range = tag(bedragNode) == .bedrag ? 0...99_999_999 : 0...999_999_999_999
        return Bedrag(
            eurocent: try integer(bedragNode, range),
            debetCredit: try code(try required(.debetCredit, of: node), as: DebetCredit.self))
    }

    private func referentie(_ node: Int32) throws(BerichtError) -> String { try text(node, maxLength: 36) }

    private func commentaar(_ node: Int32) throws(BerichtError) -> String { try text(node) }

    private func toegewezenProduct(_ node: Int32) throws(BerichtError) -> ToegewezenProduct {
        ToegewezenProduct(
            toewijzingNummer: try nummer(try required(.toewijzingNummer, of: node)),
            referentieAanbieder: try optional(.referentieAanbieder, of: node, referentie),
            product: try optional(.product, of: node, product),
            toewijzingsdatum: try datum(try required(.toewijzingsdatum, of: node)),
            toewijzingstijd: try tijd(try required(.toewijzingstijd, of: node)),
            ingangsdatum: try datum(try required(.ingangsdatum, of: node)),
            einddatum: try optional(.einddatum, of: node, datum),
            redenWijziging: try optional(.redenWijziging, of: node) { (node) throws(BerichtError) in
                try code(node, as: RedenWijziging.self)
            },
            omvang: try optional(.omvang, of: node, omvang),
            budget: try optional(.budget, of: node, bedrag),
            commentaar: try optional(.commentaar, of: node, commentaar),
            retourCodes: try retourCodes(of: node))
    }

    private func startProduct(_ node: Int32) throws(BerichtError) -> StartProduct {
        StartProduct(
            toewijzingNummer: try optional(.toewijzingNummer, of: node, nummer),
            product: try optional(.product, of: node, product),
            toewijzingIngangsdatum: try optional(.toewijzingIngangsdatum, of: node, datum),
            begindatum: try datum(try required(.begindatum, of: node)),
            statusAanlevering: try code(try required(.statusAanlevering, of: node), as: StatusAanlevering.self),
            retourCodes: try retourCodes(of: node))
    }

    private func stopProduct(_ node: Int32) throws(BerichtError) -> StopProduct {
        StopProduct(
            toewijzingNummer: try optional(.toewijzingNummer, of: node, nummer),
            product: try optional(.product, of: node, product),
            toewijzingIngangsdatum: try optional(.toewijzingIngangsdatum, of: node, datum),
            begindatum: try datum(try required(.begindatum, of: node)),
            redenBeeindiging: try redenBeeindiging(try required(.redenBeeindiging, of: node)),
            einddatum: try datum(try required(.einddatum, of: node)),
            statusAanlevering: try code(try required(.statusAanlevering, of: node), as: StatusAanlevering.self),
            retourCodes: try retourCodes(of: node))
    }

    private func aangevraagdProduct(_ node: Int32) throws(BerichtError) -> AangevraagdProduct {
        let verwijzer = try required(.verwijzer, of: node)
        return AangevraagdProduct(
            referentieAanbieder: try referentie(try required(.referentieAanbieder, of: node)),
            beschikkingNummer: try optional(.beschikkingNummer, of: node, nummer),
            product: try optional(.product, of: node, product),
            beschikkingIngangsdatum: try optional(.beschikkingIngangsdatum, of: node, datum),
            toewijzingIngangsdatum: try datum(try required(.toewijzingIngangsdatum, of: node)),
            toewijzingEinddatum: try optional(.toewijzingEinddatum, of: node, datum),
            omvang: try optional(.omvang, of: node, omvang),
            budget: try optional(.budget, of: node, bedrag),
            verwijzer: Verwijzer(
                type: try typeVerwijzer(try required(.type, of: verwijzer)),
                naam: try optional(.naam, of: verwijzer) { (node) throws(BerichtError) in try text(node, maxLength: 64) },
                zorgverlenerCode: try optional(.zorgverlenerCode, of: verwijzer) { (node) throws(BerichtError) in
                    try digits(node, count: 8, "AGB code")
                }),
            raamcontract: try optional(.raamcontract, of: node, jaNee),
            commentaar: try optional(.commentaar, of: node, commentaar),
            retourCodes: try retourCodes(of: node))
    }

    private func typeVerwijzer(_ node: Int32) throws(BerichtError) -> String {
        guard MessageSchema.Codes.typeVerwijzer.contains(bytes(node)) else {
            throw error(.invalidCode, node, "\(quoted(node))is not a valid TypeVerwijzer")
        }
        return String(decoding: bytes(node), as: UTF8.self)
    }

    private func verzoek(_ node: Int32) throws(BerichtError) -> Verzoek {
        Verzoek(
            referentieAanbieder: try referentie(try required(.referentieAanbieder, of: node)),
            redenVerzoek: try code(try required(.redenVerzoek, of: node), as: RedenVerzoek.self),
            ongewijzigdeProducten: try list(.ongewijzigdeProducten, .ongewijzigdProduct, of: node) {
                (node) throws(BerichtError) in
                OngewijzigdProduct(
                    toewijzingNummer: try nummer(try required(.toewijzingNummer, of: node)),
                    retourCodes: try retourCodes(of: node))
            },
            teWijzigenProducten: try list(.teWijzigenProducten, .teWijzigenProduct, of: node) {
                (node) throws(BerichtError) in
                TeWijzigenProduct(
                    toewijzingNummer: try nummer(try required(.toewijzingNummer, of: node)),
                    gewensteIngangsdatum: try datum(try required(.gewensteIngangsdatum, of: node)),
                    einddatum: try optional(.einddatum, of: node, datum),
                    omvang: try optional(.omvang, of: node, omvang),
                    budget: try optional(.budget, of: node, bedrag),
                    retourCodes: try retourCodes(of: node))
            },
            nieuweProducten: try list(.nieuweProducten, .nieuwProduct, of: node) { (node) throws(BerichtError) in
                NieuwProduct(
                    product: try optional(.product, of: node, product),
                    gewensteIngangsdatum: try datum(try required(.gewensteIngangsdatum, of: node)),
                    einddatum: try optional(.einddatum, of: node, datum),
                    omvang: try optional(.omvang, of: node, omvang),
                    budget: try optional(.budget, of: node, bedrag),
                    retourCodes: try retourCodes(of: node))
            },
            retourCodes: try retourCodes(of: node))
    }

    private func antwoord(_ node: Int32) throws(BerichtError) -> Antwoord {
        Antwoord(
            referentieAanbieder: try referentie(try required(.referentieAanbieder, of: node)),
            verzoekAntwoord: try code(try required(.verzoekAntwoord, of: node), as: VerzoekAntwoord.self),
            redenAfwijzingVerzoek: try optional(.redenAfwijzingVerzoek, of: node) { (node) throws(BerichtError) in
                try code(node, as: RedenAfwijzingVerzoek.self)
            },
            woonplaatsbeginsel: try optional(.woonplaatsbeginsel, of: node) { (node) throws(BerichtError) in
                Woonplaatsbeginsel(
                    gemeente: try digits(try required(.gemeente, of: node), count: 4, "gemeentecode"),
                    retourCodes: try retourCodes(of: node))
            },
            retourCodes: try retourCodes(of: node))
    }

    private func prestatie(_ node: Int32) throws(BerichtError) -> Prestatie {
        let referentie = try required(.productReferentie, of: node)
        let referentieNummer = { (node: Int32) throws(BerichtError) in try self.text(node, maxLength: 20) }
        return Prestatie(
            referentieNummer: try referentieNummer(try required(.referentieNummer, of: referentie)),
            vorigReferentieNummer: try optional(.vorigReferentieNummer, of: referentie, referentieNummer),
            toewijzingNummer: try nummer(try required(.toewijzingNummer, of: node)),
            productCategorie: try productCategorie(try required(.productCategorie, of: node)),
            productCode: try text(try required(.productCode, of: node), maxLength: 5),
            productPeriode: try periode(try required(.productPeriode, of: node)),
            geleverdVolume: try bedrag(try required(.geleverdVolume, of: node)),
            eenheid: try code(try required(.eenheid, of: node), as: Eenheid.self),
            productTarief: try optional(.productTarief, of: node, bedrag),
            ingediendBedrag: try bedragMetDC(try required(.ingediendBedrag, of: node)),
            retourCodes: try retourCodes(of: node))
    }

    private func clienten(of node: Int32) throws(BerichtError) -> [ClientPrestaties] {
        try list(.clienten, .client, of: node) { (node) throws(BerichtError) in
            ClientPrestaties(
                client: try client(node), prestaties: try list(.prestaties, .prestatie, of: node, prestatie))
        }
    }

    private func declaratieNummer(_ node: Int32) throws(BerichtError) -> String {
        let nummer = try text(node, maxLength: 12)
        guard nummer.utf8.allSatisfy({ ($0 | 0x20) &- UInt8(ascii: "a") < 26 || $0 &- UInt8(ascii: "0") < 10 }) else {
            throw error(.invalidValue, node, "is not alphanumeric")
        }
        return nummer
    }

    private func declaratie(_ node: Int32) throws(BerichtError) -> Declaratie {
        Declaratie(
            declaratieNummer: try declaratieNummer(try required(.declaratieNummer, of: node)),
            declaratiePeriode: try periode(try required(.declaratiePeriode, of: node)),
            declaratieDagtekening: try datum(try required(.declaratieDagtekening, of: node)),
            totaalIngediendBedrag: try bedragMetDC(try required(.totaalIngediendBedrag, of: node)),
            clienten: try clienten(of: node))
    }

    private func declaratieAntwoord(_ node: Int32) throws(BerichtError) -> DeclaratieAntwoord {
        DeclaratieAntwoord(
            declaratieNummer: try text(try required(.declaratieNummer, of: node), maxLength: 12),
            totaalIngediendBedrag: try bedragMetDC(try required(.totaalIngediendBedrag, of: node)),
            totaalToegekendBedrag: try bedragMetDC(try required(.totaalToegekendBedrag, of: node)),
            clienten: try clienten(of: node),
            retourCodes: try retourCodes(of: node))
    }
}
