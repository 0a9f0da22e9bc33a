import Dispatch
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
}
