import AmtsboteCore
import Foundation

/// Which cases `listCases` returns. Empty fields do not filter.
public struct CaseFilter: Sendable, Hashable {
    /// Statuses to include; empty means every status except `closed`.
    public var statuses: Set<EscalationCaseRecord.Status>
    public var channel: Channel?
    public var language: String?
    /// Only cases created at least this long before `now` (seconds).
    public var olderThan: TimeInterval?
    /// Only cases claimed by this staff member.
    public var assignee: String?
    /// At most this many cases (oldest first).
    public var limit: Int?

    public init(
        statuses: Set<EscalationCaseRecord.Status> = [], channel: Channel? = nil, language: String? = nil,
        olderThan: TimeInterval? = nil, assignee: String? = nil, limit: Int? = nil
    ) {
        self.statuses = statuses
        self.channel = channel
        self.language = language
        self.olderThan = olderThan
        self.assignee = assignee
        self.limit = limit
    }
}

/// A case with what staff need to see in the queue: the citizen's messages and the reply window.
public struct CaseSummary: Sendable, Hashable {
    public var record: EscalationCaseRecord
    /// The citizen's messages that belong to the case, oldest first (text nil once purged).
    public var citizenMessages: [MessageRecord]
    /// When the citizen last wrote (start of the platform's reply window).
    public var lastInboundAt: Date?
    /// Whether the citizen wrote after the last staff reply (or staff have not replied yet).
    public var awaitingStaff: Bool
    /// The platform's reply window, as of the time of the query.
    public var window: ReplyWindow

    public var number: Int { record.number }
}

/// One case in full: the whole conversation, the internal notes and the matcher's candidates.
public struct CaseDetail: Sendable, Hashable {
    public var summary: CaseSummary
    /// Every message of the conversation (not only the case's), oldest first.
    public var conversation: [MessageRecord]
    public var notes: [CaseNoteRecord]
    /// The matcher's best candidates when the case was opened.
    public var candidates: [ScoredTopic]
    /// Delivery state of staff replies for this case.
    public var deliveries: [OutboxEntryRecord]
}

/// Queue figures for `queue stats`.
public struct CaseStatistics: Sendable, Hashable, Codable {
    /// Cases that are not closed.
    public var open: Int
    /// Cases by status (every status, zeros included).
    public var byStatus: [String: Int]
    /// All cases by channel and by language (in the period, if any).
    public var byChannel: [String: Int]
    public var byLanguage: [String: Int]
    /// Median seconds from opening to the first staff reply, over cases with a reply; nil without any.
    public var medianFirstReplySeconds: Double?
    /// Cases with a staff reply, over which the median is taken.
    public var answered: Int
    public var total: Int
}
