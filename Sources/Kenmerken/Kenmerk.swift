public import Ledger

/// The header facts of an iWmo/iJw message the ledger keeps in `events`, in column order (report
/// §4.2: the header of every message; for a retour or 325 the heenbericht it answers), and since
/// format 3 how it was delivered (report §9: the transport, its ids, the moment of receipt, the
/// envelope's parties and its bytes, LZ4-compressed, with their size).
enum Kenmerk: Int, CaseIterable {
    case standaard, release, berichtCode, berichttype, afzender, ontvanger, identificatie, dagtekening
    case identificatieRetour, heenCode, heenAfzender, heenIdentificatie
    case transport, transportId, conversatieId, alsAntwoordOp, ontvangen, envelopAfzender, envelopOntvanger
    case envelop, envelopGrootte

    /// The column, and how a ledger from format 5 on keeps it: the lists of codes are part of
    /// the file format (a code may be appended, never moved; see `StoredForm.choice`).
    var column: MetadataColumn {
        switch self {
        case .standaard: .text("standaard", form: .choice(["iWmo", "iJw"]))
        case .release: .text("release", form: .choice(["3.2", "3.1", "3.0"]))
        case .berichtCode: .integer("bericht_code")
        case .berichttype:
            .text(
                "berichttype",
                form: .choice(["301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "319", "320", "323", "325"]))
        case .afzender: .text("afzender", form: .digits)
        case .ontvanger: .text("ontvanger", form: .digits)
        case .identificatie: .text("identificatie")
        case .dagtekening: .text("dagtekening", form: .day)
        case .identificatieRetour: .text("identificatie_retour")
        case .heenCode: .integer("heen_code")
        case .heenAfzender: .text("heen_afzender", form: .digits)
        case .heenIdentificatie: .text("heen_identificatie")
        case .transport: .text("transport", form: .choice(["bestand", "vecozo", "ggk"]))
        case .transportId: .text("transport_id")
        case .conversatieId: .text("conversatie_id")
        case .alsAntwoordOp: .text("als_antwoord_op")
        case .ontvangen: .text("ontvangen")
        case .envelopAfzender: .text("envelop_afzender")
        case .envelopOntvanger: .text("envelop_ontvanger")
        case .envelop: .blob("envelop")
        case .envelopGrootte: .integer("envelop_grootte")
        }
    }
}

/// The keys a message concerns several of, each in an index table of its own, in table order.
enum Sleutel: Int, CaseIterable {
    /// Every BSN the message names.
    case bsn
    /// Every toewijzing the message concerns: a ToewijzingNummer is unique per gemeente.
    case toewijzing

    var table: IndexTable {
        switch self {
        case .bsn: IndexTable(name: "event_bsn", columns: [.text("bsn", form: .digits)], lookupIndex: "event_bsn_bsn")
        case .toewijzing:
            IndexTable(
                name: "event_toewijzing", columns: [.text("gemeente", form: .digits), .integer("toewijzing_nummer")],
                lookupIndex: "event_toewijzing_nummer")
        }
    }
}

extension EventDescription {
    /// What zorgledger records of an iWmo/iJw message besides its bytes: the header facts, the
    /// BSNs and toewijzingen it concerns, and its identity (report §4.2: BerichtCode, Afzender and
    /// Identificatie, plus a retour's IdentificatieRetour), and its delivery: a message whose transport
    /// id (VSP traceerId, StUF referentienummer) was delivered before is a duplicate even when a
    /// transport client wrapped it again (report §9). Messages of one standard and type share a
    /// compression dictionary (`iJw/301`).
    public static let berichten = EventDescription(
        kinds: [.bericht, .contract, .regelset],
        columns: Kenmerk.allCases.map(\.column),
        indexTables: Sleutel.allCases.map(\.table),
        identity: IdentityPolicy(
            required: [Kenmerk.berichtCode, .afzender, .identificatie].map(\.rawValue),
            optional: [Kenmerk.identificatieRetour.rawValue], delivery: Kenmerk.transportId.rawValue),
        eventIndexes: [
            EventIndex(
                name: "events_identiteit",
                columns: [Kenmerk.berichtCode, .afzender, .identificatie, .identificatieRetour].map(\.column.name)),
            // Only the answers that name their heenbericht apart from their own identity (325s);
            // the others are found through `events_identiteit` (see `positions(answering:)`).
            EventIndex(
                name: "events_heenbericht", columns: [Kenmerk.heenCode, .heenAfzender, .heenIdentificatie].map(\.column.name),
                condition: "heen_identificatie IS NOT NULL"),
            EventIndex(name: "events_transport", columns: [Kenmerk.transportId.column.name], condition: "transport_id IS NOT NULL"),
        ],
        family: [Kenmerk.standaard, .berichttype].map(\.rawValue),
        firstAddedColumn: Kenmerk.transport.rawValue)
}
