import AmtsboteCore
import AmtsboteStore
import ArgumentParser
import Foundation
import GRDB
import Testing

@testable import AmtsboteCLI
@testable import AmtsboteServer

/// The escalation path of issue 4 end to end: a signed Messenger webhook the bot cannot answer → a case
/// in `amtsbote queue list --json` → `amtsbote queue reply` → the reply at the fake Graph API, with the
/// server (`buildApplication`) and the staff commands on one SQLite file, as in production.
@Suite struct EscalationEndToEndTests {
    @Test func unansweredQuestionBecomesACaseAndTheStaffReplyReachesTheSender() async throws {
        let question = "Wie bekomme ich einen Fischereischein?"
        let staffText = "Den Fischereischein stellt das Ordnungsamt aus, Zimmer 4."

        try await withServerAndStaff { fake, server, cli in
            #expect(try await server.postMeta(try MessengerWebhook.text(psid: "PSID_FISH", mid: "m_fish_1", text: question)) == 200)

            // The case appears in the staff's list.
            let listed = try await eventually { try await cli.list().first }
            let number = try #require(listed["number"] as? Int)
            #expect(listed["status"] as? String == "open")
            #expect(listed["channel"] as? String == "messenger")
            #expect(listed["language"] as? String == "de")
            #expect(listed["sender_id"] as? String == "PSID_FISH")
            #expect(listed["assignee"] is NSNull)
            #expect(listed["last_inbound_at"] is String)
            #expect(listed["awaiting_staff"] as? Bool == true)
            #expect((listed["reply_window"] as? [String: Any])?["state"] as? String == "open")
            let messages = try #require(listed["messages"] as? [[String: Any]])
            #expect(messages.contains { $0["direction"] as? String == "in" && $0["text"] as? String == question })

            // The citizen was told the case number.
            let escalated = try #require(await fake.waitForRequests(1).first)
            #expect(escalated.path == "/v21.0/me/messages")
            #expect(escalated.recipientID == "PSID_FISH")
            #expect(escalated.text.contains("Nr. \(number)"), "escalated message: \(escalated.text)")

            // Staff answer from the command line; the server's outbox delivers it.
            let printed = try await cli.run([
                "queue", "reply", "\(number)", staffText, "--as", "anna", "--knowledge", server.knowledgeDirectory,
            ])
            #expect(printed.contains("Antwort auf Fall \(number) liegt im Ausgang"))
            let requests = await fake.waitForRequests(2)
            try #require(requests.count == 2)
            let reply = requests[1]
            #expect(reply.path == "/v21.0/me/messages")
            #expect(reply.query == "access_token=\(TestSecrets.pageToken)")
            #expect(reply.recipientID == "PSID_FISH")
            #expect(reply.text == "Antwort unseres Teams:\n\n\(staffText)")
            // Within 24 hours of the citizen's message: a normal response, no tag needed.
            #expect(reply.json["messaging_type"] as? String == "RESPONSE")
            #expect(reply.json["tag"] == nil)

            // The case is answered by anna, and the delivery is recorded as sent.
            let detail = try await eventually { () -> [String: Any]? in
                let detail = try await cli.show(number)
                let deliveries = detail["deliveries"] as? [[String: Any]] ?? []
                return deliveries.first?["status"] as? String == "sent" ? detail : nil
            }
            let shown = try #require(detail["case"] as? [String: Any])
            #expect(shown["status"] as? String == "answered")
            #expect(shown["assignee"] as? String == "anna")
            #expect(shown["first_reply_at"] is String)
            let conversation = try #require(detail["conversation"] as? [[String: Any]])
            #expect(conversation.map { $0["author"] as? String } == ["citizen", "bot", "staff:anna"])
            #expect(try await cli.list().first?["status"] as? String == "answered")
        }
    }

