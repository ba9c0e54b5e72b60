import GRDB

/// Schema migrations, one static function each. They use SQL names only, never app types,
/// so that later changes to the records cannot change what an old migration does.
enum Migrations {
    static func v1(_ db: Database) throws {
        // One conversation per channel + sender: dialogue state and where to send replies.
        try db.create(table: "conversation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("channel", .text).notNull()
            t.column("senderID", .text).notNull()
            t.column("language", .text)
            t.column("state", .text).notNull().defaults(to: "{}")  // JSON ConversationState
            t.column("address", .text).notNull().defaults(to: "{}")  // JSON ReplyAddress
            t.column("createdAt", .datetime).notNull()
            t.column("lastInboundAt", .datetime)  // start of the platform's reply window
            t.column("lastMessageAt", .datetime).notNull()
            t.uniqueKey(["channel", "senderID"])
        }
        // Every accepted webhook event, keyed by its platform id: the durable intake queue and
        // the record of processed ids (a redelivery hits the unique key and is ignored).
        try db.create(table: "inboundEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("channel", .text).notNull()
            t.column("externalID", .text).notNull()
            t.column("senderID", .text).notNull()
            t.column("payload", .text).notNull()  // JSON InboundMessage
            t.column("status", .text).notNull().defaults(to: "pending")  // pending | processed | failed
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("receivedAt", .datetime).notNull()
            t.column("processedAt", .datetime)
            t.uniqueKey(["channel", "externalID"])
        }
        try db.create(index: "inboundEvent_status", on: "inboundEvent", columns: ["status", "id"])

        // Staff cases ("Anfrage Nr. 1042").
        try db.create(table: "escalationCase") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("number", .integer).notNull().unique()
            t.column("conversationID", .integer).notNull().references("conversation", onDelete: .cascade)
            t.column("channel", .text).notNull()
            t.column("senderID", .text).notNull()
            t.column("language", .text).notNull()
            t.column("reason", .text).notNull()  // EscalationReason raw value
            t.column("candidates", .text).notNull().defaults(to: "[]")  // JSON [ScoredTopic]
            t.column("status", .text).notNull().defaults(to: "open")  // open | claimed | answered | closed
            t.column("assignee", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("claimedAt", .datetime)
            t.column("firstReplyAt", .datetime)
            t.column("closedAt", .datetime)
        }
        try db.create(index: "escalationCase_status", on: "escalationCase", columns: ["status", "createdAt"])
        try db.create(index: "escalationCase_conversation", on: "escalationCase", columns: ["conversationID"])

        try db.create(table: "caseNote") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("caseID", .integer).notNull().references("escalationCase", onDelete: .cascade)
            t.column("author", .text).notNull()
            t.column("text", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }

        // The message log: what citizens wrote and what the bot and staff answered.
        try db.create(table: "message") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("conversationID", .integer).notNull().references("conversation", onDelete: .cascade)
            t.column("caseID", .integer).references("escalationCase", onDelete: .setNull)
            t.column("direction", .text).notNull()  // in | out
            t.column("author", .text).notNull()  // citizen | bot | staff:<name>
            t.column("text", .text)  // NULL once purged by retention
            t.column("outcome", .text)  // matcher outcome for inbound messages
            t.column("topic", .text)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "message_conversation", on: "message", columns: ["conversationID", "id"])
        try db.create(index: "message_case", on: "message", columns: ["caseID"])

        // Replies waiting to be sent, sent by a background service with retries.
        try db.create(table: "outboxEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("conversationID", .integer).notNull().references("conversation", onDelete: .cascade)
            t.column("caseID", .integer).references("escalationCase", onDelete: .setNull)
            t.column("channel", .text).notNull()
            t.column("reply", .text).notNull()  // JSON BotReply
            t.column("tag", .text)  // platform message tag, e.g. HUMAN_AGENT
            t.column("status", .text).notNull().defaults(to: "pending")  // pending | sent | failed
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("nextAttemptAt", .datetime).notNull()
            t.column("lastError", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("sentAt", .datetime)
        }
        try db.create(index: "outboxEntry_due", on: "outboxEntry", columns: ["status", "nextAttemptAt"])
    }

