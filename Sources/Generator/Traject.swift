internal import Berichten

/// The whole zorgtraject of one client with one aanbieder (report §8.6): request, toewijzing,
/// start, monthly prestaties, change, stop, with the deviations real traffic shows.
///
/// A trajectory is a pure function of the scenario seed and the client index. The iterator builds
/// it once, in the month its first message arrives, and drops it when its last prestatie has been
/// declared; prestaties and their fate are recomputed from the same seed whenever needed.
final class Traject {
    let index: Int
    let standaard: Standaard
    let client: Client
    let gemeente: Gemeente
    let gemeenteIndex: Int
    let aanbieder: Aanbieder
    let aanbiederIndex: Int
    let stappen: [Stap]
    /// The last version of every toewijzing that was delivered on.
    let toewijzingen: [ToegewezenProduct]
    /// Periods of actual delivery, per ToewijzingNummer.
    let leveringen: [(nummer: Int, van: Datum, tot: Datum)]
    /// Month index of the last delivery, after which only corrections can follow.
    let laatsteLeveringsmaand: Int
    /// The last month in which the trajectory still sends or declares something.
    var laatsteActieveMaand: Int {
        max(laatsteLeveringsmaand + 2, stappen.map { max($0.aankomst, $0.retourAankomst).dag.maandIndex }.max() ?? 0)
    }

    private let seed: UInt64
    private let verplichteAfwijzing: Int?
    private let verplichteCredit: Int?

    /// How a change requested with a VOW is honoured.
    private enum Wijziging { case verlenging, splitsing }

    /// Scripted deviations for the first twelve clients (roles 0…5, one iJw and one iWmo client
    /// each), so that even a small scenario shows every message type and every deviation.
    private struct Kenmerken {
        var vot = false
        var inOnderzoek = false
        var afgewezen = false
        var afkeuring: Stap.Afkeuring?
        var correctieVolgorde = false
        var verwijdering = false
        var startCorrectie = false
        var retourVoorHeen = false
        var dubbel = false
        var tijdelijkeStop = false
        var wijziging: Wijziging?
        var voortijdig = false
        var maanden = 3

        init(rol: Int?, standaard: Standaard, random: inout Random) {
            switch rol {
            case 0: (vot, inOnderzoek, tijdelijkeStop, maanden) = (true, true, true, 5)
            case 1: (vot, afkeuring, wijziging, maanden) = (true, .technisch, .splitsing, 4)
            case 2: (verwijdering, startCorrectie, retourVoorHeen, maanden) = (true, true, true, 4)
            case 3: (correctieVolgorde, dubbel, wijziging) = (true, true, .verlenging)
            case 4: (vot, afgewezen) = (true, true)
            case 5: (vot, afkeuring, voortijdig) = (true, .productcode(toewijzingNummer: 0), true)
            default:
                // Requests come with a wettelijke verwijzing in iJw; in iWmo only under an open beschikking.
                vot = random.chance(standaard == .iJw ? 75 : 25)
                inOnderzoek = vot && random.chance(15)
                afgewezen = vot && !inOnderzoek && random.chance(8)
                afkeuring = random.chance(3) ? (random.chance(50) ? .technisch : .productcode(toewijzingNummer: 0)) : nil
                correctieVolgorde = random.chance(3)
                verwijdering = random.chance(3)
                startCorrectie = random.chance(4)
                retourVoorHeen = random.chance(3)
                dubbel = random.chance(2)
                tijdelijkeStop = random.chance(8)
                wijziging = random.chance(15) ? (random.chance(50) ? .verlenging : .splitsing) : nil
                voortijdig = random.chance(20)
                maanden = random.inRange(3...12)
            }
        }
    }

    /// The day of the trajectory's first message, from its own stream so the iterator can bucket
    /// clients by month without building them.
    static func eersteDag(scenario: Scenario, index: Int) -> Datum {
        var random = Random(seed: scenario.seed, stream: UInt64(index) ^ 0xF157_DA6E)
        let dagen = index < 12 ? random.inRange(0...8) : random.below(max(1, scenario.months * 30 - 20))
        return scenario.eersteDag.plus(dagen: dagen).werkdagOfVolgende
    }

