public import Ledger

/// The facts of an iWmo/iJw message, typed, over the columns of ``EventDescription/berichten``.
extension EventMetadata {
    public init(
        standaard: String? = nil, release: String? = nil, berichtCode: Int? = nil, berichttype: String? = nil,
        afzender: String? = nil, ontvanger: String? = nil, identificatie: String? = nil,
        dagtekening: String? = nil, identificatieRetour: String? = nil, heenbericht: BerichtIdentiteit? = nil,
        bsns: [String] = [], toewijzingen: [ToewijzingSleutel] = []
    ) {
        self.init(reservingColumns: Kenmerk.allCases.count)
        self.standaard = standaard
        self.release = release
        self.berichtCode = berichtCode
        self.berichttype = berichttype
        self.afzender = afzender
        self.ontvanger = ontvanger
        self.identificatie = identificatie
        self.dagtekening = dagtekening
        self.identificatieRetour = identificatieRetour
        self.heenbericht = heenbericht
        self.bsns = bsns
        self.toewijzingen = toewijzingen
    }

    private subscript(text kenmerk: Kenmerk) -> String? {
        get { self[kenmerk.rawValue]?.text }
        set { self[kenmerk.rawValue] = newValue.map(MetadataValue.text) }
    }

    private subscript(integer kenmerk: Kenmerk) -> Int? {
        get { self[kenmerk.rawValue]?.integer }
        set { self[kenmerk.rawValue] = newValue.map(MetadataValue.integer) }
    }

    public var standaard: String? {
        get { self[text: .standaard] }
        set { self[text: .standaard] = newValue }
    }

    public var release: String? {
        get { self[text: .release] }
        set { self[text: .release] = newValue }
    }

    public var berichtCode: Int? {
        get { self[integer: .berichtCode] }
        set { self[integer: .berichtCode] = newValue }
    }

    public var berichttype: String? {
        get { self[text: .berichttype] }
        set { self[text: .berichttype] = newValue }
    }

    public var afzender: String? {
        get { self[text: .afzender] }
        set { self[text: .afzender] = newValue }
    }

    public var ontvanger: String? {
        get { self[text: .ontvanger] }
        set { self[text: .ontvanger] = newValue }
    }

    public var identificatie: String? {
        get { self[text: .identificatie] }
        set { self[text: .identificatie] = newValue }
    }

    public var dagtekening: String? {
        get { self[text: .dagtekening] }
        set { self[text: .dagtekening] = newValue }
    }

    public var identificatieRetour: String? {
        get { self[text: .identificatieRetour] }
        set { self[text: .identificatieRetour] = newValue }
    }

    /// For a retour or a 325: the heenbericht it answers. A 302 … 320 names it by its own Afzender
    /// and Identificatie (report §4.2: a retour repeats the heenbericht's header), so of those only
    /// the heenbericht's BerichtCode is kept and `heen_afzender` and `heen_identificatie` stay NULL;
    /// they are kept where they differ, as a 325's do (it names the 323 by its Ontvanger and
    /// DeclaratieIdentificatie). Set the message's own Afzender and Identificatie first.
    public var heenbericht: BerichtIdentiteit? {
        get {
            guard let code = self[integer: .heenCode] else { return nil }
            return BerichtIdentiteit(
                berichtCode: code, afzender: self[text: .heenAfzender] ?? afzender ?? "",
                identificatie: self[text: .heenIdentificatie] ?? identificatie ?? "")
        }
        set {
            self[integer: .heenCode] = newValue?.berichtCode
            let eigen = newValue.map { $0.afzender == afzender && $0.identificatie == identificatie } ?? true
            self[text: .heenAfzender] = eigen ? nil : newValue?.afzender
            self[text: .heenIdentificatie] = eigen ? nil : newValue?.identificatie
        }
    }

    /// Every BSN the message concerns, sorted and without repeats.
    public var bsns: [String] {
        get { rows(ofIndexTable: Sleutel.bsn.rawValue).compactMap(\.text) }
        set { setRows(newValue.map { [.text($0)] }, ofIndexTable: Sleutel.bsn.rawValue) }
    }

    /// Every toewijzing the message concerns, sorted and without repeats.
    public var toewijzingen: [ToewijzingSleutel] {
        get {
            let values = rows(ofIndexTable: Sleutel.toewijzing.rawValue)
            return stride(from: 0, to: values.count - 1, by: 2).compactMap { index in
                guard let gemeente = values[index].text, let nummer = values[index + 1].integer else { return nil }
                return ToewijzingSleutel(gemeente: gemeente, nummer: nummer)
            }
        }
        set {
            setRows(newValue.map { [.text($0.gemeente), .integer($0.nummer)] }, ofIndexTable: Sleutel.toewijzing.rawValue)
        }
    }

    /// How the message was delivered (report §9): `bestand`, `vecozo` or `ggk`; nil for events
    /// written before format 3.
    public var transport: String? {
        get { self[text: .transport] }
        set { self[text: .transport] = newValue }
    }

    /// The VSP traceerId or the StUF referentienummer.
    public var transportId: String? {
        get { self[text: .transportId] }
        set { self[text: .transportId] = newValue }
    }

    /// The VSP conversatieId.
    public var conversatieId: String? {
        get { self[text: .conversatieId] }
        set { self[text: .conversatieId] = newValue }
    }

    /// The transport id this message answers: the VSP alsAntwoordOp, the StUF crossRefnummer.
    public var alsAntwoordOp: String? {
        get { self[text: .alsAntwoordOp] }
        set { self[text: .alsAntwoordOp] = newValue }
    }

    /// The moment of receipt the transport gives, ISO 8601.
    public var ontvangen: String? {
        get { self[text: .ontvangen] }
        set { self[text: .ontvangen] = newValue }
    }

    /// The envelope's sender and receiver.
    public var envelopAfzender: String? {
        get { self[text: .envelopAfzender] }
        set { self[text: .envelopAfzender] = newValue }
    }

    public var envelopOntvanger: String? {
        get { self[text: .envelopOntvanger] }
        set { self[text: .envelopOntvanger] = newValue }
    }

    /// The envelope's exact bytes; stored LZ4-compressed with their size.
    public var envelop: [UInt8]? {
        get {
            guard let compressed = self[Kenmerk.envelop.rawValue]?.blob, let size = self[integer: .envelopGrootte] else {
                return nil
            }
            return compressed.withUnsafeBytes { PayloadCodec.decompress($0, originalSize: size, dictionary: nil) }
        }
        set {
            self[Kenmerk.envelop.rawValue] = newValue.map { .blob(PayloadCodec.compress($0, dictionary: nil)) }
            self[integer: .envelopGrootte] = newValue?.count
        }
    }

    /// The message's natural identity, when it has one.
    public var identiteit: BerichtIdentiteit? {
        guard let berichtCode, let afzender, let identificatie else { return nil }
        return BerichtIdentiteit(
            berichtCode: berichtCode, afzender: afzender, identificatie: identificatie,
            identificatieRetour: identificatieRetour)
    }
}
