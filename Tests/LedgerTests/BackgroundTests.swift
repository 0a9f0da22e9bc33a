import Dispatch
import Foundation
import Glibc
import Ledger
import Synchronization
import Testing

/// The writer takes a batch out of its ``Background`` and hands it to ``releaseElsewhere(_:)``:
/// the batch must then be freed, and not on the writer's thread.
@Suite("Work in the background, and freeing elsewhere")
struct BackgroundTests {
    /// Says on which thread it was freed.
    private final class Tracked: Sendable {
        let freed: @Sendable (pthread_t) -> Void
        init(freed: @escaping @Sendable (pthread_t) -> Void) { self.freed = freed }
        deinit { freed(pthread_self()) }
    }

    @Test func aTakenResultIsFreedWhereItIsReleasedNotOnTheCallersThread() {
        let freedOn = Mutex<pthread_t?>(nil)
        let done = DispatchSemaphore(value: 0)
        let work = Background {
            [Tracked { thread in
                freedOn.withLock { $0 = thread }
                done.signal()
            }]
        }
        let taken = work.take()
        #expect(taken.count == 1)
        releaseElsewhere(consume taken)
        // The Background still exists: had it kept its copy, nothing would be freed yet.
        #expect(done.wait(timeout: .now() + 10) == .success)
        let thread = freedOn.withLock { $0 }
        #expect(thread != nil && pthread_equal(thread!, pthread_self()) == 0)
        withExtendedLifetime(work) {}
    }

    /// What a writer hands over is freed where the next piece of work frees it, before that work.
    @Test func aHandoverIsFreedWhereItIsFreed() {
        let freedOn = Mutex<pthread_t?>(nil)
        let handover = Handover([Tracked { thread in freedOn.withLock { $0 = thread } }])
        let work = Background { [handover] in
            handover.free()
            return (pthread_self(), freedOn.withLock { $0 })
        }
        let (worker, freed) = work.take()
        #expect(freed != nil && pthread_equal(freed!, worker) != 0 && pthread_equal(worker, pthread_self()) == 0)
    }

    /// A helper runs below the writer from its first call on, and only once; the writer's thread,
    /// inside `asWriter`, keeps its priority whatever it calls.
    @Test func helpersRunBelowTheWriterAndTheWriterKeepsItsPriority() {
        // A thread of its own, so no earlier test's helper work has lowered it; it starts where
        // the test's thread stands.
        let priorities = Mutex<(writer: [Int32], helper: [Int32])>(([], []))
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { done.signal() }
            let start = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            asWriter {
                runBelowWriter()
                priorities.withLock { $0.writer = [start, getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)] }
            }
            runBelowWriter()
            let lowered = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            runBelowWriter()
            priorities.withLock { $0.helper = [lowered, getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)] }
        }
        thread.start()
        done.wait()
        let (writer, helper) = priorities.withLock { $0 }
        #expect(writer.count == 2 && writer[0] == writer[1], "the writer was lowered: \(writer)")
        #expect(helper == [max(writer[0], 10), max(writer[0], 10)], "\(helper)")
    }
}