    init(scenario: Scenario, index: Int) {
        var r = Random(seed: scenario.seed, stream: UInt64(index))
        let rol: Int? = index < 12 ? index / 2 : nil
        let standaard: Standaard = index % 2 == 0 ? .iJw : .iWmo
        let k = Kenmerken(rol: rol, standaard: standaard, random: &r)
        self.index = index
        seed = scenario.seed
        self.standaard = standaard
        gemeenteIndex = rol.map { $0 % scenario.gemeenten.count } ?? r.below(scenario.gemeenten.count)
        gemeente = scenario.gemeenten[gemeenteIndex]
        // Aanbieders alternate iJw (even index) and iWmo (odd index), see `Aanbieder.maak`.
        aanbiederIndex = 2 * r.below(scenario.aanbieders.count / 2) + (standaard == .iJw ? 0 : 1)
        aanbieder = scenario.aanbieders[aanbiederIndex]
        let begin = Traject.eersteDag(scenario: scenario, index: index)
        client = Client(
            index: index, standaard: standaard, gemeente: gemeente, eersteDag: begin, random: &r,
            seed: scenario.seed)

        let catalogus = Product.catalogus(standaard)
        let productIndex = r.below(catalogus.count)
        let product = catalogus[productIndex]
        let volume = r.inRange(product.volumes)
        let basisNummer = 10_000_000 + index * 4
        let referentieCode = Format.base36(UInt64(index))

        var stappen: [Stap] = []
        func kantoortijd() -> Int { r.inRange(27_000...61_200) }
        func tijdstip() -> Tijd { Tijd(seconden: r.inRange(28_800...64_800)) }
        /// Codes are drawn from the standaard's own list (WMO588 or JZ588), so the lookup cannot fail.
        func beeindiging(_ code: String) -> RedenBeeindiging { RedenBeeindiging(rawValue: code, standaard: standaard)! }
        /// Adds a heenbericht and schedules its retour 0–2 werkdagen after arrival.
        func stap(
            _ inhoud: Stap.Inhoud, slot: Int, _ dagtekening: Datum, aankomst: Moment? = nil,
            afkeuring: Stap.Afkeuring? = nil, dubbel: Bool = false, retourVoorHeen: Bool = false
        ) {
            let aankomst = aankomst ?? Moment(dag: dagtekening, seconde: kantoortijd())
            var retourDag = aankomst.dag.plus(werkdagen: r.below(3))
            var retourAankomst = Moment(dag: retourDag, seconde: kantoortijd())
            if retourDag == aankomst.dag { retourAankomst = aankomst.plus(seconden: r.inRange(600...7_200)) }
            if retourVoorHeen {
                retourDag = aankomst.dag
                retourAankomst = aankomst.plus(seconden: -r.inRange(120...900))
            }
            stappen.append(
                Stap(
                    inhoud: inhoud, slot: slot, dagtekening: dagtekening, aankomst: aankomst,
                    retourDagtekening: retourDag, retourAankomst: retourAankomst, afkeuring: afkeuring,
                    dubbel: dubbel))
        }

        // Request (315) and the gemeente's answer (319 and/or 301).
        var dag301 = begin
        var ingang = begin.plus(dagen: r.inRange(0...10))
        var referentie: String?
        if k.vot {
            let ref = "VOT-\(referentieCode)-\(Format.padded(begin.dagnummer % 100_000, width: 5))"
            referentie = ref
            ingang = begin.plus(dagen: r.inRange(7...14))
            let verwijzer: Verwijzer =
                switch r.below(3) {
                case 0:
                    Verwijzer(
                        type: "02", naam: "Huisartsenpraktijk \(gemeente.plaats)",
                        zorgverlenerCode: "01" + Format.padded(r.below(1_000_000), width: 6))
                case 1: Verwijzer(type: standaard == .iJw ? "03" : "01", naam: "GGD \(gemeente.plaats)")
                default: Verwijzer(type: "05", zorgverlenerCode: "03" + Format.padded(r.below(1_000_000), width: 6))
                }
            let aanvraag = AangevraagdProduct(
                referentieAanbieder: ref, product: product, ingangsdatum: ingang,
                einddatum: ingang.plus(dagen: k.maanden * 30 - 1), volume: volume, verwijzer: verwijzer)
            stap(.verzoekOmToewijzing(aanvraag), slot: 0, begin)
            if k.afgewezen || k.inOnderzoek {
                let dag319 = begin.plus(werkdagen: r.inRange(2...4))
                let reden: RedenAfwijzingVerzoek? =
                    k.afgewezen
                    ? (standaard == .iJw && r.chance(50)
                        ? .woonplaatsbeginsel : r.pick([.geenContract, .pastNietBinnenContract, .zorginhoudelijkeAfkeur]))
                    : nil
                let antwoord = Antwoord(
                    referentieAanbieder: ref, verzoekAntwoord: k.afgewezen ? .afgewezen : .inOnderzoek, redenAfwijzing: reden,
                    woonplaatsbeginsel: reden == .woonplaatsbeginsel ? scenario.gemeenten[(gemeenteIndex + 1) % scenario.gemeenten.count].code : nil)
                stap(.antwoord(antwoord), slot: 1, dag319)
                dag301 = dag319.plus(dagen: r.inRange(10...25)).werkdagOfVolgende
            } else {
                dag301 = begin.plus(werkdagen: r.inRange(2...5))
            }
        }
        var hoofd = ToegewezenProduct(
            nummer: basisNummer, referentieAanbieder: referentie, product: product, code: product.code,
            toewijzingsdatum: dag301, toewijzingstijd: tijdstip(), ingangsdatum: ingang,
            einddatum: ingang.plus(dagen: k.maanden * 30 - 1), redenWijziging: nil, volume: volume)

        guard !k.afgewezen else {
            self.stappen = stappen
            toewijzingen = []
            leveringen = []
            laatsteLeveringsmaand = begin.maandIndex
            verplichteAfwijzing = nil
            verplichteCredit = nil
            return
        }

        // Toewijzing (301), possibly rejected by the aanbieder first and then sent again.
        var laatste301 = dag301
        if let afkeuring = k.afkeuring {
            var fout = hoofd
            var reden = afkeuring
            if case .productcode = afkeuring {
                fout.code = product.categorie + "X99"
                reden = .productcode(toewijzingNummer: hoofd.nummer)
            }
            stap(.toewijzing([fout]), slot: 2, dag301, afkeuring: reden)
            let opnieuw = stappen[stappen.count - 1].retourDagtekening.plus(werkdagen: r.inRange(1...3))
            hoofd.toewijzingsdatum = opnieuw
            hoofd.toewijzingstijd = tijdstip()
            stap(.toewijzing([hoofd]), slot: 3, opnieuw)
            laatste301 = opnieuw
        } else if k.correctieVolgorde {
            // An administrative correction follows the next working day and overtakes the first file.
            let eerste = hoofd
            let dag = dag301.plus(werkdagen: 1)
            hoofd = hoofd.gewijzigd(op: dag, tijd: tijdstip(), reden: .administratieveCorrectie)
            hoofd.einddatum = hoofd.einddatum.plus(dagen: r.inRange(14...40))
            let aankomst = Moment(dag: dag, seconde: kantoortijd())
            stap(.toewijzing([hoofd]), slot: 4, dag, aankomst: aankomst)
            stap(.toewijzing([eerste]), slot: 2, dag301, aankomst: aankomst.plus(seconden: r.inRange(1_800...5_400)))
            laatste301 = dag
        } else {
            stap(.toewijzing([hoofd]), slot: 2, dag301)
        }

        // A second product assigned and then deleted (RedenWijziging 13, Einddatum = Ingangsdatum).
        if k.verwijdering {
            let ander = catalogus[(productIndex + 1) % catalogus.count]
            let dag = laatste301.plus(werkdagen: r.inRange(3...6))
            let extra = ToegewezenProduct(
                nummer: basisNummer + 1, referentieAanbieder: nil, product: ander, code: ander.code,
                toewijzingsdatum: dag, toewijzingstijd: tijdstip(), ingangsdatum: dag.plus(dagen: r.inRange(3...10)),
                einddatum: hoofd.einddatum, redenWijziging: nil, volume: r.inRange(ander.volumes))
            stap(.toewijzing([hoofd, extra]), slot: 5, dag)
            let dagVerwijderd = dag.plus(werkdagen: r.inRange(2...4))
            var verwijderd = extra.gewijzigd(op: dagVerwijderd, tijd: tijdstip(), reden: .verwijderd)
            verwijderd.einddatum = verwijderd.ingangsdatum
            stap(.toewijzing([hoofd, verwijderd]), slot: 6, dagVerwijderd)
            laatste301 = dagVerwijderd
        }

        // Start (305), optionally first with a wrong Begindatum that is withdrawn (StatusAanlevering 3).
        var startdatum = max(ingang, laatste301).plus(dagen: r.inRange(0...4))
        var leveringen: [(nummer: Int, van: Datum, tot: Datum)] = []
        if k.startCorrectie {
            let fout = startdatum.plus(dagen: r.inRange(1...3))
            let dag = fout.plus(werkdagen: r.inRange(0...3)).werkdagOfVolgende
            stap(.start([StartProduct(toewijzing: hoofd, begindatum: fout, statusAanlevering: .eersteAanlevering)]), slot: 7, dag)
            let correctie = dag.plus(werkdagen: r.inRange(2...5))
            stap(
                .start([
                    StartProduct(toewijzing: hoofd, begindatum: fout, statusAanlevering: .verwijderenAanlevering),
                    StartProduct(toewijzing: hoofd, begindatum: startdatum, statusAanlevering: .eersteAanlevering),
                ]), slot: 8, correctie, retourVoorHeen: k.retourVoorHeen)
        } else {
            let dag = startdatum.plus(werkdagen: r.inRange(0...3)).werkdagOfVolgende
            stap(
                .start([StartProduct(toewijzing: hoofd, begindatum: startdatum, statusAanlevering: .eersteAanlevering)]), slot: 7, dag,
                dubbel: k.dubbel, retourVoorHeen: k.retourVoorHeen)
        }

        // Temporary stop (RedenBeeindiging 20) and a restart with a new Begindatum.
        if k.tijdelijkeStop && startdatum.dagen(tot: hoofd.einddatum) > 75 {
            let pauze = startdatum.plus(dagen: r.inRange(20...35))
            stap(
                .stop([StopProduct(toewijzing: hoofd, begindatum: startdatum, redenBeeindiging: beeindiging("20"), einddatum: pauze)]),
                slot: 9, pauze.plus(werkdagen: r.inRange(1...3)))
            leveringen.append((hoofd.nummer, startdatum, pauze))
            startdatum = pauze.plus(dagen: r.inRange(10...20))
            stap(
                .start([StartProduct(toewijzing: hoofd, begindatum: startdatum, statusAanlevering: .eersteAanlevering)]), slot: 10,
                startdatum.plus(werkdagen: r.inRange(0...2)).werkdagOfVolgende)
        }

        // Request for change (317) honoured by a new version (RW 12) or by end + new ToewijzingNummer.
        var nieuw: ToegewezenProduct?
        let vowDag = startdatum.plus(dagen: r.inRange(25...45)).werkdagOfVolgende
        if let wijziging = k.wijziging, vowDag.dagen(tot: hoofd.einddatum) > 45 {
            let ref = "VOW-\(referentieCode)-\(Format.padded(vowDag.dagnummer % 100_000, width: 5))"
            let dagWijziging = vowDag.plus(werkdagen: r.inRange(3...5))
            let tijd = tijdstip()
            switch wijziging {
            case .verlenging:
                let einde = hoofd.einddatum.plus(dagen: r.inRange(60...120))
                let verzoek = VerzoekOmWijziging(
                    referentieAanbieder: ref, redenVerzoek: .wijzigingZorgplan, toewijzing: hoofd,
                    gewensteIngangsdatum: hoofd.ingangsdatum, einddatum: einde, volume: hoofd.volume)
                stap(.verzoekOmWijziging(verzoek), slot: 11, vowDag)
                hoofd = hoofd.gewijzigd(op: dagWijziging, tijd: tijd, reden: .geinitieerdDoorAanbieder)
                hoofd.referentieAanbieder = ref
                hoofd.einddatum = einde
                stap(.toewijzing([hoofd]), slot: 12, dagWijziging)
            case .splitsing:
                let wissel = dagWijziging.plus(dagen: r.inRange(7...14))
                let nieuwVolume = min(hoofd.volume + max(1, hoofd.volume / 3), product.volumes.upperBound * 2)
                let verzoek = VerzoekOmWijziging(
                    referentieAanbieder: ref, redenVerzoek: .veranderingClientsituatie, toewijzing: hoofd, gewensteIngangsdatum: wissel,
                    einddatum: hoofd.einddatum, volume: nieuwVolume)
                stap(.verzoekOmWijziging(verzoek), slot: 11, vowDag)
                var opvolger = hoofd
                opvolger.nummer = basisNummer + 2
                opvolger.referentieAanbieder = ref
                opvolger.toewijzingsdatum = dagWijziging
                opvolger.toewijzingstijd = tijd
                opvolger.ingangsdatum = wissel
                opvolger.redenWijziging = nil
                opvolger.volume = nieuwVolume
                hoofd = hoofd.gewijzigd(op: dagWijziging, tijd: tijd, reden: .geinitieerdDoorAanbieder)
                hoofd.referentieAanbieder = ref
                hoofd.einddatum = wissel.plus(dagen: -1)
                stap(.toewijzing([hoofd, opvolger]), slot: 12, dagWijziging)
                stap(
                    .stop([
                        StopProduct(
                            toewijzing: hoofd, begindatum: startdatum, redenBeeindiging: beeindiging("37"), einddatum: hoofd.einddatum)
                    ]), slot: 13, wissel.plus(werkdagen: r.inRange(0...2)).werkdagOfVolgende)
                leveringen.append((hoofd.nummer, startdatum, hoofd.einddatum))
                startdatum = wissel
                stap(
                    .start([StartProduct(toewijzing: opvolger, begindatum: wissel, statusAanlevering: .eersteAanlevering)]), slot: 14,
                    wissel.plus(werkdagen: r.inRange(0...2)).werkdagOfVolgende)
                nieuw = opvolger
            }
        }

        // Definitive stop (307), on plan or early.
        let lopend = nieuw ?? hoofd
        var stopdatum = lopend.einddatum
        if k.voortijdig {
            stopdatum = max(startdatum.plus(dagen: 7), stopdatum.plus(dagen: -r.inRange(7...30)))
        }
        let reden =
            standaard == .iJw
            ? (k.voortijdig ? r.pick(["32", "33", "34"]) : "31") : (k.voortijdig ? r.pick(["21", "22", "23"]) : "19")
        stap(
            .stop([StopProduct(toewijzing: lopend, begindatum: startdatum, redenBeeindiging: beeindiging(reden), einddatum: stopdatum)]),
            slot: 15, stopdatum.plus(werkdagen: r.inRange(1...4)))
        leveringen.append((lopend.nummer, startdatum, stopdatum))

        self.stappen = stappen
        self.leveringen = leveringen
        toewijzingen = nieuw.map { [hoofd, $0] } ?? [hoofd]
        laatsteLeveringsmaand = stopdatum.maandIndex
        let eersteLeveringsmaand = leveringen[0].van.maandIndex
        verplichteAfwijzing = rol == 2 ? eersteLeveringsmaand : nil
        verplichteCredit = rol == 0 ? eersteLeveringsmaand : nil
    }

