extension Child {
    /// How a child ended and everything it printed.
    public struct Exit: Sendable {
        /// The exit status, or 128 + the signal that ended the process.
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
        /// Peak resident memory in bytes (`ru_maxrss`), or nil when the child was not measured
        /// (see `Child(measuringPeak:)`), so a figure that was never taken cannot pass for a small one.
        public var maxResident: Int?

        public var output: String { String(decoding: stdout, as: UTF8.self) }

        /// The lines of stderr, blank ones included: "one line" must mean exactly one line, and
        /// only the newline that ends the last line is not counted as starting another.
        public var stderrLines: [Substring] {
            let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.last == "" ? Array(lines.dropLast()) : lines
        }
    }
}
