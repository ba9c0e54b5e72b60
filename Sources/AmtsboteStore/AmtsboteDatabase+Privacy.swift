import AmtsboteCore
import Foundation
import GRDB

/// How many rows a privacy operation removed or blanked, per kind.
public struct PrivacyReport: Sendable, Hashable, Codable {
    public var conversations = 0
    public var messages = 0
    /// Message texts blanked by retention (the row stays for statistics).
    public var messageTexts = 0
    public var cases = 0
    public var notes = 0
    public var outboxEntries = 0
    public var inboundEvents = 0
    /// Staff audit entries older than `auditRetentionDays` (purge only).
    public var auditEntries = 0

    public init() {}

    /// Whether nothing was touched.
    public var isEmpty: Bool { self == PrivacyReport() }
}

/// Everything stored about one citizen, for a data access request.
public struct CitizenExport: Sendable, Codable {
    public var channel: Channel
    public var senderID: String
    public var exportedAt: Date
    public var conversations: [ConversationRecord]
    public var messages: [MessageRecord]
    public var cases: [EscalationCaseRecord]
    public var notes: [CaseNoteRecord]
    public var outboxEntries: [OutboxEntryRecord]
    public var inboundEvents: [InboundEventRecord]
}

extension AmtsboteDatabase {
    /// The retention period the sample `city.yaml` promises citizens ("90 Tage").
    public static let defaultRetentionDays = 90

    /// Copies the write-ahead log into the database file and truncates it to zero bytes, so that
    /// the pages of erased rows do not linger in `…-wal` (the server checkpoints in the
    /// background but does not shrink the file). Waits for readers up to the busy timeout; when
    /// one still holds the log, the next background checkpoint reuses it. True when truncated.
    @discardableResult
    public func clearWriteAheadLog() async -> Bool {
        guard writer is DatabasePool else { return true }  // in memory: no file
        let result = try? await writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        return result.map { $0.walFrameCount == 0 } ?? false
    }

