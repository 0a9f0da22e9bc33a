import ArgumentParser
import Generator
#if canImport(Glibc)
import Glibc
#endif

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write realistic, XSD-valid iWmo and iJw 3.2 traffic to a folder.",
        discussion: """
            Whole trajectories per client (requests, toewijzingen, start and stop, monthly declaraties and \
            their answers, changes, credits), several gemeenten and aanbieders, both standards, and the \
            serialisation variety of real senders. The same seed always gives the same files. The data is \
            synthetic: the BSNs pass the 11-proef but belong to nobody.

            Example:
              zorgledger generate --clients 100 --months 12 --seed 7 --out traffic/
            """)

    @Option(help: "Number of clients.")
    var clients = 50

    @Option(help: "Number of months of traffic.")
    var months = 12

    @Option(help: "Seed of the generator; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(help: "The folder to write to; created, with its missing parent folders, when missing.")
    var out: String

    func validate() throws {
        guard clients > 0, months > 0 else { throw ValidationError("--clients and --months must be at least 1") }
    }

    func run() throws {
        try OwnerOnlyFile.makeFolder(out)
        let progress = Progress("generate")
        var count = 0
        for bericht in Scenario(clients: clients, months: months, seed: seed) {
            try OwnerOnlyFile.write(bericht.bytes, to: out + "/" + bericht.bestandsnaam)
            count += 1
            if count % 500 == 0 { progress.update(count, of: nil) }
        }
        progress.finish()
        print("wrote \(count) messages to \(out)")
    }
}

/// Files zorgledger writes hold (synthetic or real) personal data, so only the owner may read them.
enum OwnerOnlyFile {
    /// Creates `path` and every missing folder above it (`mkdir -p`), owner-only like the files put in them.
    static func makeFolder(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw CommandFailure("\(path): cannot create the folder (\(String(cString: strerror(errno))))")
            }
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw CommandFailure("\(path): not a folder")
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CommandFailure("\(path): cannot write (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("\(path): cannot write (\(String(cString: strerror(errno))))")
            }
            offset += written
        }
    }
}

/// A command failed for a reason the user can act on; printed as one line, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
