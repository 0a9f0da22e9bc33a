import Benchmark
import BenchmarkSupport
import Berichten
import CLibXML2
import Foundation
import Generator
import Kenmerken
import Ledger

/// Micro-benchmarks of the hot core, each beside the raw C call it is built on. Allocation counts
/// are deterministic, so they are the figures to track per change; `make bench` prints the ratios.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        maxDuration: .seconds(2))

    let corpus = Corpus(messages: 2_000)
    let toewijzing = corpus.berichten.first { $0.berichttype == "301" }!.bytes
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("zorgledger-benchmarks-\(getpid())")
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)

    Benchmark("Decode_301") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BerichtDecoder.decode(toewijzing))
        }
    }

    Benchmark("LibXML2SAX_301_baseline") { benchmark in
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        for _ in benchmark.scaledIterations {
            toewijzing.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    blackHole(xmlSAXUserParseMemory(&handler, nil, chars.baseAddress, Int32(chars.count)))
                }
            }
        }
    }

    let warm = try! Ledger(path: scratch.appendingPathComponent("warm.sqlite").path, access: .createIfMissing)
    _ = try! warm.append(corpus.events)
    let dictionary = try! warm.store.dictionaries().first { $0.soort.hasSuffix("/301") }

    Benchmark("Compress_301_dictionary") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(PayloadCodec.compress(toewijzing, dictionary: dictionary))
        }
    }

    Benchmark("Compress_301_plain_baseline") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(PayloadCodec.compress(toewijzing, dictionary: nil))
        }
    }

    let batch = Array(corpus.events.prefix(1000))
    let rows = warm.compressor.prepare(batch)
    var round = 0

    Benchmark("Append_1000", configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 20)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            round += 1
            let ledger = try Ledger(
                path: scratch.appendingPathComponent("append-\(round).sqlite").path, access: .createIfMissing)
            benchmark.startMeasurement()
            blackHole(try ledger.append(batch))
            benchmark.stopMeasurement()
        }
    }

    Benchmark("RawInsert_1000_baseline", configuration: .init(metrics: [.wallClock], maxIterations: 20)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            round += 1
            blackHole(try RawBaseline.insert(rows, into: scratch.appendingPathComponent("raw-\(round).sqlite").path))
        }
    }
}
