#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time since creation, from the monotonic clock.
public struct Stopwatch {
    private let start = Stopwatch.now()

    public init() {}

    public var seconds: Double { Stopwatch.now() - start }

    private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// The median of at least one sample: what the benchmarks report, since these machines are noisy.
public func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
