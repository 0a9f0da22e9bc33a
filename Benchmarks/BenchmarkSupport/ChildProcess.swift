#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and reports its wall time and peak memory, read from `wait4` for that child
/// alone: the real CLI, measured as users run it.
public enum ChildProcess {
    public struct Measurement {
        public var status: Int32
        public var seconds: Double
        /// Peak resident memory of the child, in MiB.
        public var peakMiB: Double
    }

    public static func run(_ executable: String, _ arguments: [String]) throws -> Measurement {
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
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkError("wait4 failed") }
        }
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Measurement(status: exitStatus, seconds: clock.seconds, peakMiB: Double(usage.ru_maxrss) / 1024)
    }
}
