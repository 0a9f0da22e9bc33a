import TestSupport
import Testing

/// The memory limits of the other tests are only as good as the figure they compare: these
/// controls show that the peak is the child's own, that a large allocation shows, and that a tiny
/// child is not charged with the test process's memory.
@Suite("Peak memory of a child is measured, not inherited")
struct PeakMemoryTests {
    @Test func aChildThatAllocates100MBShowsIt() throws {
        let work = try WorkDirectory()
        let exit = try Child(
            "/usr/bin/sqlite3", [":memory:", "SELECT length(randomblob(100000000));"], in: work, measuringPeak: true
        ).wait()
        #expect(exit.status == 0, "\(exit.stderr)")
        #expect(exit.output == "100000000\n")
        let peak = try #require(exit.maxResident)
        #expect(peak >= 100_000_000, "peak \(peak) bytes")
    }

    @Test func aTinyChildIsNotChargedWithTheTestProcess() throws {
        let work = try WorkDirectory()
        let exit = try Child("/bin/true", [], in: work, measuringPeak: true).wait()
        #expect(exit.status == 0)
        let peak = try #require(exit.maxResident)
        #expect((100_000..<8_000_000).contains(peak), "peak \(peak) bytes")
    }

    @Test func anUnmeasuredChildHasNoFigure() throws {
        let work = try WorkDirectory()
        #expect(try Child("/bin/true", [], in: work).wait().maxResident == nil)
    }

    @Test func aKilledRunIsReapedAndEndsBySIGKILL() throws {
        let work = try WorkDirectory()
        let child = try Child("/bin/sleep", ["30"], in: work, measuringPeak: true)
        child.kill()
        let exit = child.wait(timeout: 10)
        #expect(exit.status == 128 + 9)
        #expect(exit.maxResident != nil)
    }
}
