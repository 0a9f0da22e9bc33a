#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and reports its wall time, CPU time and peak memory: the real CLI, measured as users run it.
///
/// The peak is read from the child's own `VmHWM` while it runs. `ru_maxrss` from `wait4` would be
/// wrong here: glibc's `posix_spawn` starts the child in the parent's address space, and Linux
/// then counts the parent's (large, corpus-holding) memory as the child's peak.
public enum ChildProcess {
    public struct Measurement {
        public var status: Int32
        public var seconds: Double
        /// The child's CPU time, user and system, on all its threads: beside `seconds`, whether a
        /// run got slower by doing more work or by waiting more for one thread.
        public var cpuSeconds: Double
        /// Peak resident memory of the child, in KiB; 0 when the child was gone before its first sample.
        var peakKiB: Int

        /// Peak resident memory of the child, in MiB.
        /// - throws: when it could not be read (a child that ended within milliseconds): it would
        ///   print as 0 MiB and pass every memory goal.
        public func peakMiB() throws -> Double {
            guard peakKiB > 0 else { throw BenchmarkError("the peak memory of a child that ran \(seconds) s could not be read") }
            return Double(peakKiB) / 1024
        }
    }

    public static func run(_ executable: String, _ arguments: [String]) throws -> Measurement {
        try start(executable, arguments).wait()
    }

    /// A child started and not yet waited for, so that several can run at once.
    public struct Running {
        let pid: pid_t
        let clock: Stopwatch

        /// Waits for the child, sampling its peak memory meanwhile.
        public func wait() throws -> Measurement {
            var status: Int32 = 0
            var peakKiB = 0
            // The CPU time of children is counted when they are reaped, and this loop reaps only this one.
            var before = tms(), after = tms()
            times(&before)
            while true {
                peakKiB = max(peakKiB, ChildProcess.highWaterMarkKiB(pid))
                let done = waitpid(pid, &status, WNOHANG)
                if done == pid { break }
                guard done == 0 || errno == EINTR else { throw BenchmarkError("waitpid failed") }
                usleep(5_000)
            }
            let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            times(&after)
            let ticks = (after.tms_cutime - before.tms_cutime) + (after.tms_cstime - before.tms_cstime)
            let cpuSeconds = Double(ticks) / Double(sysconf(Int32(_SC_CLK_TCK)))
            return Measurement(status: exitStatus, seconds: clock.seconds, cpuSeconds: cpuSeconds, peakKiB: peakKiB)
        }
    }

    /// Starts `executable arguments` with standard output discarded.
    public static func start(_ executable: String, _ arguments: [String]) throws -> Running {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let clock = Stopwatch()
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard rc == 0 else { throw BenchmarkError("cannot start \(executable): \(String(cString: strerror(rc)))") }
        return Running(pid: pid, clock: clock)
    }

    /// The `VmHWM` line of `/proc/PID/status`: the peak resident set of the process's current image.
    fileprivate static func highWaterMarkKiB(_ pid: pid_t) -> Int {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") {
                return Int(text.dropFirst(6).filter(\.isNumber)) ?? 0
            }
        }
        return 0
    }
}
