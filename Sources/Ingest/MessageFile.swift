#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Berichten

/// Reads the bytes of one message, refusing oversized files before reading them.
enum MessageFile {
    /// The standard's limit for one message file (OP179), the decoder's limit too.
    static let maximumSize = BerichtDecoder.maximumSize

    enum Failure: Error {
        case unreadable(String)
        case tooLarge(Int)
    }

    /// The bytes of `source`, refused when larger than `limit` (an envelope may be larger than the
    /// message it carries).
    static func read(_ source: IngestSource, limit: Int = maximumSize) throws(Failure) -> [UInt8] {
        switch source {
        case .file(let path):
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
            guard Int(info.st_size) <= limit else { throw .tooLarge(Int(info.st_size)) }
            let regular = info.st_mode & S_IFMT == S_IFREG
            return try readAll(fd, expected: Int(info.st_size), limit: limit, sizeIsExact: regular)
        case .zipEntry(let archive, let index, _):
            do {
                return try ZIPArchief.read(archive, index: index)
            } catch {
                throw .unreadable(error.description)
            }
        case .standardInput:
            return try readAll(STDIN_FILENO, expected: 64 * 1024, limit: limit, sizeIsExact: false)
        case .bytes(_, let bytes):
            guard bytes.count <= limit else { throw .tooLarge(bytes.count) }
            return bytes
        }
    }

    /// Reads until end of file, stopping one byte past the limit so a pipe cannot exhaust memory.
    /// With `sizeIsExact` (a regular file, `expected` its size) a short read that brings exactly
    /// that size is taken as the end, saving the read that would return 0: one system call in two.
    private static func readAll(_ fd: Int32, expected: Int, limit: Int, sizeIsExact: Bool) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        // Uninitialized: zeroing 64 KiB for every message file cost more than reading it.
        return try withUnsafeTemporaryAllocation(byteCount: 64 * 1024, alignment: 1) { chunk throws(Failure) in
            while true {
                let count = Glibc.read(fd, chunk.baseAddress, chunk.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .unreadable(String(cString: strerror(errno)))
                }
                if count == 0 { return bytes }
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<count]))
                if bytes.count > limit { throw .tooLarge(bytes.count) }
                if sizeIsExact, count < chunk.count, bytes.count == expected { return bytes }
            }
        }
    }
}
