import Berichten
import Declaraties
import Generator
import Projection
import Reconciliatie
import TestSupport
import Testing

/// Generated traffic respects the volume rules: the generator declares each week once (TR322)
/// and within the ISO weeks of each month (TR321), except where it over-declares on purpose, in
/// the lines the gemeente then rejects with retourcode 9321.
@Suite struct GegenereerdVerkeerTests {
    @Test func aYearOfGeneratedTrafficHasOnlyTheDeliberateVolumeFindings() throws {
        let ledger = try TestLedger()
        try ledger.ingest(Scenario(clients: 400, months: 12, seed: 3).berichten().map(\.bytes))
        let peildatum = "2026-01-31"
        let rijen = try Declaraties.rijen(Filter(peildatum: Datum(peildatum)!), in: ledger.connection)
        let opzettelijk = Set(rijen.filter { $0.retourCodes.contains("9321") }.map(\.referentieNummer))
        #expect(opzettelijk.count > 10, "the scenario holds deliberate over-declarations")

        let volume = try ledger.constateringen(peildatum: peildatum).filter { ["TR321", "TR322", "TR341"].contains($0.regel) }
        #expect(Set(volume.map(\.regel)) == ["TR321"])
        #expect(Set(volume.map { $0.referentieNummer ?? "" }) == opzettelijk)
        #expect(volume.count == opzettelijk.count)
    }
}
