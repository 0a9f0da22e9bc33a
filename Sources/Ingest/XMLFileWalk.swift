#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `*.xml`, `*.zip` and `*.json` files below a folder in byte order of their whole paths, found one
/// folder at a time (a `NAME.xml` beside a `NAME.json` is the payload of that VSP metadata record, so
/// it is taken through the record and not on its own):
/// only the folders on the way to the current file are held, each as one buffer of names, so a
/// million files never become a million path strings.
///
/// Byte order of whole paths is not the order of their components: `a-b.xml` < `a.xml` < `a/b.xml`
/// < `a0.xml`, as `-` < `.` < `/` < `0`. So a folder takes its place among its siblings as its name
/// followed by `/`: every path below it starts with that, and no name contains a `/`.
struct XMLFileWalk: IteratorProtocol {
    /// Folders listed so far, so a test can see that a folder is listed only when the walk gets there.
    private(set) var listed = 0
    private var root: String?
    /// The folders being walked, the innermost last.
    private var open: [Listing] = []

    init(_ root: String) { self.root = root }

    /// The walk of a folder listed already (see ``counted(_:)``): its own listing is not read again.
    init(_ listing: Listing) {
        open = [listing]
        listed = 1
    }

    /// The path of the next file; a folder that can no longer be listed (every folder could when the
    /// sources were counted) is handed out as a path itself, so the ingest rejects it by name rather
    /// than skipping its files without a word.
    mutating func next() -> String? {
        if let root {
            self.root = nil
            if let failed = enter(root) { return failed }
        }
        while !open.isEmpty {
            guard let entry = open[open.count - 1].next() else {
                open.removeLast()
                continue
            }
            guard entry.isFolder else { return entry.path }
            if let failed = enter(entry.path) { return failed }
        }
        return nil
    }

    /// Lists `folder` and walks into it; returns it when it cannot be listed.
    private mutating func enter(_ folder: String) -> String? {
        do throws(IngestError) {
            open.append(try Listing(folder))
            listed += 1
            return nil
        } catch {
            return folder
        }
    }

    /// How many sources the walk will hand out below `folder` (a VSP pair counts once, a ZIP as one),
    /// and the listing of `folder` itself to start the walk from: a folder of 50,000 files takes as
    /// long to read as to ingest 400 of them, so it is read once. Counted from the same listings the
    /// walk takes its files from, so the count is what the walk hands out; the listings of the
    /// folders on the way down are held while their subfolders are counted, as the walk holds them.
    /// - throws: ``IngestError`` naming the first folder that cannot be read.
    static func counted(_ folder: String) throws(IngestError) -> (count: Int, listing: Listing) {
        let listing = try Listing(folder)
        var files = 0
        for entry in listing.entries {
            files += entry.isFolder ? try counted(listing.path(of: entry)).count : 1
        }
        return (files, listing)
    }

    /// Calls `body` with the name of every folder and `*.xml`, `*.zip` or `*.json` file directly in `folder`, in the order
    /// the file system gives them.
    private static func scan(
        _ folder: String, _ body: (_ name: UnsafeRawBufferPointer, _ isFolder: Bool) -> Void
    ) throws(IngestError) {
        guard let handle = opendir(folder) else {
            throw IngestError("\(folder): cannot read the directory (\(String(cString: strerror(errno))))")
        }
        defer { closedir(handle) }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        // The name and type are read where they lie, the name up to its NUL: an entry is only as
        // long as its name, so loading the whole `dirent` (its `d_name` 256 bytes) read past the
        // last entry of readdir's buffer.
        let nameOffset = MemoryLayout<dirent>.offset(of: \.d_name)!
        let typeOffset = MemoryLayout<dirent>.offset(of: \.d_type)!
        while let entry = readdir(handle) {
            let start = UnsafeRawPointer(entry) + nameOffset
            let name = UnsafeRawBufferPointer(start: start, count: strlen(start.assumingMemoryBound(to: CChar.self)))
            guard !name.elementsEqual(".".utf8) && !name.elementsEqual("..".utf8) else { continue }
            // The entry's type usually comes with it; only file systems that leave it unknown cost a stat.
            var type = (UnsafeRawPointer(entry) + typeOffset).load(as: UInt8.self)
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                guard stat(base + String(decoding: name, as: UTF8.self), &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                body(name, true)
            } else if Suffix(name) != nil {
                body(name, false)
            }
        }
    }

    /// The suffixes the walk takes, in any case.
    enum Suffix: CaseIterable {
        case xml, zip, json

        var text: String {
            switch self {
            case .xml: ".xml"
            case .zip: ".zip"
            case .json: ".json"
            }
        }

        init?(_ name: UnsafeRawBufferPointer) {
            guard let found = Self.allCases.first(where: { suffix in
                let text = suffix.text.utf8
                return name.count >= text.count
                    && name[(name.count - text.count)...].elementsEqual(text) {
                        $0 == $1 || ($1 != UInt8(ascii: ".") && $0 | 0x20 == $1)
                    }
            }) else { return nil }
            self = found
        }
    }

    /// One folder's folders and `*.xml` files in walking order, their names in one buffer.
    struct Listing: Sendable {
        fileprivate struct Entry {
            var start: Int
            var length: UInt16
            var isFolder: Bool
        }

        private let base: String
        private let names: [UInt8]
        fileprivate let entries: [Entry]
        private var cursor = 0

        init(_ folder: String) throws(IngestError) {
            var names: [UInt8] = []
            var entries: [Entry] = []
            var records: Set<[UInt8]> = []
            try XMLFileWalk.scan(folder) { name, isFolder in
                entries.append(Entry(start: names.count, length: UInt16(name.count), isFolder: isFolder))
                names.append(contentsOf: name)
                if !isFolder, Suffix(name) == .json { records.insert(Array(name.dropLast(5))) }
            }
            if !records.isEmpty {
                // A VSP payload goes with its record.
                entries.removeAll { entry in
                    guard !entry.isFolder else { return false }
                    let name = names[entry.start..<entry.start + Int(entry.length)]
                    return name.withUnsafeBytes { Suffix($0) == .xml } && records.contains(Array(name.dropLast(4)))
                }
            }
            names.withUnsafeBytes { names in entries.sort { Listing.precedes($0, $1, in: names) } }
            self.base = folder.hasSuffix("/") ? folder : folder + "/"
            self.names = names
            self.entries = entries
        }

        mutating func next() -> (path: String, isFolder: Bool)? {
            guard cursor < entries.count else { return nil }
            let entry = entries[cursor]
            cursor += 1
            return (path(of: entry), entry.isFolder)
        }

        fileprivate func path(of entry: Entry) -> String {
            base + String(decoding: names[entry.start..<entry.start + Int(entry.length)], as: UTF8.self)
        }

        /// Byte order of the names, a folder's name read as followed by `/`.
        private static func precedes(_ a: Entry, _ b: Entry, in names: UnsafeRawBufferPointer) -> Bool {
            let common = Int(min(a.length, b.length))
            let order = memcmp(names.baseAddress! + a.start, names.baseAddress! + b.start, common)
            if order != 0 { return order < 0 }
            // One name starts the other: the shorter goes first, unless its `/` sorts after the longer's next byte.
            let slash = UInt8(ascii: "/")
            if a.length < b.length { return !a.isFolder || slash < names[b.start + common] }
            if b.length < a.length { return b.isFolder && names[a.start + common] < slash }
            return !a.isFolder && b.isFolder
        }
    }
}
