import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Logging

/// Processes one stored citizen message: dialogue decision, case, message log, outbox entry and
/// new conversation state, all in one transaction. An event is processed at most once: the
/// transaction first claims it, so a concurrent or repeated attempt finds it done.
struct ConversationProcessor: Sendable {
    let database: AmtsboteDatabase
    let knowledge: KnowledgeService
    let rateLimiter: RateLimiter
    let logger: Logger

    /// Errors that leave the event pending.
    enum Failure: Error, CustomStringConvertible {
        case knowledgeNotLoaded
        var description: String { "no knowledge base loaded" }
    }

    /// Processes the event if it is still pending; nil when it was already processed.
    func process(eventID: Int64, now: Date = Date()) async throws -> ProcessedEvent? {
        try await process(eventIDs: [eventID], now: now)[eventID]
    }

    /// Processes those of `eventIDs` that are still pending, in order, in one transaction (one
    /// commit for many events); the result holds the events processed now. When anything fails the
    /// whole batch is rolled back and stays pending.
    func process(eventIDs: [Int64], now: Date = Date()) async throws -> [Int64: ProcessedEvent] {
        guard let engine = await knowledge.engine else { throw Failure.knowledgeNotLoaded }
        let (events, states) = try await database.writer.read { db in
            let events = try InboundEventRecord.fetchAll(db, keys: eventIDs).filter { $0.status == .pending }
            return (events, try Self.dialogueStates(db, senders: events.map { ($0.channel, $0.senderID) }, at: now))
        }
        let pending: [(id: Int64, message: InboundMessage)] = try events.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
            .compactMap { event in try event.id.map { ($0, try event.message()) } }
        guard !pending.isEmpty else { return [:] }
        let decisions = await rateLimiter.check(pending.map { ($0.message.channel, $0.message.senderID) })
        let zone = TimeZone(identifier: engine.knowledgeBase.city.timezone) ?? .current
        let day = DayText.day(of: now, in: zone)

        // Decide before taking the write lock (matching is the costly part), assuming the states
        // just read; the transaction redoes a decision only if its conversation changed meanwhile.
        var assumed = states
        let plans = zip(pending, decisions).map { event, decision -> Plan in
            let key = SenderKey(channel: event.message.channel, senderID: event.message.senderID)
            let state = assumed[key] ?? ConversationState()
            let plan = Plan.make(event.message, state: state, decision: decision, engine: engine, day: day)
            if let turn = plan.turn { assumed[key] = turn.state }
            return plan
        }

        let results = try await database.writer.write { db -> [Int64: ProcessedEvent] in
            var results: [Int64: ProcessedEvent] = [:]
            for (event, plan) in zip(pending, plans) {
                results[event.id] = try Self.apply(
                    db, eventID: event.id, message: event.message, plan: plan, engine: engine, day: day, now: now)
            }
            return results
        }
        for (event, decision) in zip(pending, decisions) {
            guard let result = results[event.id] else { continue }
            logger.info(
                "message processed",
                metadata: [
                    "channel": "\(event.message.channel.rawValue)", "event": "\(event.id)",
                    "outcome": "\(result.reply?.outcome ?? (decision == .allow ? "none" : "rate_limited"))",
                ])
            logger.debug("message text", metadata: ["event": "\(event.id)", "text": "\(event.message.text.escapedForLog)"])
        }
        return results
    }

