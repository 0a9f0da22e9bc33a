import Foundation

/// iJw 3.2 messages built by hand from the message structure (report §4: header, then content), so the
/// command-line tests need no reference material and every expected value can be counted from the input.
/// Each holds what its schema requires, so it decodes in full (ingest flags none of them).
enum Handwerk {
    /// A toegewezen product of a 301: number, product, period and Omvang (uren per week).
    struct Product {
        var nummer: Int
        var code: String
        var ingang = "2025-03-01"
        var eind = "2025-06-30"
        var volume = 4
    }

    /// One Prestatie of a 323: reference, toewijzing, product code, the month of April 2025 and a tariff per uur.
    struct Prestatie {
        var referentie: String
        var toewijzing: Int
        var code: String
        var volume: Int
        var tarief: Int
        var begin = "2025-04-01"
        var eind = "2025-04-30"
        var bedrag: Int { volume * tarief }
    }

    /// A 301 from `gemeente` to `aanbieder` for client `bsn`.
    static func toewijzing(
        id: String, gemeente: String, aanbieder: String, bsn: String, dagtekening: String = "2025-03-01",
        _ producten: [Product]
    ) -> [UInt8] {
        let producten = producten.map { p in
            """
            <m:ToegewezenProduct><m:ToewijzingNummer>\(p.nummer)</m:ToewijzingNummer>\
            <m:Product><b:Categorie>45</b:Categorie><b:Code>\(p.code)</b:Code></m:Product>\
            <m:Toewijzingsdatum>\(dagtekening)</m:Toewijzingsdatum><m:Toewijzingstijd>12:00:00</m:Toewijzingstijd>\
            <m:Ingangsdatum>\(p.ingang)</m:Ingangsdatum><m:Einddatum>\(p.eind)</m:Einddatum>\
            <m:Omvang><b:Volume>\(p.volume)</b:Volume><b:Eenheid>04</b:Eenheid><b:Frequentie>2</b:Frequentie></m:Omvang>\
            </m:ToegewezenProduct>
            """
        }.joined()
        return bericht("301", code: 436, afzender: gemeente, ontvanger: aanbieder, id: id, dagtekening: dagtekening, """
            <m:Client><m:Bsn>\(bsn)</m:Bsn><m:Geboortedatum><b:Datum>2015-01-01</b:Datum></m:Geboortedatum>\
            <m:Geslacht>1</m:Geslacht><m:Naam><b:Geslachtsnaam><b:Achternaam>Proef</b:Achternaam></b:Geslachtsnaam>\
            <b:Voorletters>P</b:Voorletters><b:NaamGebruik>1</b:NaamGebruik></m:Naam>\
            <m:Contactgegevens><m:Contact><m:Soort>01</m:Soort><m:Adres><b:Huis><b:Huisnummer>1</b:Huisnummer></b:Huis>\
            <b:Postcode>1000AA</b:Postcode><b:Straatnaam>Proefstraat</b:Straatnaam><b:Plaatsnaam>Amsterdam</b:Plaatsnaam>\
            <b:LandCode>NL</b:LandCode></m:Adres></m:Contact></m:Contactgegevens>\
            <m:ToegewezenProducten>\(producten)</m:ToegewezenProducten></m:Client>
            """)
    }

    /// The accepting 302 (header only) on the 301 `id`, made the day after.
    static func retour(id: String, gemeente: String, aanbieder: String, dagtekening: String = "2025-03-01") -> [UInt8] {
        bericht("302", code: 437, afzender: gemeente, ontvanger: aanbieder, id: id, dagtekening: dagtekening, kop: """
            <m:IdentificatieRetour>R\(id)</m:IdentificatieRetour><m:DagtekeningRetour>2025-03-03</m:DagtekeningRetour>\
            <m:XsdVersieRetour><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie>\
            <b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></m:XsdVersieRetour>
            """, "")
    }

