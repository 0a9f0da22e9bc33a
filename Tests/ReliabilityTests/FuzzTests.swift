import Foundation
import TestSupport
import Testing

/// Serialized: both tests use the one fuzzer build and scratch folder in `.build-fuzz`.
@Suite("Fuzzing the decoder with libFuzzer", .serialized)
struct FuzzTests {
    /// Under CI (`CI=true`) fuzzing must run: a missing runtime fails the test instead of skipping it.
    static let underCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// What `Fuzz/run --check` says is missing (the libFuzzer runtime, lld, libxml2), or nil.
    static let missing: String? = {
        guard let work = try? WorkDirectory(),
            let check = try? work.shell("exec '\(Zorgledger.package.path)/Fuzz/run' --check")
        else { return "Fuzz/run could not be started" }
        return check.status == 0 ? nil : check.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    /// `Fuzz/run` builds the decoder with `-sanitize=fuzzer,address`, replays its seeds (the
    /// fixtures, the kept regressions, generated traffic) and then feeds it 3000 new inputs: any
    /// crash, leak, hang or memory error fails, and the input is kept in Fuzz/regressions.
    @Test(.enabled(if: missing == nil || underCI, "\(missing ?? "")"), .timeLimit(.minutes(3)))
    func theDecoderSurvivesABoundedFuzzRun() throws {
        let work = try WorkDirectory()
        let script = Zorgledger.package.appendingPathComponent("Fuzz/run").path
        let run = try work.shell(
            "ZORGLEDGER='\(Zorgledger.executable)' ZORGLEDGER_REFERENCE='\(SharedDomain.root.path)' "
                + "FUZZ_DIR='\(Zorgledger.package.path)/.build-fuzz' exec '\(script)' 3000", timeout: 170)
        #expect(run.status == 0, "\(run.stderr.suffix(3000))")
        let seeds = try #require(Self.number(after: "Fuzz/run: ", in: run.stderr), "\(run.stderr.suffix(3000))")
        #expect(seeds >= 14)
        // libFuzzer's "#N INITED" counts the executions that loaded the seeds; "Done N runs" all of them.
        let loaded = try #require(Self.number(before: "\tINITED", in: run.stderr), "\(run.stderr.suffix(3000))")
        let done = try #require(Self.number(after: "Done ", in: run.stderr), "\(run.stderr.suffix(3000))")
        #expect(done - loaded >= 3000, "only \(done - loaded) new inputs")
    }

    /// A crash is caught and its input kept: an input carrying bytes that `ZORGLEDGER_FUZZ_PLANT`
    /// names makes the fuzzer crash on purpose, and the run must fail and copy that input into the
    /// regressions folder (here a scratch one, so the repository's stays as it is).
    @Test(.enabled(if: missing == nil || underCI, "\(missing ?? "")"), .timeLimit(.minutes(3)))
    func aCrashIsCaughtAndKept() throws {
        let work = try WorkDirectory()
        let marker = "ZORGLEDGER-PLANTED-\(UInt32.random(in: 0...UInt32.max))"
        try work.write("regressions/planted.xml", Array("<Bericht>\(marker)</Bericht>".utf8))
        let script = Zorgledger.package.appendingPathComponent("Fuzz/run").path
        let run = try work.shell(
            "ZORGLEDGER_FUZZ_PLANT='\(marker)' FUZZ_REGRESSIONS='\(work.path("regressions"))' "
                + "FUZZ_DIR='\(Zorgledger.package.path)/.build-fuzz' exec '\(script)' 10", timeout: 170)
        #expect(run.status != 0, "the planted crash was not found")
        #expect(run.stderr.contains("Fuzz/run: kept \(work.path("regressions"))/crash-"), "\(run.stderr.suffix(2000))")
        let kept = try FileManager.default.contentsOfDirectory(atPath: work.path("regressions")).filter { $0.hasPrefix("crash-") }
        #expect(kept.count == 1, "\(kept)")
        for name in kept {
            #expect(String(decoding: try work.bytes("regressions/\(name)"), as: UTF8.self).contains(marker))
        }
    }

    /// The whole number that follows `prefix` where it first occurs.
    static func number(after prefix: String, in text: String) -> Int? {
        guard let range = text.range(of: prefix) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// The whole number that ends right before `suffix` where it first occurs.
    static func number(before suffix: String, in text: String) -> Int? {
        guard let range = text.range(of: suffix) else { return nil }
        return Int(String(text[..<range.lowerBound].reversed().prefix { $0.isNumber }.reversed()))
    }
}
