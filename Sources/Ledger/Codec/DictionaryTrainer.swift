#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Builds an LZ4 dictionary from sample messages of one kind.
///
/// A message is cut after every `>`, so a segment is a tag with the text and white space that
/// precede it; the cut works alike for indented and single-line senders. Segments that recur in
/// a good share of the samples (element names, namespaces, codes, indentation) go into the
/// dictionary in the order they appear in the messages, so that LZ4 finds long matches. Segments
/// seen in one sample only, which is where names, BSNs and free text sit, are left out.
/// (Measured on generated traffic with LZ4HC level 3: keeping segments found in at least 5% of
/// 64 samples stores messages in 0.144 of their size; 25% gives 0.171, plain LZ4 0.44.)
public struct DictionaryTrainer: Sendable {
    /// The most bytes a dictionary may hold. LZ4 looks back 64 KiB at most.
    public var capacity: Int
    /// Fewer samples than this give no dictionary: too little to tell shared from personal.
    public var minimumSamples: Int
    /// The most samples a dictionary is trained on: those of the batch that first holds its kind,
    /// topped up with the latest of that kind in the log. (256 instead of 64 stored 99,835
    /// generated messages in 1.6 MB less, 0.413 → 0.405 of the XML, but made their ingest 4 %
    /// slower, and that of 9,897 messages 12 %.)
    public var maximumSamples: Int

    /// Segments must occur in at least this share of the samples (and in two at least).
    public var minimumShare: Double

    public init(
        capacity: Int = 64 * 1024, minimumSamples: Int = 8, maximumSamples: Int = 64, minimumShare: Double = 0.05
    ) {
        self.capacity = min(capacity, 64 * 1024)
        self.minimumSamples = minimumSamples
        self.maximumSamples = max(minimumSamples, maximumSamples)
        self.minimumShare = minimumShare
    }

    /// The dictionary for `samples`, or nil when there are too few of them.
    public func train(_ samples: [[UInt8]]) -> [UInt8]? {
        guard samples.count >= minimumSamples else { return nil }
        let segmented = samples.map(Self.segments(of:))
        var documentFrequency: [Segment: Int] = [:]
        for segments in segmented {
            var seen = Set<Segment>(minimumCapacity: segments.count)
            for segment in segments where seen.insert(segment).inserted {
                documentFrequency[segment, default: 0] += 1
            }
        }
        let threshold = max(2, Int((Double(samples.count) * minimumShare).rounded(.up)))
        var dictionary: [UInt8] = []
        dictionary.reserveCapacity(capacity)
        var added = Set<Segment>()
        for segments in segmented {
            for segment in segments
            where documentFrequency[segment, default: 0] >= threshold && !added.contains(segment) {
                guard dictionary.count + segment.bytes.count <= capacity else { return dictionary }
                added.insert(segment)
                dictionary.append(contentsOf: segment.bytes)
            }
        }
        return dictionary.isEmpty ? nil : dictionary
    }

    /// A dictionary for each set of samples (nil where there are too few), trained on all cores:
    /// a new ledger's first batch trains one for each of a dozen kinds of message at once.
    public func train(eachOf sampleSets: [[[UInt8]]]) -> [[UInt8]?] {
        let trained = UnsafeMutableBufferPointer<[UInt8]?>.allocate(capacity: sampleSets.count)
        defer { trained.deallocate() }
        // Each iteration initializes its own slot only, so the unsynchronized writes never overlap.
        nonisolated(unsafe) let output = trained
        DispatchQueue.concurrentPerform(iterations: sampleSets.count) { index in
            (output.baseAddress! + index).initialize(to: train(sampleSets[index]))
        }
        let result = Array(trained)
        _ = trained.deinitialize()
        return result
    }

    private static func segments(of message: [UInt8]) -> [Segment] {
        var result: [Segment] = []
        var start = message.startIndex
        for index in message.indices where message[index] == UInt8(ascii: ">") {
            result.append(Segment(bytes: message[start...index]))
            start = index + 1
        }
        if start < message.endIndex { result.append(Segment(bytes: message[start...])) }
        return result
    }

    /// A segment with its bytes' hash, taken once as one run of bytes: `ArraySlice` hashes byte by
    /// byte at every lookup, which made training a batch's dictionaries cost more than compressing it.
    private struct Segment: Hashable {
        let bytes: ArraySlice<UInt8>
        private let hashOfBytes: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            var hasher = Hasher()
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            hashOfBytes = hasher.finalize()
        }

        /// Equal hashes are mostly equal segments, whose bytes `memcmp` compares faster than a loop.
        static func == (left: Segment, right: Segment) -> Bool {
            left.hashOfBytes == right.hashOfBytes && left.bytes.count == right.bytes.count
                && left.bytes.withUnsafeBytes { l in
                    right.bytes.withUnsafeBytes { r in l.isEmpty || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0 }
                }
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hashOfBytes) }
    }
}
