import Dispatch
import Foundation
import Glibc
@testable import Ledger
import Synchronization
import TestSupport
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

    /// A helper runs below the writer: the threads that help a `concurrentPerformBelowCaller` and
    /// the thread of a `Background`. The calling thread, which may be the writer, keeps its
    /// priority, also in the iterations it runs itself.
    @Test func helpersRunBelowTheWriterAndTheWriterKeepsItsPriority() throws {
        let seen = Mutex<(inCaller: [Int32], inHelpers: [Int32])>(([], []))
        let (_, writerAfter) = try WriterThread.run {
            let caller = pthread_self()
            DispatchQueue.concurrentPerformBelowCaller(iterations: 64) { _ in
                let mine = WriterThread.nice
                let onCaller = pthread_equal(pthread_self(), caller) != 0
                seen.withLock { onCaller ? $0.inCaller.append(mine) : $0.inHelpers.append(mine) }
                usleep(200)  // long enough for the helpers to take part
            }
        }
        let (inCaller, inHelpers) = seen.withLock { $0 }
        #expect(!inCaller.isEmpty && inCaller.allSatisfy { $0 == 0 }, "the writer was lowered: \(inCaller)")
        #expect(writerAfter == 0, "the writer was lowered")
        #expect(inHelpers.allSatisfy { $0 == 10 }, "\(inHelpers)")
        #expect(Background { WriterThread.nice }.take() == 10, "a Background's thread runs below the writer")
    }
}
