import Dispatch

/// Work started on another thread now and its result taken later: how the next batch is decoded
/// (and compressed) while the writer applies the one before it, in an ingest and in a replay.
///
/// Dropped before its result was taken (its owner failed and is unwinding), it waits for the
/// work to end: no work outlives what started it. A command that fails mid-ingest exits right
/// after, and the libraries' exit handlers (OpenSSL's frees its digests) must not run while a
/// thread still hashes the next batch; that race crashed one failing ingest in twenty.
public final class Background<Value: Sendable>: Sendable {
    /// The result, apart from the object, so the work holds only it and the object can be dropped.
    private final class Slot: @unchecked Sendable {
        let finished = DispatchGroup()
        // Written once by the working thread before `finished` is left, read only after waiting on it.
        var value: Value?
    }

    private let slot = Slot()

    public init(_ work: @escaping @Sendable () -> Value) {
        let slot = self.slot
        slot.finished.enter()
        DispatchQueue.global().async {
            slot.value = work()
            slot.finished.leave()
        }
    }

    /// The result, once the work is done.
    public func result() -> Value {
        slot.finished.wait()
        return slot.value!
    }

    deinit { slot.finished.wait() }
}