    /// A 323 from `aanbieder` to `gemeente` with these prestaties of client `bsn`, dated 2025-05-06.
    static func declaratie(
        id: String, nummer: String, gemeente: String, aanbieder: String, bsn: String,
        periode: (begin: String, eind: String) = ("2025-04-01", "2025-04-30"), _ prestaties: [Prestatie]
    ) -> [UInt8] {
        let regels = prestaties.map { p in
            """
            <m:Prestatie><m:ProductReferentie><b:ReferentieNummer>\(p.referentie)</b:ReferentieNummer></m:ProductReferentie>\
            <m:ToewijzingNummer>\(p.toewijzing)</m:ToewijzingNummer><m:ProductCategorie>45</m:ProductCategorie>\
            <m:ProductCode>\(p.code)</m:ProductCode><m:ProductPeriode><b:Begindatum>\(p.begin)</b:Begindatum>\
            <b:Einddatum>\(p.eind)</b:Einddatum></m:ProductPeriode><m:GeleverdVolume>\(p.volume)</m:GeleverdVolume>\
            <m:Eenheid>04</m:Eenheid><m:ProductTarief>\(p.tarief)</m:ProductTarief>\
            <m:IngediendBedrag><b:Bedrag>\(p.bedrag)</b:Bedrag><b:DebetCredit>D</b:DebetCredit></m:IngediendBedrag>\
            </m:Prestatie>
            """
        }.joined()
        let totaal = prestaties.reduce(0) { $0 + $1.bedrag }
        return bericht("323", code: 490, afzender: aanbieder, ontvanger: gemeente, id: id, dagtekening: "2025-05-06", """
            <m:Declaratie><m:DeclaratieNummer>\(nummer)</m:DeclaratieNummer><m:DeclaratiePeriode>\
            <b:Begindatum>\(periode.begin)</b:Begindatum><b:Einddatum>\(periode.eind)</b:Einddatum></m:DeclaratiePeriode>\
            <m:DeclaratieDagtekening>2025-05-06</m:DeclaratieDagtekening><m:TotaalIngediendBedrag>\
            <b:TotaalBedrag>\(totaal)</b:TotaalBedrag><b:DebetCredit>D</b:DebetCredit></m:TotaalIngediendBedrag>\
            <m:Clienten><m:Client><m:Bsn>\(bsn)</m:Bsn><m:Prestaties>\(regels)</m:Prestaties></m:Client></m:Clienten>\
            </m:Declaratie>
            """)
    }

    /// The 325 on 323 `declaratie` (of 2025-05-06), made 2025-05-08, awarding every line (RetourCode 8001).
    static func antwoord(
        id: String, declaratie: String, nummer: String, gemeente: String, aanbieder: String, totaal: Int
    ) -> [UInt8] {
        bericht("325", code: 491, afzender: gemeente, ontvanger: aanbieder, id: id, dagtekening: "2025-05-08", kop: """
            <m:DeclaratieIdentificatie><b:Identificatie>\(declaratie)</b:Identificatie>\
            <b:Dagtekening>2025-05-06</b:Dagtekening></m:DeclaratieIdentificatie><m:XsdVersieDeclaratie>\
            <b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie><b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie>\
            </m:XsdVersieDeclaratie><m:RetourCodes><m:RetourCode>0200</m:RetourCode></m:RetourCodes>
            """, """
            <m:DeclaratieAntwoord><m:DeclaratieNummer>\(nummer)</m:DeclaratieNummer>\
            <m:TotaalIngediendBedrag><b:TotaalBedrag>\(totaal)</b:TotaalBedrag><b:DebetCredit>D</b:DebetCredit>\
            </m:TotaalIngediendBedrag><m:TotaalToegekendBedrag><b:TotaalBedrag>\(totaal)</b:TotaalBedrag>\
            <b:DebetCredit>D</b:DebetCredit></m:TotaalToegekendBedrag>\
            <m:RetourCodes><m:RetourCode>8001</m:RetourCode></m:RetourCodes></m:DeclaratieAntwoord>
            """)
    }

    /// A whole message: the header every iJw 3.2 message starts with, `kop` after it, then `inhoud`.
    private static func bericht(
        _ type: String, code: Int, afzender: String, ontvanger: String, id: String, dagtekening: String,
        kop: String = "", _ inhoud: String
    ) -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <m:Bericht xmlns:m="http://www.istandaarden.nl/ijw/3_2/jw\(type)/schema" \
            xmlns:b="http://www.istandaarden.nl/ijw/3_2/basisschema/schema"><m:Header>\
            <m:BerichtCode>\(code)</m:BerichtCode><m:BerichtVersie>3</m:BerichtVersie>\
            <m:BerichtSubversie>2</m:BerichtSubversie><m:Afzender>\(afzender)</m:Afzender>\
            <m:Ontvanger>\(ontvanger)</m:Ontvanger><m:BerichtIdentificatie><b:Identificatie>\(id)</b:Identificatie>\
            <b:Dagtekening>\(dagtekening)</b:Dagtekening></m:BerichtIdentificatie><m:XsdVersie>\
            <b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie><b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie>\
            </m:XsdVersie>\(kop)</m:Header>\(inhoud)</m:Bericht>

            """.utf8)
    }
}
