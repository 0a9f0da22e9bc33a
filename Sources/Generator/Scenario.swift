internal import Berichten

/// A deterministic stream of iWmo and iJw 3.2 traffic between gemeenten and aanbieders.
///
/// The same seed gives byte-identical output. Iterating is lazy: only the trajectories that are
/// active and the messages of the month being emitted are kept, so a million messages can be
/// generated in bounded memory. Messages come in arrival order, which is not always the order of
/// their dagtekening (retours that overtake their heenbericht, toewijzing versions that arrive
/// out of order, files delivered twice).
public struct Scenario: Sendable, Sequence {
    public let clients: Int
    public let months: Int
    public let seed: UInt64
    public let startMonth: (year: Int, month: Int)

    let eersteDag: Datum
    let gemeenten: [Gemeente]
    let aanbieders: [Aanbieder]
    /// The serialisation style of every gemeente and aanbieder, by code.
    let styles: [String: WriterStyle]

    /// - Parameters:
    ///   - clients: number of client trajectories (at most 10 million: BSNs and ToewijzingNummers
    ///     are derived from the client index). The first twelve follow scripted trajectories that
    ///     together show every message type and every deviation in both standards.
    ///   - months: length of the period, in calendar months; traffic after it is cut off.
    ///   - startMonth: the first calendar month.
    public init(clients: Int, months: Int, seed: UInt64, startMonth: (year: Int, month: Int) = (2025, 1)) {
        precondition((0...10_000_000).contains(clients), "clients must be between 0 and 10 million")
        precondition(months >= 1, "a scenario covers at least one month")
        precondition((1...12).contains(startMonth.month) && startMonth.year >= 2021, "3.x traffic starts in 2021")
        self.clients = clients
        self.months = months
        self.seed = seed
        self.startMonth = startMonth
        // The precondition above keeps the month valid, so the date exists.
        eersteDag = Datum(year: startMonth.year, month: startMonth.month, day: 1)!
        gemeenten = Array(Gemeente.alle.prefix(Swift.min(Gemeente.alle.count, Swift.max(2, clients / 4))))
        let aantalAanbieders = Swift.max(4, clients / 30 / 2 * 2)
        aanbieders = Aanbieder.maak(aantal: aantalAanbieders, seed: seed)
        let partijen = gemeenten.map(\.code) + aanbieders.map(\.agb)
        styles = Dictionary(
            uniqueKeysWithValues: partijen.enumerated().map { ($1, WriterStyle(ordinal: $0, seed: seed)) })
    }

    public func makeIterator() -> Iterator { Iterator(scenario: self) }

    /// The whole scenario in arrival order. Prefer iterating for large scenarios.
    public func berichten() -> [GegenereerdBericht] { Array(self) }
}
