import Foundation

/// A child process started with `posix_spawn`, so that the test knows its exit status and its own
/// peak memory. The peak is sampled from the child's `VmHWM` while it runs: `ru_maxrss` would
/// report the test process's memory, because glibc's `posix_spawn` starts the child in the
/// parent's address space and Linux counts that as the child's peak.
/// Output goes to files, so a chatty child can never block on a full pipe.
struct Child {
    let pid: pid_t
    private let stdoutPath: String
    private let stderrPath: String

    struct Exit {
        /// The exit status, or 128 + the signal that ended the process.
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        /// Peak resident memory in bytes.
        var maxResident: Int
        var output: String { String(decoding: stdout, as: UTF8.self) }
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// Starts `executable arguments`; `stdin` names a file to read from (default /dev/null).
    init(_ executable: String, _ arguments: [String], stdin: String = "/dev/null", scratch: Workspace) throws {
        let name = UUID().uuidString
        stdoutPath = scratch.path(".child-\(name).out")
        stderrPath = scratch.path(".child-\(name).err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ZORGLEDGER_") }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        self.pid = pid
    }

    /// Whether the process is still running; it is not reaped, so ``wait(timeout:)`` still works.
    var isRunning: Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._kill.si_pid == 0
    }

    func kill() { Foundation.kill(pid, SIGKILL) }

    /// Waits for the process; after `timeout` seconds it is killed, so no test can hang on it.
    func wait(timeout: Double = 60) -> Exit {
        let deadline = Date().addingTimeInterval(timeout)
        var peakKiB = 0
        while isRunning && Date() < deadline {
            peakKiB = max(peakKiB, highWaterMarkKiB())
            usleep(2_000)
        }
        if isRunning { kill() }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        let stdout = (try? Data(contentsOf: URL(fileURLWithPath: stdoutPath))) ?? Data()
        let stderr = (try? Data(contentsOf: URL(fileURLWithPath: stderrPath))) ?? Data()
        unlink(stdoutPath)
        unlink(stderrPath)
        return Exit(status: code, stdout: Array(stdout), stderr: String(decoding: stderr, as: UTF8.self),
                    maxResident: peakKiB * 1024)
    }

    /// The `VmHWM` of `/proc/PID/status`: the peak resident set of the process since its exec.
    private func highWaterMarkKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.filter(\.isNumber)) ?? 0
    }
}
