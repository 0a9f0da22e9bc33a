public import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Runs the calling thread below the writer from now on: the thread of a ``Background`` and the
/// threads that help a ``Dispatch/DispatchQueue/concurrentPerformBelowCaller(iterations:execute:)``
/// call it before their work. The writer never does: it runs no `Background` itself, and the
/// thread that calls `concurrentPerformBelowCaller` keeps its priority.
///
/// An ingest keeps both cores busy, and the writer is the thread everything waits for. At one
/// priority the scheduler shared the writer's core with the helpers: the writer lost its core in
/// the middle of a batch, and at the batch's end the helpers were done and a core stood idle
/// (`perf sched` of an ingest of 99,835 messages: the writer 0.32 s runnable but not running).
/// Below the writer, the helpers take what it leaves. A thread cannot go back up without
/// privileges, so a helper stays low for whatever it runs later: dispatch's worker threads, which
/// in zorgledger run only work done for a writer (decoding, compressing, freeing, checkpoints).
///
/// On Linux `setpriority` with `PRIO_PROCESS` and 0 sets the nice value of the calling thread
/// alone; elsewhere this does nothing.
func runBelowWriter() {
    #if os(Linux)
    guard pthread_getspecific(HelperPriority.lowered) == nil else { return }
    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, HelperPriority.nice)
    _ = pthread_setspecific(HelperPriority.lowered, UnsafeRawPointer(bitPattern: 1))
    #endif
}

extension DispatchQueue {
    /// `concurrentPerform`, the threads that help the caller running below the writer
    /// (``runBelowWriter()``); the calling thread, which may be the writer, keeps its priority.
    public static func concurrentPerformBelowCaller(iterations: Int, execute work: @Sendable (Int) -> Void) {
        #if os(Linux)
        let caller = pthread_self()
        concurrentPerform(iterations: iterations) { index in
            if pthread_equal(pthread_self(), caller) == 0 { runBelowWriter() }
            work(index)
        }
        #else
        concurrentPerform(iterations: iterations, execute: work)
        #endif
    }
}

#if os(Linux)
private enum HelperPriority {
    /// Measured at 99,835 messages: 5 gained less than 10, 19 no more than 10.
    static let nice: Int32 = 10
    /// Set on a thread that runs below the writer already, so it asks the kernel once.
    static let lowered: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}
#endif
