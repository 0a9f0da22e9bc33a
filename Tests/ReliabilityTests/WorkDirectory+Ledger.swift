import Foundation
import TestSupport

/// The reliability tests aim every command at one ledger in the folder (or at the one given), so
/// `--db` is added here rather than in each attack.
extension WorkDirectory {
    /// Starts `zorgledger --db ledger arguments` without waiting; `stdin` names a file to read.
    func startZorgledger(_ arguments: [String], ledger: String? = nil, stdin: String = "/dev/null") throws -> Child {
        try start(["--db", ledger ?? self.ledger] + arguments, stdin: .file(stdin))
    }

    /// Runs `zorgledger --db ledger arguments` to the end.
    @discardableResult
    func zorgledger(_ arguments: [String], ledger: String? = nil, stdin: String = "/dev/null") throws -> Child.Exit {
        try startZorgledger(arguments, ledger: ledger, stdin: stdin).wait()
    }

    /// Writes `zorgledger generate` traffic to `folder` and returns how many files it holds.
    func generate(clients: Int, months: Int, seed: Int, into folder: String) throws -> Int {
        let exit = try run([
            "generate", "--clients", "\(clients)", "--months", "\(months)", "--seed", "\(seed)", "--out", path(folder),
        ])
        guard exit.status == 0 else { throw HelperFailure(exit.stderr) }
        return try FileManager.default.contentsOfDirectory(atPath: path(folder)).count
    }
}
