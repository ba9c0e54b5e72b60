import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock per knowledge folder, for the read-modify-write of `queue learn`: two staff
/// members learning into the same topic at once each wrote their own version of the file, and
/// one question was lost. The lock file lives in the temporary folder, not in the editors' git
/// checkout; the kernel releases the lock when the process ends.
struct KnowledgeFolderLock {
    /// Runs `body` while holding the lock for `directory`.
    static func withLock<T>(directory: String, _ body: () throws -> T) throws -> T {
        let key = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        // FNV-1a of the path: a stable, short file name.
        let hash = key.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("amtsbote-learn-\(String(hash, radix: 16)).lock").path
        let descriptor = open(path, O_CREAT | O_RDWR, 0o666)
        guard descriptor >= 0 else { return try body() }  // no lock possible: as before
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { return try body() }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}

extension String {
    /// Writes the text atomically (a reader never sees half a file) and keeps the file's
    /// permissions and group: the atomic replace made a group-writable topic file 0644 and root's,
    /// which broke shared editing.
    func writeKeepingAttributes(to url: URL) throws {
        let kept = (try? FileManager.default.attributesOfItem(atPath: url.path))
            .map { attributes in attributes.filter { [.posixPermissions, .groupOwnerAccountID].contains($0.key) } }
        try write(to: url, atomically: true, encoding: .utf8)
        if let kept, !kept.isEmpty { try? FileManager.default.setAttributes(kept, ofItemAtPath: url.path) }
    }
}