    /// One event inside the batch transaction: claims it, takes the planned decision (or decides
    /// again when the conversation moved on), logs, queues, updates the conversation.
    private static func apply(
        _ db: Database, eventID: Int64, message: InboundMessage, plan: Plan, engine: DialogueEngine, day: String, now: Date
    ) throws -> ProcessedEvent? {
        guard try AmtsboteDatabase.claimPendingEvent(db, id: eventID, now: now) else { return nil }
        var conversation = try AmtsboteDatabase.conversation(
            db, channel: message.channel, senderID: message.senderID, now: now)
        guard let conversationID = conversation.id else { return nil }
        var processed = ProcessedEvent(
            conversationID: conversationID, queued: false, callbackID: message.callbackID, channel: message.channel)
        let state = conversation.dialogueState(at: now)
        let decided = plan.assumedState == state
            ? plan : Plan.make(message, state: state, decision: plan.decision, engine: engine, day: day)
        var turn = decided.turn
        var reply = decided.reply
        let decision = plan.decision
        // The citizen's open case decides where messages without a question, or written while
        // waiting for a person, go; messages answered meanwhile are filed with it too.
        let openCase = try AmtsboteDatabase.openCase(db, conversationID: conversationID)
        if let current = turn {
            // Whether staff have replied matters only while a citizen waits for a person.
            let status = try openCase.map { open in
                OpenCaseStatus(
                    reason: open.reason,
                    staffReplied: try open.reason == .humanRequested && AmtsboteDatabase.staffReplied(db, caseID: open.id ?? -1))
            }
            turn = engine.adjusted(current, openCase: status)
            reply = turn?.reply
        }

        let inbound = try AmtsboteDatabase.appendMessage(db, MessageRecord(
            conversationID: conversationID, caseID: openCase?.id, direction: .in, author: "citizen", text: message.text,
            outcome: turn?.outcome?.rawValue ?? (decision == .allow ? nil : "rate_limited"), topic: turn?.topic,
            createdAt: now))

        var caseID: Int64?
        if var current = turn, let escalation = current.escalation {
            let (record, opened) = try AmtsboteDatabase.escalate(
                db, conversationID: conversationID, messageID: inbound.id, reason: escalation.reason,
                candidates: escalation.candidates, language: current.language, now: now)
            // A case that took this message's weightier reason is announced as that request.
            let upgraded = openCase.map { $0.reason != record.reason } ?? false
            current = engine.completing(current, caseNumber: record.number, joined: !opened && !upgraded, now: now)
            caseID = record.id
            turn = current
            reply = current.reply
        }

        if let reply, !reply.text.isEmpty {
            processed.reply = try AmtsboteDatabase.appendMessage(db, MessageRecord(
                conversationID: conversationID, caseID: caseID ?? openCase?.id, direction: .out, author: "bot", text: reply.text,
                outcome: turn?.outcome?.rawValue, topic: turn?.topic, createdAt: now))
            processed.botReply = reply
            if message.channel.isPushed {
                try AmtsboteDatabase.enqueue(db, OutboxEntryRecord(
                    conversationID: conversationID, caseID: caseID, channel: message.channel, reply: reply, now: now))
                processed.queued = true
            }
        }

        if let turn {
            conversation.dialogueState = turn.state
            conversation.language = turn.language
        }
        if message.address != ReplyAddress() { conversation.replyAddress = message.address }
        conversation.lastInboundAt = now
        conversation.lastMessageAt = now
        try conversation.update(db)
        return processed
    }
}

extension Channel {
    /// Whether replies are pushed to the platform through the outbox (the web chat and the JSON
    /// API get theirs in the response or by polling the message log instead).
    var isPushed: Bool {
        switch self {
        case .messenger, .instagram, .whatsapp, .telegram: return true
        case .webchat, .api: return false
        }
    }
}

/// A channel and sender: one conversation.
struct SenderKey: Hashable {
    var channel: Channel
    var senderID: String
}

extension ConversationProcessor {
    /// The decision for one message, made from an assumed conversation state.
    struct Plan: Sendable {
        var assumedState: ConversationState
        var decision: RateLimiter.Decision
        var turn: DialogueTurn?
        var reply: BotReply?

        static func make(
            _ message: InboundMessage, state: ConversationState, decision: RateLimiter.Decision, engine: DialogueEngine, day: String
        ) -> Plan {
            var plan = Plan(assumedState: state, decision: decision)
            switch decision {
            case .allow:
                plan.turn = engine.respond(to: message, state: state, day: day)
                plan.reply = plan.turn?.reply
            case .notify:
                let language = state.language ?? engine.knowledgeBase.city.defaultLanguage
                plan.reply = engine.composer.message("rate_limited", language: language).map { BotReply(text: $0) }
            case .drop:
                break
            }
            return plan
        }
    }

    /// The dialogue states of these senders' conversations for messages arriving at `now` (missing ones are new).
    static func dialogueStates(_ db: Database, senders: [(Channel, String)], at now: Date) throws -> [SenderKey: ConversationState] {
        var states: [SenderKey: ConversationState] = [:]
        for (channel, senderID) in senders {
            let key = SenderKey(channel: channel, senderID: senderID)
            guard states[key] == nil else { continue }
            states[key] = try ConversationRecord
                .filter(ConversationRecord.Columns.channel == channel.rawValue && ConversationRecord.Columns.senderID == senderID)
                .fetchOne(db)?.dialogueState(at: now)
        }
        return states
    }
}
