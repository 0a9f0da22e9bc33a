/// A closed period (CDT_GeslotenPeriode): both dates are part of it.
public struct Periode: Sendable, Hashable {
    public var begindatum: Datum
    public var einddatum: Datum

    public init(begindatum: Datum, einddatum: Datum) {
        self.begindatum = begindatum
        self.einddatum = einddatum
    }
}
