/// A closed codelist whose cases keep the exact code of the message (`Eenheid.uur.rawValue == "04"`).
///
/// The decoder uses the identifiers to say which list a bad code is missing from.
protocol Codelijst: RawRepresentable<String> {
    /// The element name used in error messages, e.g. `Eenheid`.
    static var naam: String { get }
    /// The codelist's identifier in the standard, e.g. `WJ756`.
    static func identificatie(for standaard: Standaard) -> String
}
