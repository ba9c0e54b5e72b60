import Foundation
import GRDB

/// One entry of the staff audit log: who did what with a case or a citizen's data, and when.
/// It never holds message text or a citizen's id; `detail` has counts, a channel or a topic id.
public struct StaffActionRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "staffAction"

    /// What was done.
    public enum Action: String, Codable, Sendable, CaseIterable {
        case claim, unclaim, note, reply, close, reopen, learn, export, erase, purge
    }

    public var id: Int64?
    public var createdAt: Date
    /// The staff member's name (`--as`), or `server` for what the server does on its own.
    public var staff: String
    public var action: Action
    public var caseNumber: Int?
    public var detail: String?

    public enum Columns {
        public static let createdAt = Column(CodingKeys.createdAt)
        public static let caseNumber = Column(CodingKeys.caseNumber)
    }

    public init(staff: String, action: Action, caseNumber: Int? = nil, detail: String? = nil, createdAt: Date) {
        self.staff = staff
        self.action = action
        self.caseNumber = caseNumber
        self.detail = detail
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
