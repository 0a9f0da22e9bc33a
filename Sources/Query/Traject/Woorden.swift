import Berichten

/// The codes of the standard in the plain Dutch words a timeline uses, so that a reader needs
/// no codelist to follow what happened.
enum Woorden {
    /// `4 uur per week`, `1 dagdeel per maand`, `848 minuten in totaal`.
    static func omvang(_ omvang: Omvang) -> String {
        "\(omvang.volume) \(eenheid(omvang.eenheid, aantal: omvang.volume)) \(frequentie(omvang.frequentie))"
    }

    static func eenheid(_ eenheid: Eenheid, aantal: Int) -> String {
        let enkelvoud = aantal == 1
        return switch eenheid {
        case .minuut: enkelvoud ? "minuut" : "minuten"
        case .uur: "uur"
        case .etmaal: enkelvoud ? "etmaal" : "etmalen"
        case .dagdeel: enkelvoud ? "dagdeel" : "dagdelen"
        case .stuksOutput: enkelvoud ? "stuk (output)" : "stuks (output)"
        case .euro: "euro"
        case .stuksInspanning: enkelvoud ? "stuk (inspanning)" : "stuks (inspanning)"
        }
    }

    static func frequentie(_ frequentie: Frequentie) -> String {
        switch frequentie {
        case .perDag: "per dag"
        case .perWeek: "per week"
        case .perMaand: "per maand"
        case .totaalBinnenGeldigheidsduur: "in totaal"
        }
    }

    /// `2024-02-01 t/m 2024-12-31`, or `vanaf 2024-02-01` when open-ended.
    static func periode(_ begin: Datum, _ eind: Datum?) -> String {
        eind.map { "\(begin) t/m \($0)" } ?? "vanaf \(begin)"
    }

    /// The product code, or the category for an aspecific toewijzing.
    static func product(_ product: Product?) -> String {
        guard let product else { return "een generiek product" }
        return product.code ?? "categorie \(product.categorie)"
    }

    static func bedrag(_ eurocent: Int) -> String { "€ " + Euro.format(Int64(eurocent)) }

    static func redenWijziging(_ reden: RedenWijziging) -> String {
        switch reden {
        case .administratieveCorrectieVervallen: "administratieve correctie (vervallen code)"
        case .clientOverleden: "cliënt overleden"
        case .contractwijziging: "contractwijziging"
        case .verlenging: "verlenging"
        case .verkorting: "verkorting"
        case .uitstroomNaarAnderDomein: "uitstroom naar ander domein"
        case .verhuizingNaarAndereGemeente: "verhuizing naar andere gemeente"
        case .wijzigingLeveringsvorm: "wijziging leveringsvorm"
        case .overstapNaarAndereAanbieder: "overstap naar andere aanbieder"
        case .nieuweBekostigingssystematiek: "nieuwe bekostigingssystematiek"
        case .gemeentelijkeHerindeling: "gemeentelijke herindeling"
        case .geinitieerdDoorAanbieder: "op initiatief van de aanbieder"
        case .verwijderd: "verwijderd"
        case .administratieveCorrectie: "administratieve correctie"
        }
    }

    static func redenBeeindiging(_ reden: RedenBeeindiging) -> String {
        switch reden.betekenis {
        case .overlijden: "overlijden"
        case .volgensPlanBeeindigd: "volgens plan beëindigd"
        case .tijdelijkBeeindigd: "tijdelijk beëindigd"
        case .eenzijdigDoorClient: "eenzijdig door de cliënt"
        case .eenzijdigDoorAanbieder: "eenzijdig door de aanbieder"
        case .inOvereenstemmingVoortijdig: "voortijdig in overeenstemming"
        case .externeOmstandigheden: "externe omstandigheden"
        case .verhuizingNaarAndereGemeente: "verhuizing naar andere gemeente"
        case .geinitieerdDoorGemeente: "op initiatief van de gemeente"
        case .inVerbandMetWijzigingsverzoek: "in verband met een wijzigingsverzoek"
        case .overstapNaarAndereAanbieder: "overstap naar andere aanbieder"
        case .uitstroomNaarAnderDomein: "uitstroom naar ander domein"
        }
    }

    static func redenAfwijzing(_ reden: RedenAfwijzingVerzoek) -> String {
        switch reden {
        case .geenWijzigingMaarNieuweAanvraag: "geen wijziging maar een nieuwe aanvraag"
        case .pastNietBinnenBudget: "past niet binnen het budget"
        case .geenContract: "geen contract"
        case .pastNietBinnenContract: "past niet binnen het contract"
        case .andereGemeente: "andere gemeente"
        case .stapeling: "stapeling"
        case .zorginhoudelijkeAfkeur: "zorginhoudelijke afkeur"
        case .woonplaatsbeginsel: "woonplaatsbeginsel"
        case .leeftijdsgrensBereikt: "leeftijdsgrens bereikt"
        }
    }

    static func redenVerzoek(_ reden: RedenVerzoek) -> String {
        switch reden {
        case .veranderingClientsituatie: "verandering in de situatie van de cliënt"
        case .wijzigingZorgplan: "wijziging van het zorgplan"
        }
    }

    /// What a heenbericht is called when its retour accepts or rejects it.
    static func onderwerp(_ berichttype: Berichttype) -> String {
        switch berichttype {
        case .toewijzing: "de toewijzing"
        case .start: "de startmelding"
        case .stop: "de stopmelding"
        case .verzoekOmToewijzing: "het verzoek om toewijzing"
        case .verzoekOmWijziging: "het verzoek om wijziging"
        case .antwoord: "het antwoord op het verzoek"
        case .declaratie: "de declaratie"
        default: "het bericht"
        }
    }

    /// `1 prestatie`, `3 prestaties`.
    static func aantal(_ count: Int, _ enkelvoud: String, _ meervoud: String) -> String {
        "\(count) \(count == 1 ? enkelvoud : meervoud)"
    }
}
