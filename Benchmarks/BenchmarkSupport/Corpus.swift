import Berichten
import Foundation
public import Generator
public import Ledger
import Ingest
import Kenmerken

/// Realistic messages for the benchmarks, from the project's own generator.
public struct Corpus {
    /// The generated messages, in arrival order.
    public let berichten: [GegenereerdBericht]
    /// The same messages decoded, as the ledger appends them.
    public let events: [NewEvent]

    /// The total size of the XML.
    public var xmlBytes: Int { berichten.reduce(0) { $0 + $1.bytes.count } }

    /// About `count` messages: a year of traffic for as many clients as that takes.
    public init(messages count: Int, seed: UInt64 = 2026) {
        // A client-year averages about ten messages; ask for more clients than that needs and
        // keep the first `count` messages.
        let scenario = Scenario(clients: max(12, count / 8 + 1), months: 12, seed: seed)
        berichten = Array(scenario.prefix(count))
        events = berichten.map { bericht in
            // The generator writes valid messages only; a decode failure here is a bug worth a crash.
            let decoded = try! BerichtDecoder.decode(bericht.bytes)
            return NewEvent(kind: .bericht, payload: bericht.bytes, metadata: EventMetadata(decoded),
                            source: bericht.bestandsnaam)
        }
    }

    /// Writes every message to `directory` as a file, as a mailbox of received messages would hold them,
    /// and waits until the kernel has written them to disk: otherwise that writeback (1.8 GB at a
    /// million messages) runs during whatever is timed next, and an ingest of 1,007,067 messages took
    /// 38.4 s straight after its files were written against 34.3 s once they were on disk.
    public func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for bericht in berichten {
            try Data(bericht.bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(bericht.bestandsnaam))
        }
        sync()
    }
}
