/// SplitMix64: tiny, fast and the same on every platform, so a seed always yields the same traffic.
///
/// Each decision stream is seeded from the scenario seed plus a purpose-specific key, which lets a
/// client's trajectory or a prestatie's fate be recomputed in any month without keeping state.
struct Random {
    private var state: UInt64

    init(seed: UInt64, stream: UInt64 = 0) {
        state = Random.mix(seed ^ Random.mix(stream &+ 0x9E37_79B9_7F4A_7C15))
    }

    /// A well-distributed 64-bit hash of `value` (the SplitMix64 finaliser).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`, by multiply-shift (no modulo bias worth caring about for test data).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with a probability of `percent` in 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<Element>(_ elements: [Element]) -> Element { elements[below(elements.count)] }
}