    /// Later unanswerable messages in the same conversation join the case instead of opening another,
    /// also after the staff answered; the list then shows that the citizen wrote last.
    @Test func laterMessagesJoinTheCase() async throws {
        try await withServerAndStaff { fake, server, cli in
            let texts = [
                "Wie bekomme ich einen Fischereischein?", "Und was kostet der Angelschein?",
                "Ich brauche noch eine Auskunft zum Angelschein.",
            ]
            #expect(try await server.postMeta(try MessengerWebhook.text(psid: "PSID_JOIN", mid: "m_join_1", text: texts[0])) == 200)
            #expect(try await server.postMeta(try MessengerWebhook.text(psid: "PSID_JOIN", mid: "m_join_2", text: texts[1])) == 200)
            let sent = await fake.waitForRequests(2)
            try #require(sent.count == 2)
            let number = try #require(try await cli.list().first?["number"] as? Int)
            #expect(sent[1].text == "Zu Nr. \(number) hinzugefügt.")

            try await cli.run([
                "queue", "reply", "\(number)", "Das Ordnungsamt hilft.", "--as", "anna", "--knowledge", server.knowledgeDirectory,
            ])
            _ = await fake.waitForRequests(3)
            #expect(try await cli.list().first?["awaiting_staff"] as? Bool == false)

            #expect(try await server.postMeta(try MessengerWebhook.text(psid: "PSID_JOIN", mid: "m_join_3", text: texts[2])) == 200)
            let afterReply = await fake.waitForRequests(4)
            try #require(afterReply.count == 4)
            #expect(afterReply[3].text == "Zu Nr. \(number) hinzugefügt.")
            let cases = try await cli.list(["--status", "open", "claimed", "answered", "closed"])
            #expect(cases.count == 1)
            let messages = cases.first?["messages"] as? [[String: Any]] ?? []
            #expect(messages.filter { $0["direction"] as? String == "in" }.compactMap { $0["text"] as? String } == texts)
            #expect(cases.first?["awaiting_staff"] as? Bool == true)
        }
    }

    /// After 24 hours Messenger needs the HUMAN_AGENT tag (up to 7 days); after that nothing is sent.
    @Test func lateMessengerReplyCarriesTheHumanAgentTagAndAVeryLateOneIsRefused() async throws {
        try await withServerAndStaff { fake, server, cli in
            #expect(try await server.postMeta(
                try MessengerWebhook.text(psid: "PSID_LATE", mid: "m_late_1", text: "Wie bekomme ich einen Fischereischein?")) == 200)
            let number = try #require(try await eventually { try await cli.list().first }["number"] as? Int)
            _ = await fake.waitForRequests(1)

            try await server.setLastInbound(sender: "PSID_LATE", to: Date().addingTimeInterval(-30 * 3600))
            #expect((try await cli.list().first?["reply_window"] as? [String: Any])?["state"] as? String == "human_agent")
            try await cli.run([
                "queue", "reply", "\(number)", "Entschuldigung für die Wartezeit.", "--as", "anna",
                "--knowledge", server.knowledgeDirectory,
            ])
            let requests = await fake.waitForRequests(2)
            try #require(requests.count == 2)
            #expect(requests[1].recipientID == "PSID_LATE")
            #expect(requests[1].json["messaging_type"] as? String == "MESSAGE_TAG")
            #expect(requests[1].json["tag"] as? String == "HUMAN_AGENT")
            #expect(requests[1].text == "Antwort unseres Teams:\n\nEntschuldigung für die Wartezeit.")

