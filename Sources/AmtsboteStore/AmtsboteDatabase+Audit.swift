import Foundation
import GRDB

extension AmtsboteDatabase {
    /// How long the staff audit log is kept (two years): long enough to answer a data protection
    /// officer's or a citizen's question about who handled what, not forever (it names staff).
    public static let auditRetentionDays = 730

    /// Records a staff action inside the transaction that performs it, so the log and the change
    /// cannot disagree.
    static func audit(
        _ db: Database, staff: String, _ action: StaffActionRecord.Action, caseNumber: Int? = nil, detail: String? = nil, at now: Date
    ) throws {
        var record = StaffActionRecord(staff: staff, action: action, caseNumber: caseNumber, detail: detail, createdAt: now)
        try record.insert(db)
    }

    /// Records a staff action done outside the database (`queue learn` edits knowledge files).
    public func recordStaffAction(
        staff: String, _ action: StaffActionRecord.Action, caseNumber: Int? = nil, detail: String? = nil, now: Date = Date()
    ) async throws {
        try await writer.write { db in try Self.audit(db, staff: staff, action, caseNumber: caseNumber, detail: detail, at: now) }
    }

    /// The audit log, newest first: entries since `since`, for one case when `caseNumber` is given.
    public func staffActions(since: Date? = nil, caseNumber: Int? = nil, limit: Int = 1000) async throws -> [StaffActionRecord] {
        try await writer.read { db in
            typealias C = StaffActionRecord.Columns
            var request = StaffActionRecord.all()
            if let since { request = request.filter(C.createdAt >= since) }
            if let caseNumber { request = request.filter(C.caseNumber == caseNumber) }
            return try request.order(C.createdAt.desc, Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}