    /// Erases everything stored about one citizen: conversations, messages, cases with their notes,
    /// outbox entries and processed webhook ids. Deleted content is overwritten (`secure_delete`),
    /// also in the write-ahead log (`clearWriteAheadLog`). The audit log records that `staff`
    /// erased a citizen's data on `channel`, the case numbers and counts, not whose data it was.
    public func forget(channel: Channel, senderID: String, staff: String, now: Date = Date()) async throws -> PrivacyReport {
        let report = try await writer.write { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            var report = PrivacyReport()
            let conversationIDs = try Int64.fetchAll(
                db, sql: "SELECT id FROM conversation WHERE channel = ? AND senderID = ?", arguments: [channel.rawValue, senderID])
            let caseIDs = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM escalationCase WHERE (channel = ? AND senderID = ?)
                    OR conversationID IN (SELECT id FROM conversation WHERE channel = ? AND senderID = ?)
                    """,
                arguments: [channel.rawValue, senderID, channel.rawValue, senderID])
            let caseNumbers = try Int.fetchAll(db, EscalationCaseRecord.filter(keys: caseIDs).select(EscalationCaseRecord.Columns.number))
            report.notes = try CaseNoteRecord.filter(caseIDs.contains(CaseNoteRecord.Columns.caseID)).deleteAll(db)
            report.messages = try MessageRecord.filter(
                conversationIDs.contains(MessageRecord.Columns.conversationID) || caseIDs.contains(MessageRecord.Columns.caseID)
            ).deleteAll(db)
            report.outboxEntries = try OutboxEntryRecord.filter(
                conversationIDs.contains(OutboxEntryRecord.Columns.conversationID) || caseIDs.contains(Column("caseID"))
            ).deleteAll(db)
            report.cases = try EscalationCaseRecord.filter(keys: caseIDs).deleteAll(db)
            report.conversations = try ConversationRecord.filter(keys: conversationIDs).deleteAll(db)
            report.inboundEvents = try InboundEventRecord.filter(
                InboundEventRecord.Columns.channel == channel.rawValue && InboundEventRecord.Columns.senderID == senderID
            ).deleteAll(db)
            let cases = caseNumbers.sorted().map { "#\($0)" }.joined(separator: ", ")
            try Self.audit(
                db, staff: staff, .erase,
                detail: "\(channel.rawValue): \(report.messages) messages, \(report.cases) cases\(cases.isEmpty ? "" : " (\(cases))")", at: now)
            return report
        }
        await clearWriteAheadLog()
        return report
    }

    /// Everything stored about one citizen, as records (the CLI writes it as JSON). The audit log
    /// records that `staff` exported a citizen's data on `channel`, not whose.
    public func export(channel: Channel, senderID: String, staff: String, now: Date = Date()) async throws -> CitizenExport {
        try await writer.write { db in
            let conversations = try ConversationRecord.filter(
                ConversationRecord.Columns.channel == channel.rawValue && ConversationRecord.Columns.senderID == senderID
            ).fetchAll(db)
            let conversationIDs = conversations.compactMap(\.id)
            let cases = try EscalationCaseRecord.filter(
                (EscalationCaseRecord.Columns.channel == channel.rawValue && EscalationCaseRecord.Columns.senderID == senderID)
                    || conversationIDs.contains(EscalationCaseRecord.Columns.conversationID)
            ).order(EscalationCaseRecord.Columns.id).fetchAll(db)
            let caseIDs = cases.compactMap(\.id)
            try Self.audit(db, staff: staff, .export, detail: "\(channel.rawValue): \(conversationIDs.count) conversations", at: now)
            return CitizenExport(
                channel: channel, senderID: senderID, exportedAt: now, conversations: conversations,
                messages: try MessageRecord.filter(conversationIDs.contains(MessageRecord.Columns.conversationID))
                    .order(MessageRecord.Columns.id).fetchAll(db),
                cases: cases,
                notes: try CaseNoteRecord.filter(caseIDs.contains(CaseNoteRecord.Columns.caseID)).order(Column("id")).fetchAll(db),
                outboxEntries: try OutboxEntryRecord.filter(conversationIDs.contains(OutboxEntryRecord.Columns.conversationID))
                    .order(OutboxEntryRecord.Columns.id).fetchAll(db),
                inboundEvents: try InboundEventRecord.filter(
                    InboundEventRecord.Columns.channel == channel.rawValue && InboundEventRecord.Columns.senderID == senderID
                ).order(InboundEventRecord.Columns.id).fetchAll(db))
        }
    }

    /// Applies the retention period, as the privacy message promises ("90 days after your last message
    /// or after your request has been closed"). The server calls this daily; `privacy purge` on demand.
    /// - Cases closed before the cutoff, and answered cases with no activity since, are deleted with their notes.
    /// - Message texts older than the cutoff are blanked, except those of cases that still exist (open, or
    ///   closed less than the retention period ago).
    /// - Conversations whose last message is older than the cutoff and that have no case left are deleted
    ///   with their messages and outbox entries.
    /// - Delivered or failed outbox entries and processed webhook events older than the cutoff are deleted
    ///   (they hold message texts too).
    /// - Staff audit entries older than `auditRetentionDays` are deleted; a purge that removed
    ///   anything is itself logged for `staff` (`server` when the server runs it).
    public func purgeExpired(
        retentionDays: Int = AmtsboteDatabase.defaultRetentionDays, now: Date = Date(), staff: String = "server"
    ) async throws -> PrivacyReport {
        let cutoff = now.addingTimeInterval(-Double(retentionDays) * 24 * 3600)
        let report = try await writer.write { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            var report = PrivacyReport()
            // Answered cases nobody touched since the cutoff count as done too: staff often leave them
            // unclosed, and their texts were kept for good.
            let expiredCases = """
                SELECT id FROM escalationCase
                WHERE (status = 'closed' AND closedAt < ?1) OR (status = 'answered' AND updatedAt < ?1)
                """
            try db.execute(sql: "DELETE FROM caseNote WHERE caseID IN (\(expiredCases))", arguments: [cutoff])
            report.notes = db.changesCount
            try db.execute(
                sql: "UPDATE message SET text = NULL, caseID = NULL WHERE caseID IN (\(expiredCases))", arguments: [cutoff])
            report.messageTexts = db.changesCount
            try db.execute(sql: "DELETE FROM escalationCase WHERE id IN (\(expiredCases))", arguments: [cutoff])
            report.cases = db.changesCount

            try db.execute(
                sql: """
                    UPDATE message SET text = NULL
                    WHERE text IS NOT NULL AND createdAt < ? AND caseID IS NULL
                    """,
                arguments: [cutoff])
            report.messageTexts += db.changesCount

            let expiredConversations = """
                SELECT id FROM conversation WHERE lastMessageAt < ?
                AND id NOT IN (SELECT conversationID FROM escalationCase)
                """
            try db.execute(sql: "DELETE FROM message WHERE conversationID IN (\(expiredConversations))", arguments: [cutoff])
            report.messages = db.changesCount
            try db.execute(sql: "DELETE FROM outboxEntry WHERE conversationID IN (\(expiredConversations))", arguments: [cutoff])
            report.outboxEntries = db.changesCount
            try db.execute(sql: "DELETE FROM conversation WHERE id IN (\(expiredConversations))", arguments: [cutoff])
            report.conversations = db.changesCount

            try db.execute(sql: "DELETE FROM outboxEntry WHERE status != 'pending' AND createdAt < ?", arguments: [cutoff])
            report.outboxEntries += db.changesCount
            try db.execute(sql: "DELETE FROM inboundEvent WHERE status != 'pending' AND receivedAt < ?", arguments: [cutoff])
            report.inboundEvents = db.changesCount
            // Webhook bodies are read within seconds while the server runs; one left this long is stale.
            try db.execute(sql: "DELETE FROM webhookDelivery WHERE receivedAt < ?", arguments: [cutoff.timeIntervalSince1970])
            report.inboundEvents += db.changesCount
            let auditCutoff = now.addingTimeInterval(-Double(Self.auditRetentionDays) * 24 * 3600)
            report.auditEntries = try StaffActionRecord.filter(StaffActionRecord.Columns.createdAt < auditCutoff).deleteAll(db)
            if !report.isEmpty {
                try Self.audit(
                    db, staff: staff, .purge,
                    detail: "\(retentionDays) days: \(report.cases) cases, \(report.conversations) conversations, "
                        + "\(report.messageTexts) message texts", at: now)
            }
            return report
        }
        await clearWriteAheadLog()
        return report
    }
}