            try await server.setLastInbound(sender: "PSID_LATE", to: Date().addingTimeInterval(-8 * 86400))
            do {
                try await cli.run([
                    "queue", "reply", "\(number)", "Noch ein Nachtrag.", "--as", "anna", "--knowledge", server.knowledgeDirectory,
                ])
                Issue.record("a reply after 7 days should be refused")
            } catch {
                #expect("\(error)".hasPrefix("Nicht gesendet: messenger erlaubt Antworten nur 24 Stunden"))
            }
            let outbox = try await server.database().writer.read { db in try OutboxEntryRecord.fetchCount(db) }
            #expect(outbox == 2)
        }
    }

    /// No case lost or duplicated while the server writes and several staff use the command line at once.
    @Test func serverAndThreeStaffOnOneDatabaseLoseAndDuplicateNothing() async throws {
        let count = 40
        let senders = (1...count).map { "PSID_LOAD_\($0)" }
        let questions = Dictionary(uniqueKeysWithValues: senders.enumerated().map {
            ($1, "Wie bekomme ich einen Fischereischein für den Kreis \($0 + 1)?")
        })
        let staffNames = ["anna", "ben", "cara"]

        try await withServerAndStaff { fake, server, cli in
            let knowledge = server.knowledgeDirectory
            let serverDone = Flag()
            let deadline = ContinuousClock.now + .seconds(20)

            let outcomes = try await withThrowingTaskGroup(of: StaffOutcome.self) { group in
                // The citizens: 4 connections posting 10 webhooks each.
                group.addTask {
                    try await withThrowingTaskGroup(of: Void.self) { posts in
                        for lane in 0..<4 {
                            posts.addTask {
                                for sender in senders.enumerated().filter({ $0.offset % 4 == lane }).map(\.element) {
                                    let body = try MessengerWebhook.text(psid: sender, mid: "m_\(sender)", text: questions[sender]!)
                                    let status = try await server.postMeta(body)
                                    if status != 200 { throw TestFailure("webhook for \(sender) answered \(status)") }
                                }
                            }
                        }
                        try await posts.waitForAll()
                    }
                    // Every webhook processed: as many cases as citizens (or a timeout, checked below).
                    _ = try? await eventually(timeout: .seconds(15)) {
                        try await cli.list(["--status", "open", "claimed", "answered", "closed"]).count >= count ? true : nil
                    }
                    await serverDone.set()
                    return StaffOutcome()
                }
                // The staff: each takes the oldest open case (so they collide), notes it and answers it.
                for name in staffNames {
                    group.addTask {
                        var outcome = StaffOutcome()
                        work: while ContinuousClock.now < deadline {
                            do {
                                outcome.lists += 1
                                let everything = try await cli.list(["--status", "open", "claimed", "answered", "closed"])
                                guard let target = everything.first(where: { $0["status"] as? String == "open" })?["number"] as? Int
                                else {
                                    if await serverDone.isSet { break work }
                                    try await Task.sleep(for: .milliseconds(10))  // poll: nothing open yet
                                    continue work
                                }
                                do {
                                    try await cli.run(["queue", "claim", "\(target)", "--as", name])
                                } catch let error as CLIError where error.description.hasPrefix("Fall \(target) ist von ") {
                                    outcome.conflicts += 1
                                    continue work
                                }
                                try await cli.run(["queue", "note", "\(target)", "Bearbeitet von \(name)", "--as", name])
                                try await cli.run([
                                    "queue", "reply", "\(target)", "Antwort von \(name) zu Fall \(target).", "--as", name,
                                    "--knowledge", knowledge,
                                ])
                                outcome.replied.append(target)
                            } catch {
                                outcome.unexpected.append("\(name): \(error)")
                            }
                        }
                        return outcome
                    }
                }
                var all: [StaffOutcome] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }

            let unexpected = outcomes.flatMap(\.unexpected)
            // Including "database is locked": every connection a staff command opens waits for locks.
            #expect(unexpected.isEmpty, "errors other than claim conflicts: \(unexpected.prefix(5))")
            #expect(await serverDone.isSet)

            // Exactly one case per citizen, distinct numbers, each with its question, each answered once.
            let cases = try await cli.list(["--status", "open", "claimed", "answered", "closed"])
            #expect(cases.count == count)
            let numbers = cases.compactMap { $0["number"] as? Int }
            #expect(Set(numbers).count == count)
            #expect(Set(cases.compactMap { $0["sender_id"] as? String }) == Set(senders))
            for item in cases {
                let sender = item["sender_id"] as? String ?? "?"
                let messages = item["messages"] as? [[String: Any]] ?? []
                let inbound = messages.filter { $0["direction"] as? String == "in" }.compactMap { $0["text"] as? String }
                #expect(inbound == [questions[sender]], "case \(item["number"] ?? "?") of \(sender)")
                #expect(item["status"] as? String == "answered", "case \(item["number"] ?? "?")")
            }
            let replied = outcomes.flatMap(\.replied)
            #expect(replied.count == count)
            #expect(Set(replied) == Set(numbers))
            let counts = try await server.database().writer.read { db in
                (
                    cases: try EscalationCaseRecord.fetchCount(db),
                    notes: try CaseNoteRecord.fetchCount(db),
                    inbound: try MessageRecord.filter(Column("direction") == "in").fetchCount(db)
                )
            }
            #expect(counts.cases == count)
            #expect(counts.notes == count)
            #expect(counts.inbound == count)

            // Each citizen got the case number, then exactly one staff answer, on their own PSID.
            let requests = await fake.waitForRequests(2 * count, timeout: .seconds(15))
            #expect(requests.count == 2 * count)
            let numberBySender = Dictionary(
                uniqueKeysWithValues: cases.compactMap { item in
                    (item["sender_id"] as? String).flatMap { sender in (item["number"] as? Int).map { (sender, $0) } }
                })
            for sender in senders {
                let received = requests.filter { $0.recipientID == sender }.map(\.text)
                guard let number = numberBySender[sender] else { continue }
                #expect(received.count == 2, "\(sender) received \(received)")
                #expect(received.first?.contains("Nr. \(number)") == true, "\(sender) received \(received)")
                #expect(received.last?.hasPrefix("Antwort unseres Teams:\n\nAntwort von ") == true, "\(sender) received \(received)")
                #expect(received.last?.hasSuffix("zu Fall \(number).") == true, "\(sender) received \(received)")
            }
        }
    }
}

