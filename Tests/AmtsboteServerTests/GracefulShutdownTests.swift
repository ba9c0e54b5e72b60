import AmtsboteCore
import AmtsboteStore
import Foundation
import Testing

@testable import AmtsboteServer

/// A graceful shutdown (SIGTERM from systemd or Docker) lets the work in flight finish: a reply
/// whose send has started is sent and recorded before the process ends, not left to a restart.
@Suite struct GracefulShutdownTests {
    @Test func aSendInFlightFinishesAndIsRecordedBeforeTheServerStops() async throws {
        let path = ServerHarness.temporaryDatabasePath()
        try await withFakePlatform { fake, fakePort in
            // The platform takes a second to answer the first send.
            await fake.enqueue(status: 200, body: #"{"recipient_id":"PSID_STOP","message_id":"m.stop"}"#, delay: .seconds(1))
            let clock = ContinuousClock()
            var stopRequested = clock.now
            try await ServerHarness.run(fakePort: fakePort, databasePath: path) { (server: ServerHarness) async throws in
                let body = try Fixture.data("messenger-quick-reply", ["PSID": "PSID_STOP", "MID": "m_stop", "PAYLOAD": "topic:reisepass"])
                #expect(try await server.postMeta(body) == 200)
                // The send has reached the platform, which has not answered yet: shut down now.
                #expect(await fake.waitForRequests(1).count == 1)
                stopRequested = clock.now
            }
            // The shutdown waited for the platform's answer and recorded it.
            #expect(clock.now - stopRequested >= .milliseconds(500))
            let entries = try await AmtsboteDatabase.open(path: path).outboxEntries()
            #expect(entries.count == 1)
            #expect(entries.first?.status == .sent)
            #expect(entries.first?.attempts == 1)
            #expect(await fake.requests.count == 1)
        }
    }
}
