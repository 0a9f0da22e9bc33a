#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing

/// A thread of its own at nice 0, as a writer's thread starts, for tests that check the writer is
/// never lowered below its helpers (nice 10). A test's own thread may have helped earlier work in
/// the same process and run at 10 already, and a new thread inherits that: lowering it again would
/// change nothing, and such a check could not fail. A new thread also has never been lowered, which
/// `runBelowWriter` does only once a thread.
///
/// The thread never ends: it parks once its work is done. A thread that is not dispatch's own, uses
/// `concurrentPerform` and then exits has libdispatch free its continuation cache twice
/// (AddressSanitizer: a double free in `_dispatch_cache_cleanup`), which corrupted the heap of about
/// one whole-suite run in five while these threads ended.
public enum WriterThread {
    /// The calling thread's nice value.
    public static var nice: Int32 { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }

    /// Runs `body` on a new thread at nice 0 and returns what it returns, with the thread's nice
    /// value after it. Cancels the test (reported as such, not passed) when the thread cannot get
    /// back to 0: raising a thread's priority needs privilege.
    public static func run<Result: Sendable>(
        _ body: @escaping @Sendable () throws -> Result
    ) throws -> (result: Result, niceAfter: Int32) {
        let outcome = Mutex<(started: Int32, result: Swift.Result<Result, any Error>, after: Int32)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 0)
            let started = nice
            let result = Swift.Result { try body() }
            let after = nice
            outcome.withLock { $0 = (started, result, after) }
            done.signal()
            while true { pause() }
        }.start()
        done.wait()
        let (started, result, after) = outcome.withLock { $0 }!
        guard started == 0 else {
            try Test.cancel("this thread runs at nice \(started) and may not raise it: a lowered writer would go unnoticed")
        }
        return (try result.get(), after)
    }
}
