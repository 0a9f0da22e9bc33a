#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where messages come from: files named on the command line, directories searched for
/// `*.xml`, `*.zip` and `*.json`, an entry of a ZIP, standard input, or memory.
public enum IngestSource: Sendable, Equatable {
    case file(String)
    /// Entry `index` of the ZIP at `archive`, named `entry` in it.
    case zipEntry(archive: String, index: Int, entry: String)
    case standardInput
    /// A message already in memory, e.g. from the generator; `name` is recorded as its file name.
    case bytes(name: String, [UInt8])

    /// Expands command-line arguments into sources: directories recursively, their `*.xml`
    /// files in byte order of their paths; arguments in the order given; `-` for standard input.
    /// Every directory is read here to count the files; the subfolders again as the sources are taken.
    /// - throws: ``IngestError`` naming the first argument or directory that does not exist or
    ///   cannot be read, before anything is ingested.
    public static func expand(_ arguments: [String]) throws(IngestError) -> IngestSources {
        var expanded: [IngestSources.Argument] = []
        var count = 0
        for argument in arguments {
            if argument == "-" {
                expanded.append(.source(.standardInput))
                count += 1
                continue
            }
            var info = stat()
            guard stat(argument, &info) == 0 else {
                throw IngestError("\(argument): no such file or directory")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let (files, listing) = try XMLFileWalk.counted(argument)
                count += files
                expanded.append(.folder(listing))
            } else {
                guard Glibc.access(argument, R_OK) == 0 else { throw IngestError("\(argument): not readable (permission denied)") }
                expanded.append(.source(.file(argument)))
                count += 1
            }
        }
        return IngestSources(arguments: expanded, count: count)
    }

    /// The name recorded in the ledger for messages from this source.
    public var name: String? {
        switch self {
        case .file(let path): Self.lastComponent(path)
        case .zipEntry(let archive, _, let entry): Self.lastComponent(archive) + "!" + entry
        case .standardInput: nil
        case .bytes(let name, _): name
        }
    }

    /// How the source is named in messages to people.
    public var displayName: String {
        switch self {
        case .file(let path): path
        case .zipEntry(let archive, _, let entry): archive + "!" + entry
        case .standardInput: "<stdin>"
        case .bytes(let name, _): name
        }
    }

    /// The last non-empty part between slashes (the whole path when there is none), cut at the
    /// bytes as POSIX cuts a path: splitting the String by Character cost more than reading the file.
    private static func lastComponent(_ path: String) -> String {
        let utf8 = path.utf8
        let slash = UInt8(ascii: "/")
        guard let last = utf8.lastIndex(where: { $0 != slash }) else { return path }
        let stop = utf8.index(after: last)
        let start = utf8[..<stop].lastIndex(of: slash).map(utf8.index(after:)) ?? utf8.startIndex
        return String(decoding: utf8[start..<stop], as: UTF8.self)
    }
}

/// A failure that stops an ingest before it changes anything.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
