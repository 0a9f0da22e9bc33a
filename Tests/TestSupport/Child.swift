internal import Foundation
internal import Glibc

/// A child process started with `posix_spawn`, so that the test knows its exit status and, when
/// asked, its own peak memory. The peak is `wait4`'s `ru_maxrss`, taken by the small `peak-rss`
/// program that runs the child as its own child: measured directly, `ru_maxrss` would report the
/// test process's memory, because glibc's `posix_spawn` starts the child in the parent's address
/// space and Linux counts that as the child's peak. Unlike sampling `/proc`, it cannot miss a
/// child that ends quickly. Output goes to files, so a chatty child can never block on a full pipe.
public struct Child: Sendable {
    /// What the child reads on standard input.
    public enum Input: Sendable {
        /// The file at this path (`/dev/null` when nothing is to be read).
        case file(String)
        /// These bytes through a pipe, as a shell pipeline would deliver them.
        case bytes([UInt8])
    }

    private let pid: pid_t
    private let stdoutPath: String
    private let stderrPath: String
    /// Where `peak-rss` writes the peak, when the child runs under it.
    private let peakPath: String?

    /// Starts `executable arguments` in `directory`, which also holds the output files while the
    /// child runs. The caller's ZORGLEDGER_* variables are left out, so a developer's own settings
    /// cannot change what a test sees; `environment` adds or overrides variables. With
    /// `measuringPeak` the child runs under `peak-rss`, and ``Exit/maxResident`` is its peak.
    public init(
        _ executable: String, _ arguments: [String], in directory: WorkDirectory, stdin: Input = .file("/dev/null"),
        environment extra: [String: String] = [:], measuringPeak: Bool = false
    ) throws {
        let name = UUID().uuidString
        stdoutPath = directory.path(".child-\(name).out")
        stderrPath = directory.path(".child-\(name).err")
        peakPath = measuringPeak ? directory.path(".child-\(name).peak") : nil
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let chdir = Child.addChdir(&actions, directory.url.path)
        guard chdir == 0 else { throw POSIXError(POSIXErrorCode(rawValue: chdir) ?? .EINVAL) }
        var pipe: [Int32] = [-1, -1]
        switch stdin {
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .bytes:
            guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            // Close-on-exec, so children that other tests start meanwhile do not hold the pipe open
            // (`pipe2` is not imported); the dup onto standard input is not affected.
            _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, pipe[0], 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let program = peakPath == nil ? executable : Zorgledger.peakRSS
        let command = peakPath.map { [program, $0, executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ZORGLEDGER_") }
            .merging(extra) { $1 }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // `peak-rss` starts with SIGTERM at its default and blocked, so a ``kill()`` that comes
        // before it is ready waits for it instead of being ignored or ending it without its child.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if peakPath != nil {
            var term = sigset_t()
            sigemptyset(&term)
            sigaddset(&term, SIGTERM)
            posix_spawnattr_setsigdefault(&attributes, &term)
            posix_spawnattr_setsigmask(&attributes, &term)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        if case .bytes(let bytes) = stdin {
            close(pipe[0])
            defer { close(pipe[1]) }
            if rc == 0 { Child.write(bytes, to: pipe[1]) }
        }
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        self.pid = pid
    }

    /// Whether the process is still running; it is not reaped, so ``wait(timeout:)`` still works.
    public var isRunning: Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._kill.si_pid == 0
    }

    /// Ends the child at once with SIGKILL. Under `peak-rss` it is asked to do that (SIGTERM) and
    /// still reaps the child, so once ``wait(timeout:)`` returns the killed run is really gone.
    public func kill() { Foundation.kill(pid, peakPath == nil ? SIGKILL : SIGTERM) }

    /// Sends `number` (e.g. SIGINT) to a child started without `measuringPeak`, as a person's
    /// Ctrl-C or a service manager's stop would.
    public func signal(_ number: Int32) {
        precondition(peakPath == nil, "a signal would reach peak-rss, not the child")
        Foundation.kill(pid, number)
    }

    /// Waits for the process; after `timeout` seconds it is killed, so no test can hang on it.
    public func wait(timeout: Double = 60) -> Exit {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { usleep(2_000) }
        if isRunning { kill() }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        let stdout = (try? Data(contentsOf: URL(fileURLWithPath: stdoutPath))) ?? Data()
        let stderr = (try? Data(contentsOf: URL(fileURLWithPath: stderrPath))) ?? Data()
        unlink(stdoutPath)
        unlink(stderrPath)
        return Exit(
            status: code, stdout: Array(stdout), stderr: String(decoding: stderr, as: UTF8.self),
            maxResident: peakPath.flatMap(Child.peak(reportedIn:)))
    }

    /// The peak in bytes that `peak-rss` wrote (in KiB), removing its report; nil when it wrote none.
    private static func peak(reportedIn path: String) -> Int? {
        defer { unlink(path) }
        guard let report = try? String(contentsOfFile: path, encoding: .utf8),
            let kibibytes = Int(report.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        return kibibytes * 1024
    }

    /// Feeds a piped standard input. SIGPIPE is ignored first, so a child that exits without reading
    /// everything makes the write fail with EPIPE instead of killing the whole test run.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        _ = ignoreSIGPIPE
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    private static let ignoreSIGPIPE: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()

    private typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does not
    /// import because it is declared only under `_GNU_SOURCE`; found once by name instead.
    private static let addChdir: AddChdir = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            fatalError("glibc 2.29 or later is needed to start a child in its own working directory")
        }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()
}
