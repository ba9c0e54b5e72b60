import Foundation
import GRDB
import Testing

@testable import AmtsboteStore

/// The server's WAL checkpoints run on their own connection, not inside commits.
@Suite struct CheckpointTests {
    private func walBytes(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
    }

    /// 1,500 commits of two pages or more each: far beyond SQLite's automatic checkpoint (1000 pages).
    private func writeMany(_ database: AmtsboteDatabase) async throws {
        for _ in 0..<1500 { try await database.storeWebhookDelivery(.meta, body: Data(repeating: 7, count: 5000)) }
    }

    @Test func commitsLeaveCheckpointsToTheBackgroundWhichCatchesUp() async throws {
        let folder = try TemporaryDatabase()
        defer { folder.remove() }
        let database = try AmtsboteDatabase.open(path: folder.path, backgroundCheckpoints: true)
        try await writeMany(database)
        let result = try #require(try await database.checkpoint())
        #expect(result.walFrames > 3000)  // no commit copied pages back and rewound the WAL
        #expect(result.checkpointed == result.walFrames)
        #expect(try await database.writer.read { db in try WebhookDeliveryRecord.fetchCount(db) } == 1500)
        // The next write rewinds the WAL, which stops growing.
        let size = walBytes(folder.path)
        try await writeMany(database)
        #expect(walBytes(folder.path) <= size)
    }

    @Test func aLongWALIsStartedOverByARestartCheckpoint() async throws {
        let folder = try TemporaryDatabase()
        defer { folder.remove() }
        let database = try AmtsboteDatabase.open(path: folder.path, backgroundCheckpoints: true)
        try await writeMany(database)
        // Below the limit: passive only, and the WAL keeps its frames.
        let passive = try #require(try await database.checkpoint(restartFrames: 100_000))
        #expect(passive.walFrames > 3000)
        try await writeMany(database)
        let restarted = try #require(try await database.checkpoint(restartFrames: 1000))
        #expect(restarted.checkpointed == restarted.walFrames)
        // The next write starts the WAL over: a handful of frames, not thousands more.
        try await database.storeWebhookDelivery(.meta, body: Data("{}".utf8))
        let after = try #require(try await database.checkpoint(restartFrames: 100_000))
        #expect(after.walFrames < 20)
    }

    @Test func withoutBackgroundCheckpointsCommitsCheckpointAsUsual() async throws {
        let folder = try TemporaryDatabase()
        defer { folder.remove() }
        let database = try AmtsboteDatabase.open(path: folder.path)
        try await writeMany(database)
        #expect(try await database.checkpoint() == nil)
        let frames = try await database.writer.writeWithoutTransaction { db in try db.checkpoint(.passive).walFrameCount }
        #expect(frames < 3000)
    }
}
