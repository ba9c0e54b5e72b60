import AmtsboteCore
import Foundation
import GRDB

extension AmtsboteDatabase {
    /// The queue: cases matching `filter`, oldest first, with their citizen messages and reply windows.
    public func listCases(_ filter: CaseFilter = CaseFilter(), now: Date = Date()) async throws -> [CaseSummary] {
        try await writer.read { db in
            typealias C = EscalationCaseRecord.Columns
            var request = EscalationCaseRecord.all()
            if filter.statuses.isEmpty {
                request = request.filter(C.status != EscalationCaseRecord.Status.closed.rawValue)
            } else {
                request = request.filter(filter.statuses.map(\.rawValue).contains(C.status))
            }
            if let channel = filter.channel { request = request.filter(C.channel == channel.rawValue) }
            if let language = filter.language { request = request.filter(C.language == language) }
            if let olderThan = filter.olderThan { request = request.filter(C.createdAt <= now.addingTimeInterval(-olderThan)) }
            if let assignee = filter.assignee { request = request.filter(C.assignee == assignee) }
            request = request.order(C.createdAt, C.id)
            if let limit = filter.limit { request = request.limit(limit) }
            return try Self.summaries(db, for: request.fetchAll(db), now: now)
        }
    }

    /// One case in full, by its number.
    /// - Throws: `CaseError.notFound`.
    public func caseDetail(number: Int, now: Date = Date()) async throws -> CaseDetail {
        try await writer.read { db in
            let record = try Self.fetchCase(db, number: number)
            let summary = try Self.summaries(db, for: [record], now: now)[0]
            let conversation = try MessageRecord
                .filter(MessageRecord.Columns.conversationID == record.conversationID)
                .order(MessageRecord.Columns.id).fetchAll(db)
            let notes = try CaseNoteRecord.filter(CaseNoteRecord.Columns.caseID == record.id)
                .order(Column("id")).fetchAll(db)
            let deliveries = try OutboxEntryRecord.filter(Column("caseID") == record.id)
                .order(OutboxEntryRecord.Columns.id).fetchAll(db)
            let candidates = (try? JSONDecoder().decode([ScoredTopic].self, from: Data(record.candidates.utf8))) ?? []
            return CaseDetail(
                summary: summary, conversation: conversation, notes: notes, candidates: candidates, deliveries: deliveries)
        }
    }

    /// Queue figures; with `since`, the per-channel, per-language and reply-time figures cover only cases opened since then.
    public func caseStatistics(since: Date? = nil) async throws -> CaseStatistics {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT status, channel, language, createdAt, firstReplyAt FROM escalationCase
                    WHERE ? IS NULL OR createdAt >= ?
                    """,
                arguments: [since, since])
            var byStatus = Dictionary(uniqueKeysWithValues: EscalationCaseRecord.Status.allCases.map { ($0.rawValue, 0) })
            var byChannel: [String: Int] = [:]
            var byLanguage: [String: Int] = [:]
            var replySeconds: [Double] = []
            for row in rows {
                byStatus[row["status"] as String, default: 0] += 1
                byChannel[row["channel"] as String, default: 0] += 1
                byLanguage[row["language"] as String, default: 0] += 1
                if let created = row["createdAt"] as Date?, let replied = row["firstReplyAt"] as Date? {
                    replySeconds.append(replied.timeIntervalSince(created))
                }
            }
            let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM escalationCase WHERE status != 'closed'") ?? 0
            return CaseStatistics(
                open: open, byStatus: byStatus, byChannel: byChannel, byLanguage: byLanguage,
                medianFirstReplySeconds: Self.median(replySeconds), answered: replySeconds.count, total: rows.count)
        }
    }

    // MARK: - Helpers

    static func summaries(_ db: Database, for records: [EscalationCaseRecord], now: Date) throws -> [CaseSummary] {
        guard !records.isEmpty else { return [] }
        let caseIDs = records.compactMap(\.id)
        let messages = try MessageRecord.filter(caseIDs.contains(MessageRecord.Columns.caseID))
            .order(MessageRecord.Columns.id).fetchAll(db)
        let byCase = Dictionary(grouping: messages, by: { $0.caseID ?? -1 })
        let conversationIDs = Set(records.map(\.conversationID))
        let conversations = try ConversationRecord.filter(keys: conversationIDs).fetchAll(db)
        let lastInbound = Dictionary(uniqueKeysWithValues: conversations.map { ($0.id ?? -1, $0.lastInboundAt) })
        return records.map { record in
            let caseMessages = byCase[record.id ?? -1] ?? []
            let inboundAt = lastInbound[record.conversationID] ?? nil
            return CaseSummary(
                record: record,
                citizenMessages: caseMessages.filter { $0.direction == .in },
                lastInboundAt: inboundAt,
                // The bot's own answers ("Ihre Anfrage Nr. …", "Zu Nr. … hinzugefügt") are no staff reply.
                awaitingStaff: caseMessages.last(where: { $0.direction == .in || $0.author != "bot" })?.direction != .out,
                window: ReplyWindow.evaluate(channel: record.channel, lastInboundAt: inboundAt, now: now))
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
