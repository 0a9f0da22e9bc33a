/// How one sender's software serialises its messages. Real senders differ in namespace prefixes,
/// line ends and indentation; a decoder must accept all of them, so the generator varies them,
/// fixed per sender so that one party always looks the same.
struct WriterStyle {
    enum Prefixes: CaseIterable {
        /// As in the published examples: `jw301:` / `ijw:` (`wmo301:` / `iwmo:`).
        case asExamples
        /// Short prefixes `m:` and `b:`.
        case short
        /// The message namespace is the default namespace; the basisschema keeps its prefix.
        case messageAsDefault
        /// The basisschema namespace is the default namespace; the message elements are prefixed.
        case basisAsDefault
    }

    var prefixes: Prefixes
    /// CR LF (what OP192 asks for), LF, or nothing at all for single-line documents.
    var lineEnd: [UInt8]
    var indentation: [UInt8]
    /// Some systems prefix their message identifications, others send bare numbers.
    var identificationPrefix: String

    /// The style of the `ordinal`-th party of a scenario. Consecutive parties get different
    /// prefix and layout variants, so even a scenario with a handful of parties shows all of them.
    init(ordinal: Int, seed: UInt64) {
        var random = Random(seed: seed, stream: UInt64(ordinal) ^ 0x57_1E)
        let offset = Int(Random.mix(seed) % 24)
        prefixes = Prefixes.allCases[(ordinal + offset) % Prefixes.allCases.count]
        let crlf: [UInt8] = [13, 10]
        switch (ordinal + offset) % 6 {
        case 0: (lineEnd, indentation) = (crlf, [9])
        case 1: (lineEnd, indentation) = (crlf, [32, 32])
        case 2: (lineEnd, indentation) = ([10], [9])
        case 3: (lineEnd, indentation) = ([10], [32, 32, 32, 32])
        case 4: (lineEnd, indentation) = (crlf, [])
        default: (lineEnd, indentation) = ([], [])
        }
        identificationPrefix = random.pick(["", "", "ZL", "M", "X"])
    }
}
