import Foundation
import TestSupport
import Testing

@Suite("Fuzzing the decoder with libFuzzer")
struct FuzzTests {
    /// Whether the Swift toolchain on PATH ships clang's libFuzzer runtime, which `Fuzz/run` needs.
    static let runtimeAvailable: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/swiftc") {
            let swiftc = URL(fileURLWithPath: "\(folder)/swiftc").resolvingSymlinksInPath()
            let clang = swiftc.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lib/clang")
            let versions = (try? FileManager.default.contentsOfDirectory(atPath: clang.path)) ?? []
            return versions.contains { version in
                let linux = clang.appendingPathComponent("\(version)/lib/linux").path
                return ((try? FileManager.default.contentsOfDirectory(atPath: linux)) ?? [])
                    .contains { $0.hasPrefix("libclang_rt.fuzzer-") }
            }
        }
        return false
    }()

    /// `Fuzz/run` builds the decoder with `-sanitize=fuzzer,address` and feeds it 3000 inputs
    /// mutated from the examples and generated traffic: any crash, leak, hang or memory error fails.
    @Test(.enabled(if: runtimeAvailable, "clang's libFuzzer runtime is absent from this Swift toolchain"),
          .timeLimit(.minutes(2)))
    func theDecoderSurvivesABoundedFuzzRun() throws {
        let work = try WorkDirectory()
        let script = Zorgledger.package.appendingPathComponent("Fuzz/run").path
        let run = try work.shell(
            "ZORGLEDGER='\(Zorgledger.executable)' FUZZ_DIR='\(Zorgledger.package.path)/.build-fuzz' exec '\(script)' 3000")
        #expect(run.status == 0, "\(run.stderr.suffix(3000))")
        #expect(run.stderr.contains("Done 3000 runs"), "\(run.stderr.suffix(3000))")
    }
}
