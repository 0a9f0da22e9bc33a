import Foundation
import Glibc

/// The private key on disk: created owner-only (0600) and never overwritten, and refused when
/// anyone but its owner may read or change it, as ssh does with its keys.
public enum KeyFile {
    /// Writes a new key to `path` and its verifier key to `path.pub`; neither may exist yet.
    public static func create(_ key: NoteSigningKey, at path: String) throws(AuditError) {
        try write(key.text + "\n", to: path, mode: 0o600)
        do {
            try write(key.verifier.text + "\n", to: path + ".pub", mode: 0o644)
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Reads the private key at `path`.
    public static func read(_ path: String) throws(AuditError) -> NoteSigningKey {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .keyFile("\(path): \(String(cString: strerror(errno)))") }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw .keyFile("\(path) is open to others (mode \(String(mode, radix: 8))): chmod 600 \(path)")
        }
        guard status.st_size <= 4096, let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else { throw .keyFile("\(path) cannot be read as a key") }
        do {
            return try NoteSigningKey(text: text)
        } catch {
            throw .keyFile("\(path) holds no private key (PRIVATE+KEY+NAME+KEYHASH+KEY)")
        }
    }

    private static func write(_ text: String, to path: String, mode: mode_t) throws(AuditError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw .keyFile(errno == EEXIST ? "\(path) exists; a key is never overwritten" : "\(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        // The umask may have narrowed the mode; it must not have widened it, and 0600 is meant exactly.
        fchmod(descriptor, mode)
        let bytes = Array(text.utf8)
        guard Glibc.write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw .keyFile("\(path): \(String(cString: strerror(errno)))")
        }
    }
}