// MARK: - Support

/// A fake Graph API on 127.0.0.1, the server (`buildApplication`) on a new SQLite file in a temporary folder,
/// and the staff command line on the same file; the folder is removed afterwards.
func withServerAndStaff(_ body: (FakePlatform, ServerHarness, StaffCLI) async throws -> Void) async throws {
    let databasePath = ServerHarness.temporaryDatabasePath()
    defer { try? FileManager.default.removeItem(atPath: (databasePath as NSString).deletingLastPathComponent) }
    try await withFakePlatform { fake, fakePort in
        try await ServerHarness.run(fakePort: fakePort, databasePath: databasePath) { (server: ServerHarness) async throws in
            try await body(fake, server, StaffCLI(databasePath: databasePath))
        }
    }
}

/// The staff command line run in-process (`AmtsboteCommand.parseAsRoot`) on the server's database file,
/// each command opening its own connection as a separate `amtsbote` process would.
struct StaffCLI: Sendable {
    let databasePath: String

    /// Runs `amtsbote <arguments> --database <file>` and returns what it printed.
    @discardableResult
    func run(_ arguments: [String]) async throws -> String {
        let output = CapturedOutput()
        try await StandardOutput.$capture.withValue({ output.append($0) }) {
            var command = try AmtsboteCommand.parseAsRoot(arguments + ["--database", databasePath])
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        }
        return output.text
    }

    /// `amtsbote queue list --json` with extra arguments, parsed.
    func list(_ arguments: [String] = []) async throws -> [[String: Any]] {
        let text = try await run(["queue", "list"] + arguments + ["--json"])
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw TestFailure("queue list --json printed no array: \(text)")
        }
        return array
    }

    /// `amtsbote queue show N --json`, parsed.
    func show(_ number: Int) async throws -> [String: Any] {
        let text = try await run(["queue", "show", "\(number)", "--json"])
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TestFailure("queue show --json printed no object: \(text)")
        }
        return object
    }
}

/// Lines a command printed.
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}

/// What one staff member's task did.
struct StaffOutcome: Sendable {
    var lists = 0
    var conflicts = 0
    var replied: [Int] = []
    var unexpected: [String] = []
}

/// A flag set once by one task and read by others.
actor Flag {
    private(set) var isSet = false
    func set() { isSet = true }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Polls `probe` until it returns a value (every 20 ms, up to `timeout`).
func eventually<T>(timeout: Duration = .seconds(10), _ probe: () async throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    while true {
        if let value = try await probe() { return value }
        guard ContinuousClock.now < deadline else { throw TestFailure("condition not met within \(timeout)") }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Messenger webhook bodies.
enum MessengerWebhook {
    /// A text message from `psid` to the test page.
    static func text(psid: String, mid: String, text: String) throws -> Data {
        let now = Int(Date().timeIntervalSince1970 * 1000)
        let object: [String: Any] = [
            "object": "page",
            "entry": [[
                "id": "PAGE_1", "time": now,
                "messaging": [[
                    "sender": ["id": psid], "recipient": ["id": "PAGE_1"], "timestamp": now,
                    "message": ["mid": mid, "text": text],
                ]],
            ]],
        ]
        return try JSONSerialization.data(withJSONObject: object)
    }
}

extension ServerHarness {
    /// Moves the time of the citizen's last message, as if it had been sent then (the reply window starts there).
    func setLastInbound(sender: String, to date: Date) async throws {
        try await database().writer.write { db in
            try db.execute(sql: "UPDATE conversation SET lastInboundAt = ? WHERE senderID = ?", arguments: [date, sender])
        }
    }
}

extension FakePlatform.Recorded {
    /// `recipient.id` of a Send API request.
    var recipientID: String? { (json["recipient"] as? [String: Any])?["id"] as? String }
    /// `message.text` of a Send API request.
    var text: String { ((json["message"] as? [String: Any])?["text"] as? String) ?? "" }
}
