#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where messages come from: files named on the command line, directories searched for
/// `*.xml`, standard input, or memory.
public enum IngestSource: Sendable, Equatable {
    case file(String)
    case standardInput
    /// A message already in memory, e.g. from the generator; `name` is recorded as its file name.
    case bytes(name: String, [UInt8])

    /// Expands command-line arguments into sources: directories recursively, their `*.xml`
    /// files in lexicographic path order; arguments in the order given; `-` for standard input.
    /// - throws: ``IngestError`` naming the first argument that does not exist or cannot be read,
    ///   before anything is ingested.
    public static func expand(_ arguments: [String]) throws(IngestError) -> [IngestSource] {
        var sources: [IngestSource] = []
        for argument in arguments {
            if argument == "-" {
                sources.append(.standardInput)
                continue
            }
            var info = stat()
            guard stat(argument, &info) == 0 else {
                throw IngestError("\(argument): no such file or directory")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var files: [String] = []
                try collectXMLFiles(under: argument, into: &files)
                // Byte order of the UTF-8 paths, which is code point order: no normalisation, no copies.
                sources += files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map(IngestSource.file)
            } else {
                guard Glibc.access(argument, R_OK) == 0 else { throw IngestError("\(argument): not readable (permission denied)") }
                sources.append(.file(argument))
            }
        }
        return sources
    }

    private static func collectXMLFiles(under directory: String, into files: inout [String]) throws(IngestError) {
        guard let handle = opendir(directory) else {
            throw IngestError("\(directory): cannot read the directory (\(String(cString: strerror(errno))))")
        }
        defer { closedir(handle) }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var subdirectories: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != "." && name != ".." else { continue }
            // The entry's type usually comes with it; only file systems that leave it unknown cost a stat.
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                guard stat(base + name, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                subdirectories.append(base + name)
            } else if name.lowercased().hasSuffix(".xml") {
                files.append(base + name)
            }
        }
        for subdirectory in subdirectories { try collectXMLFiles(under: subdirectory, into: &files) }
    }

    /// The name recorded in the ledger for messages from this source.
    public var name: String? {
        switch self {
        case .file(let path): path.split(separator: "/").last.map(String.init) ?? path
        case .standardInput: nil
        case .bytes(let name, _): name
        }
    }

    /// How the source is named in messages to people.
    public var displayName: String {
        switch self {
        case .file(let path): path
        case .standardInput: "<stdin>"
        case .bytes(let name, _): name
        }
    }
}

/// A failure that stops an ingest before it changes anything.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