    /// What the gemeente will do with a prestatie: decided by the seed, so it can be recomputed
    /// when the 325 is written and again when the aanbieder corrects the line.
    enum Lot {
        case goedgekeurd
        case afgewezen(String)
        case gecrediteerd
    }

    func lot(maand: Int, nummer: Int) -> Lot {
        if maand == verplichteAfwijzing { return .afgewezen("0611") }
        if maand == verplichteCredit { return .gecrediteerd }
        var random = Random(seed: seed, stream: UInt64(index) << 24 ^ UInt64(maand) << 4 ^ UInt64(nummer) ^ 0x10_7000_0000)
        switch random.below(1000) {
        case ..<20: return .afgewezen("0611")
        case ..<30: return .afgewezen("9321")
        case ..<50: return .gecrediteerd
        default: return .goedgekeurd
        }
    }

    /// The correct prestaties for calendar month `maand`, one per delivered toewijzing.
    func prestaties(maand: Int) -> [Prestatie] {
        let eerste = Datum.eersteDag(maandIndex: maand)
        let laatste = eerste.laatsteDagVanDeMaand
        var resultaat: [Prestatie] = []
        for toewijzing in toewijzingen {
            let periodeBegin = max(eerste, toewijzing.ingangsdatum)
            let periodeEind = min(laatste, toewijzing.einddatum)
            guard periodeBegin <= periodeEind else { continue }
            var dagen = 0
            var weken = 0
            // Weeks are counted on day numbers: this runs for every active client every month.
            var vorigeMaandag: Int?
            for levering in leveringen where levering.nummer == toewijzing.nummer {
                let van = max(levering.van, periodeBegin)
                let tot = min(levering.tot, periodeEind)
                guard van <= tot else { continue }
                dagen += van.dagen(tot: tot) + 1
                let totNummer = tot.dagnummer
                var maandag = van.maandag.dagnummer
                // A week delivered on both sides of the month boundary was declared in the month it
                // began: IV077 lets both months count it, but the sum over the toewijzing (TR322) only once.
                if levering.van < periodeBegin && maandag < periodeBegin.dagnummer { maandag += 7 }
                while maandag <= totNummer {
                    if maandag != vorigeMaandag { weken += 1 }
                    vorigeMaandag = maandag
                    maandag += 7
                }
            }
            guard dagen > 0 else { continue }
            var random = Random(seed: seed, stream: UInt64(index) << 24 ^ UInt64(maand) << 4 ^ UInt64(toewijzing.nummer))
            let product = toewijzing.product
            let volume: Int
            if product.eenheid == .etmaal {
                volume = dagen
            } else if product.perWeek {
                volume = weken * toewijzing.volume - random.below(toewijzing.volume / 2 + 1)
            } else {
                let periodeDagen = periodeBegin.dagen(tot: periodeEind) + 1
                volume = toewijzing.volume * dagen / periodeDagen - random.below(toewijzing.volume / 10 + 1)
            }
            guard volume > 0 else { continue }
            resultaat.append(
                Prestatie(
                    referentieNummer: "\(toewijzing.nummer)-\(eerste.year % 100)\(Format.padded(eerste.month, width: 2))",
                    vorigReferentieNummer: nil, toewijzing: toewijzing, begindatum: periodeBegin, einddatum: periodeEind,
                    volume: volume, tarief: product.tarief, debetCredit: .debet, afwijzing: nil))
        }
        return resultaat
    }

