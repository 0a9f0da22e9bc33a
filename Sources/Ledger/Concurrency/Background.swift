import Dispatch

/// Work started on another thread now and its result taken later: how the next batch is decoded
/// (and compressed) while the writer applies the one before it, in an ingest and in a replay.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchGroup()
    // Written once by the working thread before `finished` is left, read only after waiting on it.
    private var value: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        finished.enter()
        DispatchQueue.global().async { [self] in
            value = work()
            finished.leave()
        }
    }

    /// The result, once the work is done.
    public func result() -> Value {
        finished.wait()
        return value!
    }
}
