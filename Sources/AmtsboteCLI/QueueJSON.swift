import AmtsboteCore
import AmtsboteStore
import Foundation

/// The `--json` shapes of `queue list`, `show`, `stats` and `log` (snake_case keys, ISO 8601 dates, nulls kept).
enum QueueJSON {
    struct Message: Encodable {
        var direction: String
        var author: String
        var text: String?
        var createdAt: Date

        init(_ record: MessageRecord) {
            direction = record.direction.rawValue
            author = record.author
            text = record.text
            createdAt = record.createdAt
        }

        enum CodingKeys: String, CodingKey { case direction, author, text, createdAt = "created_at" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(direction, forKey: .direction)
            try c.encode(author, forKey: .author)
            try c.encode(text, forKey: .text)
            try c.encode(createdAt, forKey: .createdAt)
        }
    }

    struct Window: Encodable {
        var state: String
        var tag: String?
        var until: Date?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(state, forKey: .state)
            try c.encode(tag, forKey: .tag)
            try c.encode(until, forKey: .until)
        }

        enum CodingKeys: String, CodingKey { case state, tag, until }
    }

    /// One case in `list --json` (and the `case` of `show --json`).
    struct Case: Encodable {
        var number: Int
        var status: String
        var channel: String
        var language: String
        var assignee: String?
        var reason: String
        var senderID: String
        var createdAt: Date
        var updatedAt: Date
        var claimedAt: Date?
        var firstReplyAt: Date?
        var closedAt: Date?
        var lastInboundAt: Date?
        var awaitingStaff: Bool
        var replyWindow: Window
        var messages: [Message]

        init(_ summary: CaseSummary) {
            let r = summary.record
            number = r.number
            status = r.status.rawValue
            channel = r.channel.rawValue
            language = r.language
            assignee = r.assignee
            reason = r.reason.rawValue
            senderID = r.senderID
            createdAt = r.createdAt
            updatedAt = r.updatedAt
            claimedAt = r.claimedAt
            firstReplyAt = r.firstReplyAt
            closedAt = r.closedAt
            lastInboundAt = summary.lastInboundAt
            awaitingStaff = summary.awaitingStaff
            replyWindow = Window(state: summary.window.state, tag: summary.window.tag, until: summary.window.deadline)
            messages = summary.citizenMessages.map(Message.init)
        }

        enum CodingKeys: String, CodingKey {
            case number, status, channel, language, assignee, reason, messages
            case senderID = "sender_id", createdAt = "created_at", updatedAt = "updated_at", claimedAt = "claimed_at"
            case firstReplyAt = "first_reply_at", closedAt = "closed_at", lastInboundAt = "last_inbound_at"
            case awaitingStaff = "awaiting_staff", replyWindow = "reply_window"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(status, forKey: .status)
            try c.encode(channel, forKey: .channel)
            try c.encode(language, forKey: .language)
            try c.encode(assignee, forKey: .assignee)
            try c.encode(reason, forKey: .reason)
            try c.encode(senderID, forKey: .senderID)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(updatedAt, forKey: .updatedAt)
            try c.encode(claimedAt, forKey: .claimedAt)
            try c.encode(firstReplyAt, forKey: .firstReplyAt)
            try c.encode(closedAt, forKey: .closedAt)
            try c.encode(lastInboundAt, forKey: .lastInboundAt)
            try c.encode(awaitingStaff, forKey: .awaitingStaff)
            try c.encode(replyWindow, forKey: .replyWindow)
            try c.encode(messages, forKey: .messages)
        }
    }

    /// `show --json`: the case, the whole conversation, notes, candidates and deliveries.
    struct Detail: Encodable {
        struct Note: Encodable {
            var author: String
            var text: String
            var created_at: Date
        }
        struct Candidate: Encodable {
            var topic: String
            var score: Double
        }
        struct Delivery: Encodable {
            var status: String
            var tag: String?
            var attempts: Int
            var last_error: String?
            var created_at: Date
            var sent_at: Date?
        }

        var `case`: Case
        var conversation: [Message]
        var notes: [Note]
        var candidates: [Candidate]
        var deliveries: [Delivery]
        /// The case's entries in the staff audit log, oldest first.
        var history: [LogEntry]

        init(_ detail: CaseDetail, history: [StaffActionRecord] = []) {
            self.history = history.map(LogEntry.init)
            self.case = Case(detail.summary)
            conversation = detail.conversation.map(Message.init)
            notes = detail.notes.map { Note(author: $0.author, text: $0.text, created_at: $0.createdAt) }
            candidates = detail.candidates.map { Candidate(topic: $0.id, score: $0.score) }
            deliveries = detail.deliveries.map {
                Delivery(status: $0.status.rawValue, tag: $0.tag, attempts: $0.attempts, last_error: $0.lastError,
                         created_at: $0.createdAt, sent_at: $0.sentAt)
            }
        }
    }

    /// `stats --json`.
    struct Stats: Encodable {
        var open: Int
        var total: Int
        var answered: Int
        var median_first_reply_seconds: Double?
        var by_status: [String: Int]
        var by_channel: [String: Int]
        var by_language: [String: Int]

        init(_ s: CaseStatistics) {
            open = s.open
            total = s.total
            answered = s.answered
            median_first_reply_seconds = s.medianFirstReplySeconds
            by_status = s.byStatus
            by_channel = s.byChannel
            by_language = s.byLanguage
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(open, forKey: .open)
            try c.encode(total, forKey: .total)
            try c.encode(answered, forKey: .answered)
            try c.encode(median_first_reply_seconds, forKey: .median_first_reply_seconds)
            try c.encode(by_status, forKey: .by_status)
            try c.encode(by_channel, forKey: .by_channel)
            try c.encode(by_language, forKey: .by_language)
        }

        enum CodingKeys: String, CodingKey {
            case open, total, answered, median_first_reply_seconds, by_status, by_channel, by_language
        }
    }

    /// `log --json`, and the `history` of `show --json`.
    struct LogEntry: Encodable {
        var createdAt: Date
        var staff: String
        var action: String
        var caseNumber: Int?
        var detail: String?

        init(_ record: StaffActionRecord) {
            (createdAt, staff, action, caseNumber, detail) = (record.createdAt, record.staff, record.action.rawValue, record.caseNumber, record.detail)
        }

        enum CodingKeys: String, CodingKey { case createdAt = "created_at", staff, action, caseNumber = "case", detail }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(staff, forKey: .staff)
            try c.encode(action, forKey: .action)
            try c.encode(caseNumber, forKey: .caseNumber)
            try c.encode(detail, forKey: .detail)
        }
    }

    /// Pretty, sorted JSON text.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
