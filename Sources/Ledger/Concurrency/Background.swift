import Dispatch

/// Work started on another thread now and its result taken later: how the next batch is decoded
/// (and compressed) while the writer applies the one before it, in an ingest and in a replay.
/// That thread runs below the writer (``runBelowWriter()``), which waits for the result.
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

    public convenience init(_ work: @escaping @Sendable () -> Value) {
        self.init(freeingFirst: nil as Handover<Void>?, work)
    }

    /// Work that first frees `finished`, what the writer is done with (see ``Handover``).
    public init<Finished>(freeingFirst finished: Handover<Finished>?, _ work: @escaping @Sendable () -> Value) {
        let slot = self.slot
        slot.finished.enter()
        DispatchQueue.global().async {
            runBelowWriter()
            finished?.free()
            slot.value = work()
            slot.finished.leave()
        }
    }

    /// The result, once the work is done; taken out, so the caller holds the only copy and decides
    /// where it is freed (``releaseElsewhere(_:)``). Call it once.
    public func take() -> Value {
        slot.finished.wait()
        defer { slot.value = nil }
        return slot.value!
    }

    deinit { slot.finished.wait() }
}

/// Frees `value` on another thread. A batch of decoded messages is thousands of strings and arrays;
/// the writer, the thread everything else waits for, hands them off instead of freeing them itself.
/// The caller must hold no other copy, or freeing stays with whoever lets go last.
public func releaseElsewhere<Value: Sendable>(_ value: consuming Value) {
    let handover = Handover(consume value)
    // The same priority as the work: freeing at a lower one could lag behind busy cores and let
    // batches pile up in memory.
    DispatchQueue.global().async { handover.free() }
}

/// A value handed to another thread to be freed there: it is dropped where ``free()`` is called,
/// even when the caller's reference to the handover goes last. A writer hands what it is done
/// with to its next piece of work (``Background/init(freeingFirst:_:)``), which frees it first:
/// freed on a helper's time, and never more than one batch waiting to be freed.
/// The caller must hold no other copy, or freeing stays with whoever lets go last.
public final class Handover<Value>: @unchecked Sendable {
    // Set once by the caller, cleared once by the freeing thread.
    private var value: Value?

    public init(_ value: consuming Value) { self.value = consume value }

    public func free() { value = nil }
}
