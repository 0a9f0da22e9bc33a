import Foundation

/// A folder of message files as `ingest` takes it in (every file, in byte order of its path), and
/// what a correct ledger must then hold, counted from the files themselves rather than from
/// another run of the code under test. Only byte-identical files are duplicates; the generator's
/// traffic has no identity conflicts, so every distinct file is one event.
public struct Verkeer: Sendable {
    /// The files in ingest order.
    public let bestanden: [String]
    /// `uniekNa[n]`: how many distinct messages the first `n` files hold.
    public let uniekNa: [Int]

    public init(folder: String) throws {
        let namen = try FileManager.default.contentsOfDirectory(atPath: folder)
            .map { "\(folder)/\($0)" }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var gezien = Set<Data>()
        var tellingen = [0]
        for naam in namen {
            gezien.insert(try Data(contentsOf: URL(fileURLWithPath: naam)))
            tellingen.append(gezien.count)
        }
        bestanden = namen
        uniekNa = tellingen
    }

    /// How many events a ledger of the whole folder holds.
    public var uniek: Int { uniekNa.last ?? 0 }

    /// The event counts a ledger can hold after an ingest in batches of `grootte` files was cut off:
    /// whole batches only, from none to all.
    public func naHeleBatches(van grootte: Int) -> Set<Int> {
        Set(stride(from: 0, through: bestanden.count, by: grootte).map { uniekNa[$0] } + [uniek])
    }
}
