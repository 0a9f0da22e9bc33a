public import Berichten

/// One contracted tariff: what a gemeente pays an aanbieder per eenheid of a product in a period.
public struct Contractregel: Sendable, Hashable {
    public var gemeente: String
    public var aanbieder: String
    public var productCategorie: String
    public var productCode: String
    public var begindatum: Datum
    /// Nil for a tariff without an end.
    public var einddatum: Datum?
    /// Eurocent per eenheid.
    public var tarief: Int
    /// The Eenheid (codelist WJ756) the tarief is per; nil: per the prestatie's own Eenheid.
    public var eenheid: Eenheid?

    public init(
        gemeente: String, aanbieder: String, productCategorie: String, productCode: String, begindatum: Datum,
        einddatum: Datum?, tarief: Int, eenheid: Eenheid? = nil
    ) {
        self.gemeente = gemeente
        self.aanbieder = aanbieder
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.begindatum = begindatum
        self.einddatum = einddatum
        self.tarief = tarief
        self.eenheid = eenheid
    }

    /// Whether this tariff applies to `product` on `datum`.
    func geldt(gemeente: String, aanbieder: String, categorie: String, code: String, op datum: Datum) -> Bool {
        self.gemeente == gemeente && self.aanbieder == aanbieder && productCategorie == categorie
            && productCode == code && begindatum <= datum && einddatum.map { datum <= $0 } ?? true
    }

    func overlapt(_ other: Contractregel) -> Bool {
        gemeente == other.gemeente && aanbieder == other.aanbieder && productCategorie == other.productCategorie
            && productCode == other.productCode && begindatum <= (other.einddatum ?? .init(year: 9999, month: 12, day: 31)!)
            && other.begindatum <= (einddatum ?? .init(year: 9999, month: 12, day: 31)!)
    }
}
