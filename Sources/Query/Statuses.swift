/// The statuses each read command's rows can have (cli.md), so `--status` is checked against
/// them and a typo does not look like "no rows".
public protocol RowStatus: RawRepresentable<String>, CaseIterable, Sendable {}

/// A toewijzing at the peildatum.
public enum ToewijzingStatus: String, RowStatus {
    case actueel, beeindigd, verwijderd
}

/// A delivery period.
public enum ZorgStatus: String, RowStatus {
    case lopend
    case tijdelijkGestopt = "tijdelijk_gestopt"
    case beeindigd
}

/// A prestatie.
public enum DeclaratieStatus: String, RowStatus {
    case ingediend, toegekend, afgewezen, gecrediteerd
}

/// A request for a toewijzing (315) or a change (317).
public enum VerzoekStatus: String, RowStatus {
    case ingediend
    case inOnderzoek = "in_onderzoek"
    case toegewezen, afgewezen, ongeldig
}

/// A message's exchange state.
public enum BerichtStatus: String, RowStatus {
    case verzonden, geaccepteerd, afgewezen, retour
}
