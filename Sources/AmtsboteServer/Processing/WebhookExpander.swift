import AmtsboteCore
import AmtsboteStore
import Foundation
import Logging

/// Turns stored webhook bodies into inbound events. The request only checked the signature and
/// the JSON syntax before storing the body; decoding the platform's format happens here, off the
/// request path. The events are stored and the bodies deleted in one transaction, so a crash
/// in between repeats the step and the platform-id unique key drops what was stored already.
public struct WebhookExpander: Sendable {
    let database: AmtsboteDatabase
    let logger: Logger

    /// - Parameters:
    ///   - database: where the bodies and events are stored.
    ///   - logger: bodies that cannot be read are logged (kind and id only, never content).
    public init(database: AmtsboteDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Expands up to `limit` stored bodies, oldest first.
    /// - Returns: how many bodies were expanded (fewer than `limit`: none are left).
    @discardableResult
    public func expandPending(limit: Int) async throws -> Int {
        let deliveries = try await database.pendingWebhookDeliveries(limit: limit)
        guard !deliveries.isEmpty else { return 0 }
        var events: [InboundEventRecord] = []
        var confirmations: [OutboxPartConfirmation] = []
        var echoes: [EchoedPart] = []
        for delivery in deliveries {
            let content = self.content(of: delivery)
            events += content.messages.map { InboundEventRecord(message: $0, now: delivery.receivedAt) }
            confirmations += content.confirmations
            echoes += content.echoes
        }
        let stored = try await database.expandWebhookDeliveries(
            deliveries.compactMap(\.id), into: events, confirming: confirmations, echoes: echoes)
        logger.debug(
            "webhook bodies expanded",
            metadata: [
                "bodies": "\(deliveries.count)", "events": "\(events.count)", "new": "\(stored.count)",
                "confirmations": "\(confirmations.count)", "echoes": "\(echoes.count)",
            ])
        return deliveries.count
    }

    /// Expands every stored body (before an erasure, so it also reaches messages not read yet).
    public func expandAll() async throws {
        while try await expandPending(limit: 500) == 500 {}
    }

    /// The messages in one body and the confirmations and echoes of sent replies; nothing for a body in an
    /// unexpected shape (logged, then dropped: the platform has its 200 and would not send it
    /// differently again).
    func content(of delivery: WebhookDeliveryRecord) -> Content {
        do {
            switch delivery.source {
            case .meta:
                let payload = try JSONDecoder().decode(MetaWebhookPayload.self, from: delivery.body)
                return Content(
                    messages: MetaWebhookParser.messages(in: payload),
                    confirmations: MetaWebhookParser.sendConfirmations(in: payload),
                    echoes: MetaWebhookParser.echoedParts(in: payload))
            case .telegram:
                let update = try JSONDecoder().decode(TelegramUpdate.self, from: delivery.body)
                return Content(messages: TelegramUpdateParser.message(in: update).map { [$0] } ?? [])
            }
        } catch {
            logger.warning(
                "webhook body not readable, dropped",
                metadata: ["source": "\(delivery.source.rawValue)", "delivery": "\(delivery.id ?? 0)", "error": "\(type(of: error))"])
            return Content()
        }
    }

    /// What one stored body holds.
    struct Content {
        var messages: [InboundMessage] = []
        var confirmations: [OutboxPartConfirmation] = []
        var echoes: [EchoedPart] = []
    }
}
