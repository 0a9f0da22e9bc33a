#if canImport(Glibc)
import Glibc
#endif

/// The terminal the command runs in: where errors and progress go, and whether anyone watches.
enum Terminal {
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The width a table must fit: on a terminal `$COLUMNS`, else the terminal's own width
    /// (TIOCGWINSZ). Output to a file or a pipe has no width, so nothing is cut there.
    static var width: Int? {
        guard standardOutputIsTerminal else { return nil }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        var size = winsize()
        let rc = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        return rc == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    /// One line on stderr.
    static func printError(_ message: String) {
        write(Array((message.hasSuffix("\n") ? message : message + "\n").utf8), to: STDERR_FILENO)
    }

    /// Writes bytes exactly as given, to stdout unless told otherwise.
    static func write(_ bytes: [UInt8], to descriptor: Int32 = STDOUT_FILENO) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// A progress line on stderr for long operations (count, rate, time left), shown only when a
/// person is watching a terminal; scripts and logs see nothing.
final class Progress {
    private let label: String
    private let enabled: Bool
    private let started = Progress.now()
    private var lastShown = 0.0

    init(_ label: String) {
        self.label = label
        enabled = Terminal.standardErrorIsTerminal
    }

    func update(_ done: Int, of total: Int?) {
        guard enabled else { return }
        let now = Progress.now()
        guard now - lastShown >= 0.2 || done == total else { return }
        lastShown = now
        let elapsed = max(now - started, 0.001)
        let rate = Double(done) / elapsed
        var line = "\r\(label): \(done)"
        if let total {
            line += " of \(total)"
            if rate > 0, done < total { line += ", \(Int((Double(total - done) / rate).rounded())) s left" }
        }
        line += ", \(Int(rate))/s   "
        Terminal.write(Array(line.utf8), to: STDERR_FILENO)
    }

    func finish() {
        if enabled { Terminal.write(Array("\r\u{1B}[K".utf8), to: STDERR_FILENO) }
    }

    private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
