#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The complete files that appear in a folder a transport client fills, each handed out once.
///
/// A file is complete when its size and modification time have not changed for ``settle`` seconds
/// and, where inotify watches the folder, no writer holds it open (it was closed after writing or
/// renamed into place since it was created or last written): a file written under a temporary name
/// (`*.tmp`, `*.part`, a leading `.`, anything but `*.xml`, `*.zip` or `*.json`) and renamed is
/// complete at once; one written in place is taken only once its writer has closed it and been
/// still for a moment, never half-written. A VSP record waits for its payload beside it. A file
/// that changes after it was taken is handed out again (the ledger then decides whether it is a
/// duplicate). inotify also wakes the watch as soon as something happens in the folder; without
/// it, and for subfolders, the watch looks every ``interval`` seconds and relies on stillness alone.
public final class FolderWatch {
    public let folder: String
    public let settle: Double
    public let interval: Double
    /// Whether inotify watches the folder; polling only when not.
    public let usesInotify: Bool
    private let inotify: Int32
    /// Size and modification time of every candidate at the last look.
    private var seen: [String: Stand] = [:]
    private var taken: [String: Stand] = [:]
    /// Files of the folder created or written and not closed or renamed since (inotify only).
    private var writing: Set<String> = []

    private struct Stand: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    /// - throws: ``IngestError`` when `folder` is not a readable folder.
    public init(_ folder: String, settle: Double = 0.5, interval: Double = 1) throws(IngestError) {
        _ = try XMLFileWalk.counted(folder)
        self.folder = folder
        self.settle = settle
        self.interval = interval
        #if canImport(Glibc)
        var fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_MODIFY | IN_DELETE)
        if fd >= 0 && inotify_add_watch(fd, folder, mask) < 0 {
            close(fd)
            fd = -1
        }
        inotify = fd
        #else
        inotify = -1
        #endif
        usesInotify = inotify >= 0
    }

    deinit { if inotify >= 0 { close(inotify) } }

    /// Waits until some files are complete and returns their paths in walk order, or returns an
    /// empty list as soon as `stopping` says so (a signal interrupts the wait).
    public func next(stopping: () -> Bool) -> [String] {
        while !stopping() {
            let (ready, waiting) = look()
            if !ready.isEmpty { return ready }
            wait(seconds: waiting ? settle : interval)
        }
        return []
    }

    /// One look at the folder: the files complete since the last look, and whether others are still changing.
    private func look() -> (ready: [String], waiting: Bool) {
        drain()
        var now: [String: Stand] = [:]
        var ready: [String] = []
        var waiting = false
        var walk = XMLFileWalk(folder)
        while let path = walk.next() {
            let name = path.split(separator: "/").last ?? ""
            guard !name.hasPrefix("."), let stand = Self.stand(path) else { continue }
            now[path] = stand
            guard taken[path] != stand else { continue }
            guard seen[path] == stand, Self.settled(stand, for: settle), !writing.contains(path) else {
                waiting = true
                continue
            }
            if path.lowercased().hasSuffix(".json") {
                // The payload must be there and still as well.
                let payload = String(path.dropLast(".json".count)) + ".xml"
                guard let payloadStand = Self.stand(payload), Self.settled(payloadStand, for: settle),
                    !writing.contains(payload)
                else {
                    waiting = true
                    continue
                }
            }
            ready.append(path)
            taken[path] = stand
        }
        seen = now
        taken = taken.filter { now[$0.key] != nil }
        return (ready, waiting)
    }

    private static func stand(_ path: String) -> Stand? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Stand(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }

    /// Whether the file was last changed at least `seconds` ago.
    private static func settled(_ stand: Stand, for seconds: Double) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let age = Double(now.tv_sec - stand.seconds) + Double(now.tv_nsec - stand.nanoseconds) / 1e9
        return age >= seconds
    }

    /// Sleeps up to `seconds`, woken early by an inotify event or a signal.
    private func wait(seconds: Double) {
        let milliseconds = Int32(seconds * 1000)
        guard inotify >= 0 else {
            var pfd = pollfd(fd: -1, events: 0, revents: 0)
            _ = poll(&pfd, 0, milliseconds)
            return
        }
        var pfd = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
        if poll(&pfd, 1, milliseconds) > 0 {
            // Let a burst of writes finish before looking.
            _ = poll(nil, 0, 50)
        }
    }

    /// Reads every pending inotify event into ``writing``.
    private func drain() {
        #if canImport(Glibc)
        guard inotify >= 0 else { return }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
                while offset + 16 <= count {
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let name = raw[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                    offset += 16 + length
                    guard !name.isEmpty else { continue }
                    let path = base + String(decoding: name, as: UTF8.self)
                    if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 {
                        writing.remove(path)
                    } else if mask & UInt32(IN_CREATE | IN_MODIFY) != 0 {
                        writing.insert(path)
                    }
                }
            }
        }
        #endif
    }
}
