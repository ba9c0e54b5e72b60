import AmtsboteCore
import AmtsboteStore

/// Turns a Meta webhook payload into citizen messages. Echoes, delivery and read receipts,
/// reactions, WhatsApp statuses and unknown event types yield nothing (they are acknowledged and ignored).
enum MetaWebhookParser {
    /// The messages in `payload`, in delivery order.
    static func messages(in payload: MetaWebhookPayload) -> [InboundMessage] {
        switch payload.object {
        case "page": return messagingEvents(payload, channel: .messenger)
        case "instagram": return messagingEvents(payload, channel: .instagram)
        case "whatsapp_business_account": return whatsAppMessages(payload)
        default: return []
        }
    }

    /// The platform's confirmations of replies Amtsbote sent: Messenger echoes carrying a
    /// `SendReference` as metadata, WhatsApp statuses (sent, delivered, read) carrying one as
    /// `biz_opaque_callback_data`. A failed status confirms nothing.
    static func sendConfirmations(in payload: MetaWebhookPayload) -> [OutboxPartConfirmation] {
        var references: [SendReference] = []
        for entry in payload.entry ?? [] {
            for event in entry.messaging ?? [] {
                guard let message = event.message, message.isEcho == true, let metadata = message.metadata,
                    let reference = SendReference(metadata)
                else { continue }
                references.append(reference)
            }
            for change in entry.changes ?? [] {
                for status in change.value?.statuses ?? [] where ["sent", "delivered", "read"].contains(status.status ?? "") {
                    if let reference = status.callbackData.flatMap(SendReference.init) { references.append(reference) }
                }
            }
        }
        return references.map(\.confirmation)
    }

    /// Echoes that name no outbox entry, on channels whose in-flight parts are recognised by
    /// their text after a crash (Instagram, see `EchoDigest`): recipient and text digest.
    static func echoedParts(in payload: MetaWebhookPayload) -> [EchoedPart] {
        guard payload.object == "instagram" else { return [] }
        var result: [EchoedPart] = []
        for entry in payload.entry ?? [] {
            for event in entry.messaging ?? [] {
                guard let message = event.message, message.isEcho == true, let text = message.text, !text.isEmpty,
                    let recipient = event.recipient?.id, !recipient.isEmpty
                else { continue }
                result.append(EchoedPart(channel: .instagram, recipientID: recipient, textDigest: EchoDigest.of(text)))
            }
        }
        return result
    }

    private static func messagingEvents(_ payload: MetaWebhookPayload, channel: Channel) -> [InboundMessage] {
        var result: [InboundMessage] = []
        for entry in payload.entry ?? [] {
            for event in entry.messaging ?? [] {
                guard let sender = event.sender?.id, !sender.isEmpty else { continue }
                let address = ReplyAddress(pageID: event.recipient?.id ?? entry.id)
                if let message = event.message {
                    guard message.isEcho != true, let mid = message.mid else { continue }
                    if let payload = message.quickReply?.payload {
                        result.append(InboundMessage(
                            channel: channel, senderID: sender, externalID: mid, kind: .choice, text: message.text ?? "",
                            payload: payload, address: address))
                    } else if let text = message.text, !text.isEmpty {
                        result.append(InboundMessage(channel: channel, senderID: sender, externalID: mid, text: text, address: address))
                    } else if !(message.attachments ?? []).isEmpty {
                        result.append(InboundMessage(
                            channel: channel, senderID: sender, externalID: mid, kind: .attachment, text: "", address: address))
                    }
                } else if let postback = event.postback, let payload = postback.payload {
                    // Older postbacks carry no mid: the sender and timestamp identify a redelivery.
                    let id = postback.mid ?? "postback:\(sender):\(event.timestamp ?? 0)"
                    result.append(InboundMessage(
                        channel: channel, senderID: sender, externalID: id, kind: .choice, text: postback.title ?? "",
                        payload: payload, address: address))
                }
            }
        }
        return result
    }

    private static func whatsAppMessages(_ payload: MetaWebhookPayload) -> [InboundMessage] {
        var result: [InboundMessage] = []
        for entry in payload.entry ?? [] {
            for change in entry.changes ?? [] where change.field == nil || change.field == "messages" {
                let address = ReplyAddress(phoneNumberID: change.value?.metadata?.phoneNumberID)
                for message in change.value?.messages ?? [] {
                    guard let from = message.from, let id = message.id else { continue }
                    func make(_ kind: InboundMessage.Kind, _ text: String, _ payload: String? = nil) -> InboundMessage {
                        InboundMessage(
                            channel: .whatsapp, senderID: from, externalID: id, kind: kind, text: text, payload: payload,
                            address: address)
                    }
                    switch message.type {
                    case "text":
                        if let body = message.text?.body, !body.isEmpty { result.append(make(.text, body)) }
                    case "interactive":
                        if let reply = message.interactive?.buttonReply ?? message.interactive?.listReply {
                            result.append(make(.choice, reply.title ?? "", reply.id))
                        }
                    case "button":
                        if let button = message.button { result.append(make(.choice, button.text ?? "", button.payload)) }
                    case "reaction", "system", "ephemeral", "request_welcome", nil:
                        continue
                    default:
                        // image, audio, video, document, sticker, location, contacts, unsupported …
                        result.append(make(.attachment, ""))
                    }
                }
            }
        }
        return result
    }
}
