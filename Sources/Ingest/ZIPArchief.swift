import Foundation
import Berichten
import ZIPFoundation

/// A ZIP of messages as the VECOZO portal hands them out (up to 30 per archive, report §9.2),
/// read with ZIPFoundation without extracting anything to disk: entries are listed from the
/// central directory, and each is inflated into memory only when its turn comes, streamed and
/// bounded, so neither a ZIP bomb nor a hostile entry name can reach the file system or exhaust memory.
enum ZIPArchief {
    /// An inflated entry may be no larger than a message may be (OP179).
    static let maximumEntrySize = BerichtDecoder.maximumSize
    /// Messages compress about tenfold; a ratio beyond this is a bomb, not XML.
    static let maximumRatio: UInt64 = 200

    /// Whether `path` names an archive: `.zip` in any case.
    static func isArchive(_ path: String) -> Bool { path.lowercased().hasSuffix(".zip") }

    /// The entries of the archive at `path` that may hold a message, in the archive's order: every
    /// entry but folders. - throws: ``IngestError`` for an archive that cannot be read whole
    /// (truncated, corrupt, not a ZIP): it is refused whole.
    static func entries(_ path: String) throws(IngestError) -> [(index: Int, name: String)] {
        let archive = try open(path)
        var entries: [(Int, String)] = []
        for (index, entry) in archive.enumerated() where entry.type != .directory {
            entries.append((index, entry.path))
        }
        return entries
    }

    /// The inflated bytes of entry `index` of the archive at `path`.
    /// - throws: ``IngestError`` naming what is wrong with this entry alone.
    static func read(_ path: String, index: Int) throws(IngestError) -> [UInt8] {
        let archive = try open(path)
        guard let entry = archive.dropFirst(index).first(where: { _ in true }) else {
            throw IngestError("the entry is no longer in the archive")
        }
        let name = entry.path
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.hasPrefix("/"), !components.contains(".."), !name.contains("\\") else {
            throw IngestError("the entry name leaves the archive (an absolute path or ..); nothing is extracted")
        }
        guard entry.type == .file else { throw IngestError("the entry is a link, not a message") }
        guard !isArchive(name) else { throw IngestError("a nested archive is never opened") }
        guard entry.uncompressedSize <= UInt64(maximumEntrySize) else {
            throw IngestError("the entry inflates to \(entry.uncompressedSize) bytes, more than a message may have (OP179)")
        }
        guard entry.uncompressedSize <= max(entry.compressedSize, 1) * maximumRatio || entry.uncompressedSize < 1 << 16 else {
            throw IngestError("the entry inflates more than \(maximumRatio)-fold: refused as a ZIP bomb")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        let crc: CRC32
        do {
            crc = try archive.extract(entry) { chunk in
                // The header's sizes are not trusted: the stream is cut at the limit whatever they claim.
                guard bytes.count + chunk.count <= maximumEntrySize else { throw Oversized() }
                bytes.append(contentsOf: chunk)
            }
        } catch is Oversized {
            throw IngestError("the entry inflates to more than a message may have (OP179): refused as a ZIP bomb")
        } catch {
            throw IngestError("the entry is corrupt and cannot be inflated")
        }
        guard crc == entry.checksum, bytes.count == Int(entry.uncompressedSize) else {
            throw IngestError("the entry is corrupt (its CRC-32 or size does not match)")
        }
        guard !bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw IngestError("a nested archive is never opened") }
        return bytes
    }

    private struct Oversized: Error {}

    private static func open(_ path: String) throws(IngestError) -> Archive {
        do {
            return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw IngestError("not a readable ZIP archive (truncated or corrupt): refused whole")
        }
    }
}
