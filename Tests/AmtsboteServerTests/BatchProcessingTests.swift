import AmtsboteCore
import AmtsboteStore
import Foundation
import Testing

@testable import AmtsboteServer

/// Events processed together in one transaction, decided outside it.
@Suite struct BatchProcessingTests {
    private func processor(_ database: AmtsboteDatabase) async throws -> ConversationProcessor {
        let knowledge = KnowledgeService(directory: ServerHarness.fixtureKnowledge, logger: quietLogger)
        #expect(await knowledge.reload())
        return ConversationProcessor(
            database: database, knowledge: knowledge, rateLimiter: RateLimiter(limit: 20, window: .seconds(60)),
            logger: quietLogger)
    }

    private func message(_ sender: String, _ id: String, _ text: String) -> InboundMessage {
        InboundMessage(channel: .telegram, senderID: sender, externalID: id, text: text, address: ReplyAddress(chatID: sender))
    }

    @Test func aChoiceInTheSameBatchPicksFromTheQuestionBeforeIt() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let processor = try await processor(database)
        let ids = try await database.storeInbound([
            message("7", "1", "Wo kann ich das beantragen?"), message("8", "2", "Wie melde ich meinen Wohnsitz an?"),
            message("7", "3", "2"),
        ])
        let processed = try await processor.process(eventIDs: ids)
        #expect(processed.count == 3)
        #expect(processed[ids[0]]?.reply?.outcome == "clarify")
        #expect(processed[ids[1]]?.reply?.topic == "anmeldung")
        #expect(processed[ids[2]]?.reply?.topic == "reisepass")
        #expect(try await database.outboxEntries().count == 3)
        // Already processed: nothing happens twice.
        #expect(try await processor.process(eventIDs: ids).isEmpty)
        #expect(try await database.outboxEntries().count == 3)
    }

    @Test func aChoiceAfterALongPauseStartsAfresh() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let processor = try await processor(database)
        let start = Date()
        for (sender, pause, picks) in [("7", 10.0 * 60, true), ("8", ConversationState.contextLifetime + 60, false)] {
            let question = try await database.storeInbound([message(sender, "q\(sender)", "Wo kann ich das beantragen?")])
            #expect(try await processor.process(eventIDs: question, now: start)[question[0]]?.reply?.outcome == "clarify")
            let choice = try await database.storeInbound([message(sender, "c\(sender)", "2")])
            let reply = try #require(try await processor.process(eventIDs: choice, now: start + pause)[choice[0]]?.reply)
            #expect((reply.topic == "reisepass") == picks, "after \(pause) s: \(reply.text)")
            // The language and the first-contact notice are remembered across the pause.
            let state = try #require(try await database.conversation(channel: .telegram, senderID: sender)?.dialogueState)
            #expect(state.introduced && state.language == "de")
        }
    }

    @Test func aDecisionIsMadeAgainWhenTheConversationChangedMeanwhile() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let processor = try await processor(database)
        // The choice "2" arrives first in its own batch, before the question it answers was processed:
        // planned against an empty state, it must not pick anything; then the question gets a clarify.
        let first = try await database.storeInbound([message("7", "1", "Wo kann ich das beantragen?")])
        let second = try await database.storeInbound([message("7", "2", "2")])
        async let a = processor.process(eventIDs: first)
        async let b = processor.process(eventIDs: second)
        let (processedFirst, processedSecond) = try await (a, b)
        let clarify = try #require(processedFirst[first[0]]?.reply)
        let choice = try #require(processedSecond[second[0]]?.reply)
        #expect(clarify.outcome == "clarify")
        // Whichever order the two transactions ran in, the reply fits the state it was written over.
        if choice.id! > clarify.id! {
            #expect(choice.topic == "reisepass")
        } else {
            #expect(choice.topic != "reisepass")
        }
    }
}
