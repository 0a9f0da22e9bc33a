#if canImport(Glibc)
import Glibc
#endif

/// Runs the calling thread below the writer from now on: a thread that decodes or compresses for
/// a writer calls it before its work. On the writer's own thread (inside ``asWriter(_:)``) it does
/// nothing, so work that both run may call it.
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
public func runBelowWriter() {
    #if os(Linux)
    // Set on a thread lowered already, and on the writer's.
    guard pthread_getspecific(HelperPriority.key) == nil else { return }
    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, HelperPriority.nice)
    _ = pthread_setspecific(HelperPriority.key, HelperPriority.lowered)
    #endif
}

/// Runs `body` as the writer: ``runBelowWriter()`` leaves this thread's priority alone meanwhile.
public func asWriter<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
    #if os(Linux)
    let previous = pthread_getspecific(HelperPriority.key)
    _ = pthread_setspecific(HelperPriority.key, HelperPriority.writer)
    defer { _ = pthread_setspecific(HelperPriority.key, previous) }
    #endif
    return try body()
}

#if os(Linux)
private enum HelperPriority {
    /// Measured at 99,835 messages: 5 gained less than 10, 19 no more than 10.
    static let nice: Int32 = 10
    /// What a thread is: nil for one that never asked, else lowered or the writer.
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
    /// Marks, not addresses: nothing is stored behind them.
    static var lowered: UnsafeRawPointer? { UnsafeRawPointer(bitPattern: 1) }
    static var writer: UnsafeRawPointer? { UnsafeRawPointer(bitPattern: 2) }
}
#endif
