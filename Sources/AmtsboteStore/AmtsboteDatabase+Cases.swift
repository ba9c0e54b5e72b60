import AmtsboteCore
import Foundation
import GRDB

/// What a staff reply did: queued for delivery, logged, and under which platform rule.
public struct StaffReplyReceipt: Sendable, Hashable {
    public var caseNumber: Int
    public var channel: Channel
    /// The outbox entry the server's sender will deliver.
    public var outboxID: Int64
    /// The logged outgoing message.
    public var messageID: Int64
    /// The platform tag the entry carries (`HUMAN_AGENT` after 24 h on Messenger/Instagram).
    public var tag: String?
    /// The reply window at the time of the reply.
    public var window: ReplyWindow
}

extension AmtsboteDatabase {
    /// Claims a case for `staff` with one conditional UPDATE, so of two staff claiming at once exactly
    /// one wins. Claiming one's own case again is fine; taking another's needs `force`.
    /// - Throws: `CaseError.claimedByOther` naming who has it, `.notFound`, `.closed`.
    @discardableResult
    public func claim(number: Int, staff: String, force: Bool = false, now: Date = Date()) async throws -> EscalationCaseRecord {
        try await conditionalUpdate(
            number: number, staff: staff, force: force, action: .claim, now: now,
            set: "assignee = ?, claimedAt = ?, updatedAt = ?, status = CASE WHEN status = 'open' THEN 'claimed' ELSE status END",
            arguments: [staff, now, now])
    }

    /// Gives a claimed case back to the queue. Only the assignee may, unless `force`.
    @discardableResult
    public func unclaim(number: Int, staff: String, force: Bool = false, now: Date = Date()) async throws -> EscalationCaseRecord {
        try await conditionalUpdate(
            number: number, staff: staff, force: force, action: .unclaim, now: now,
            set: "assignee = NULL, claimedAt = NULL, updatedAt = ?, status = CASE WHEN status = 'claimed' THEN 'open' ELSE status END",
            arguments: [now])
    }

    /// One UPDATE that applies only when the case is not closed and nobody else has it (or `force`):
    /// SQLite serialises writers, so of two concurrent calls exactly one sees the case free.
    private func conditionalUpdate(
        number: Int, staff: String, force: Bool, action: StaffActionRecord.Action, now: Date, set assignments: String,
        arguments: StatementArguments
    ) async throws -> EscalationCaseRecord {
        try await writer.write { db in
            let previous = try Self.fetchCase(db, number: number).assignee
            try db.execute(
                sql: """
                    UPDATE escalationCase SET \(assignments)
                    WHERE number = ? AND status != 'closed' AND (assignee IS NULL OR assignee = ? OR ?)
                    """,
                arguments: arguments + [number, staff, force])
            let changed = db.changesCount
            let record = try Self.fetchCase(db, number: number)
            if changed == 0 { try Self.explainRefusal(record, staff: staff) }
            // Taken from (or given back for) someone else: the log says whose it was.
            let other = previous.flatMap { $0 == staff ? nil : "from \($0)" }
            try Self.audit(db, staff: staff, action, caseNumber: number, detail: other, at: now)
            return record
        }
    }