    /// The lines this client contributes to the 323 for `periode`: that month's prestaties as
    /// first sent (wrong where the gemeente will reject them), plus the corrections on the month
    /// before, whose 325 has arrived by now: a resubmission of each rejected line, and a credit
    /// followed by a corrected debet for a line the aanbieder wants to change (IV091, OP366).
    func declaratieregels(periode: Int) -> [Prestatie] {
        var regels: [Prestatie] = []
        for var prestatie in prestaties(maand: periode) {
            if case .afgewezen(let code) = lot(maand: periode, nummer: prestatie.toewijzing.nummer) {
                prestatie.afwijzing = code
                if code == "0611" { prestatie.tarief += 25 } else { prestatie.volume += prestatie.toewijzing.volume * 6 }
            }
            regels.append(prestatie)
        }
        for prestatie in prestaties(maand: periode - 1) {
            switch lot(maand: periode - 1, nummer: prestatie.toewijzing.nummer) {
            case .goedgekeurd:
                continue
            case .afgewezen:
                var opnieuw = prestatie
                opnieuw.referentieNummer += "R"
                regels.append(opnieuw)
            case .gecrediteerd:
                var credit = prestatie
                credit.referentieNummer += "C"
                credit.vorigReferentieNummer = prestatie.referentieNummer
                credit.debetCredit = .credit
                var gecorrigeerd = prestatie
                gecorrigeerd.referentieNummer += "D"
                gecorrigeerd.volume = max(1, prestatie.volume - 1)
                regels.append(credit)
                regels.append(gecorrigeerd)
            }
        }
        return regels
    }
}
