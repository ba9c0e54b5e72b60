import AmtsboteCore
import AmtsboteStore
import ArgumentParser
import Foundation
@testable import AmtsboteCLI

/// A temporary folder with a database file and, on request, a copy of the sample knowledge base.
struct Workspace {
    let folder: URL
    var databasePath: String { folder.appendingPathComponent("data/amtsbote.sqlite").path }
    var knowledgePath: String { folder.appendingPathComponent("knowledge").path }

    init(withKnowledge: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("amtsbote-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if withKnowledge {
            try FileManager.default.copyItem(at: Self.sampleKnowledge, to: URL(fileURLWithPath: knowledgePath))
        }
    }

    /// The repository's `knowledge/` folder.
    static var sampleKnowledge: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("knowledge")
    }

    func database() throws -> AmtsboteDatabase { try AmtsboteDatabase.open(path: databasePath) }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Parses and runs `amtsbote <arguments>` with this workspace's database.
    func run(_ arguments: [String]) async throws {
        var command = try AmtsboteCommand.parseAsRoot(arguments + ["--database", databasePath])
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    /// A citizen's question the bot could not answer, as the server stores it; returns the case number.
    func question(_ text: String, channel: Channel = .telegram, sender: String = "4711", language: String = "de", at date: Date = Date())
        async throws -> Int
    {
        try await database().writer.write { db in
            var conversation = ConversationRecord(channel: channel, senderID: sender, now: date)
            conversation.lastInboundAt = date
            try conversation.insert(db)
            var message = MessageRecord(conversationID: conversation.id!, direction: .in, author: "citizen", text: text, createdAt: date)
            try message.insert(db)
            return try AmtsboteDatabase.escalate(
                db, conversationID: conversation.id!, messageID: message.id, reason: .noMatch, candidates: [],
                language: language, now: date
            ).case.number
        }
    }
}