    /// Adds an internal note (never sent to the citizen). Allowed on any case, also a closed one.
    @discardableResult
    public func addNote(number: Int, staff: String, text: String, now: Date = Date()) async throws -> CaseNoteRecord {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CaseError.emptyText }
        return try await writer.write { db in
            let record = try Self.fetchCase(db, number: number)
            var note = CaseNoteRecord(caseID: record.id!, author: staff, text: text, createdAt: now)
            try note.insert(db)
            try db.execute(sql: "UPDATE escalationCase SET updatedAt = ? WHERE id = ?", arguments: [now, record.id])
            try Self.audit(db, staff: staff, .note, caseNumber: number, at: now)
            return note
        }
    }

    /// Sends a staff reply: checks the platform's reply window, then in one transaction queues an outbox
    /// entry (with the tag the platform needs), logs the message, claims the case if nobody has it and
    /// marks it answered. Refuses before anything is queued when the window has closed.
    /// - Parameters:
    ///   - text: what the staff member wrote (logged as is).
    ///   - format: turns the text into what the citizen receives, given the case language (e.g. a prefix
    ///     from `city.yaml`'s `staff_reply` message).
    public func reply(
        number: Int, staff: String, text: String, force: Bool = false, now: Date = Date(),
        format: @escaping @Sendable (_ text: String, _ language: String) -> String = { text, _ in text }
    ) async throws -> StaffReplyReceipt {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CaseError.emptyText }
        return try await writer.write { db in
            var record = try Self.fetchCase(db, number: number)
            if record.status == .closed { throw CaseError.closed(number: number) }
            if let assignee = record.assignee, assignee != staff, !force {
                throw CaseError.claimedByOther(number: number, assignee: assignee)
            }
            guard let conversation = try ConversationRecord.fetchOne(db, key: record.conversationID) else {
                throw CaseError.conversationGone(number: number)
            }
            let window = ReplyWindow.evaluate(channel: conversation.channel, lastInboundAt: conversation.lastInboundAt, now: now)
            guard window.allowsReply else {
                let since: Date? = if case .closed(let since) = window { since } else { nil }
                throw CaseError.replyWindowClosed(number: number, channel: conversation.channel.rawValue, since: since)
            }
            var outbox = OutboxEntryRecord(
                conversationID: record.conversationID, caseID: record.id, channel: conversation.channel,
                reply: BotReply(text: format(text, record.language)), tag: window.tag, now: now)
            try outbox.insert(db)
            var message = MessageRecord(
                conversationID: record.conversationID, caseID: record.id, direction: .out, author: MessageRecord.staffAuthor(staff),
                text: text, createdAt: now)
            try message.insert(db)
            if record.assignee == nil {
                record.assignee = staff
                record.claimedAt = now
            }
            record.status = .answered
            record.firstReplyAt = record.firstReplyAt ?? now
            record.updatedAt = now
            try record.update(db)
            try Self.audit(db, staff: staff, .reply, caseNumber: number, detail: conversation.channel.rawValue, at: now)
            return StaffReplyReceipt(
                caseNumber: number, channel: conversation.channel, outboxID: outbox.id!, messageID: message.id!,
                tag: window.tag, window: window)
        }
    }

    /// Closes a case (done, nothing more to say). Someone else's case needs `force`.
    @discardableResult
    public func close(number: Int, staff: String, force: Bool = false, now: Date = Date()) async throws -> EscalationCaseRecord {
        try await writer.write { db in
            var record = try Self.fetchCase(db, number: number)
            if record.status == .closed { throw CaseError.closed(number: number) }
            if let assignee = record.assignee, assignee != staff, !force {
                throw CaseError.claimedByOther(number: number, assignee: assignee)
            }
            record.status = .closed
            record.closedAt = now
            record.updatedAt = now
            try record.update(db)
            try Self.audit(db, staff: staff, .close, caseNumber: number, at: now)
            return record
        }
    }

    /// Reopens a closed case: back to `claimed` when it has an assignee, else `open`. Refused while the
    /// conversation has another case that is not closed (the citizen wrote again and a new case opened).
    @discardableResult
    public func reopen(number: Int, staff: String, now: Date = Date()) async throws -> EscalationCaseRecord {
        try await writer.write { db in
            var record = try Self.fetchCase(db, number: number)
            guard record.status == .closed else { throw CaseError.notClosed(number: number) }
            typealias C = EscalationCaseRecord.Columns
            if let other = try EscalationCaseRecord
                .filter(C.conversationID == record.conversationID && C.status != EscalationCaseRecord.Status.closed.rawValue)
                .fetchOne(db)
            {
                throw CaseError.otherCaseOpen(number: number, other: other.number)
            }
            record.status = record.assignee == nil ? .open : .claimed
            record.closedAt = nil
            record.updatedAt = now
            try record.update(db)
            try Self.audit(db, staff: staff, .reopen, caseNumber: number, at: now)
            return record
        }
    }

    // MARK: - Helpers

    static func fetchCase(_ db: Database, number: Int) throws -> EscalationCaseRecord {
        guard let record = try EscalationCaseRecord.filter(EscalationCaseRecord.Columns.number == number).fetchOne(db) else {
            throw CaseError.notFound(number: number)
        }
        return record
    }

    /// Why a conditional UPDATE on a case matched no row.
    private static func explainRefusal(_ record: EscalationCaseRecord, staff: String) throws {
        if record.status == .closed { throw CaseError.closed(number: record.number) }
        if let assignee = record.assignee, assignee != staff {
            throw CaseError.claimedByOther(number: record.number, assignee: assignee)
        }
    }
}