    /// Indexes for a long outbox: due entries in id order, and "an earlier pending entry of the same
    /// conversation" without scanning every pending entry (partial indexes: only pending rows).
    static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX outboxEntry_pending ON outboxEntry(id) WHERE status = 'pending';
            CREATE INDEX outboxEntry_pendingByConversation ON outboxEntry(conversationID, id) WHERE status = 'pending';
            """)
    }

    /// How many parts of a split reply the platform has confirmed, so a retry or a restart goes on
    /// with the next part instead of sending the first ones again.
    static func v3(_ db: Database) throws {
        try db.alter(table: "outboxEntry") { t in
            t.add(column: "partsSent", .integer).notNull().defaults(to: 0)
        }
    }

    /// Verified webhook bodies as they arrived: the request only stores the body, and the
    /// background processor turns it into `inboundEvent` rows (where the platform id is the unique
    /// key) and deletes it in the same transaction.
    static func v4(_ db: Database) throws {
        try db.create(table: "webhookDelivery") { t in
            // AUTOINCREMENT: an id is never reused, so an expander deleting the ids it read cannot
            // hit a newer body that took the id of one another expander deleted meanwhile.
            t.autoIncrementedPrimaryKey("id")
            t.column("source", .text).notNull()  // meta | telegram
            t.column("body", .blob).notNull()
            t.column("receivedAt", .double).notNull()  // Unix time: cheaper to write than date text
        }
    }

    /// When the send of an entry started (NULL when none is in flight). After a crash it tells
    /// which parts the platform may have received without the outcome being recorded, so the
    /// dispatcher can wait for the platform's echo of them instead of sending them again.
    static func v5(_ db: Database) throws {
        try db.alter(table: "outboxEntry") { t in
            t.add(column: "sendStartedAt", .datetime)
        }
    }

    /// For an interrupted send on a channel whose echo names no outbox entry (Instagram): a
    /// digest of the text of the part that was in flight, so its echo can be recognised. Set only
    /// while such an entry is held after a crash; the partial index keeps the lookup per echo cheap.
    static func v6(_ db: Database) throws {
        try db.alter(table: "outboxEntry") { t in
            t.add(column: "awaitedEcho", .text)
        }
        try db.execute(sql: "CREATE INDEX outboxEntry_awaitedEcho ON outboxEntry(awaitedEcho) WHERE awaitedEcho IS NOT NULL")
    }

    /// The last case number handed out. Numbers came from MAX(number) + 1, so erasing the newest
    /// case gave its number to the next citizen, while the first may still quote it.
    static func v7(_ db: Database) throws {
        try db.create(table: "caseNumberCounter") { t in
            t.column("last", .integer).notNull()
        }
        try db.execute(sql: "INSERT INTO caseNumberCounter(last) SELECT COALESCE(MAX(number), 1000) FROM escalationCase")
    }

    /// Who did what, when, with cases and citizens' data (accountability, GDPR Art. 5(2)): staff
    /// name, action, case number and counts, never message text or a citizen's id. Kept for
    /// `auditRetentionDays`, independently of the cases it names.
    static func v8(_ db: Database) throws {
        try db.create(table: "staffAction") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("createdAt", .datetime).notNull().indexed()
            t.column("staff", .text).notNull()
            t.column("action", .text).notNull()
            t.column("caseNumber", .integer)
            t.column("detail", .text)
        }
    }

    /// Whether a pending entry is held for the platform's confirmation of a part it may have
    /// received (in flight at a crash, or sent without an answer). Such an entry is due only once
    /// every webhook body received before its hold ended has been read: the confirmation may be
    /// among them, queued behind a backlog.
    static func v9(_ db: Database) throws {
        try db.alter(table: "outboxEntry") { t in
            t.add(column: "awaitsConfirmation", .boolean).notNull().defaults(to: false)
        }
    }
}
