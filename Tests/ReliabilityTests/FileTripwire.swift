import Foundation

/// A file that reports whether anyone opened or read it, through inotify: unlike atime, it
/// works whatever the mount options (noatime, relatime) of the test machine are.
final class FileTripwire {
    let path: String
    private let descriptor: Int32

    init(path: String, contents: String) throws {
        self.path = path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0, inotify_add_watch(descriptor, path, UInt32(IN_OPEN | IN_ACCESS)) >= 0 else {
            throw POSIXError(.EIO)
        }
    }

    deinit { close(descriptor) }

    /// Whether the file was opened or read since the last call; the queue is emptied.
    func wasTouched() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var touched = false
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 { touched = true }
        return touched
    }
}
