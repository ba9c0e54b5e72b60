import Foundation
import Testing

@testable import AmtsboteServer

/// Meta batches the events of many citizens in one body: an event in an odd shape is skipped,
/// the others are read (before, the whole body was dropped).
@Suite("Meta bodies with one unreadable event")
struct MetaLenientDecodingTests {
    static let good = #"{"sender":{"id":"s2"},"recipient":{"id":"P"},"timestamp":1700000000000,"message":{"mid":"m.good","text":"Was kostet ein Pass?"}}"#

    static func messengerIDs(_ odd: String) throws -> [String] {
        let body = #"{"object":"page","entry":[{"id":"P","messaging":[\#(odd),\#(good)]},"not an entry"]}"#
        let payload = try JSONDecoder().decode(MetaWebhookPayload.self, from: Data(body.utf8))
        return MetaWebhookParser.messages(in: payload).map(\.externalID)
    }

    @Test("the other citizen's message is read", arguments: [
        #"{"sender":{"id":1},"message":{"mid":"m.bad","text":"x"}}"#,  // sender id a number
        #"{"sender":"s1","message":{"mid":"m.bad","text":"x"}}"#,
        #"{"sender":{"id":"s1"},"message":{"mid":"m.bad","text":7}}"#,
        #"{"sender":{"id":"s1"},"message":{"mid":"m.bad","text":"x","is_echo":"true"}}"#,
        #"{"sender":{"id":"s1"},"message":{"mid":"m.bad","attachments":{"type":"image"}}}"#,
        #"null"#, #""an event""#, #"[1,2]"#,
    ])
    func oddEventSkipped(_ odd: String) throws {
        #expect(try Self.messengerIDs(odd) == ["m.good"])
    }

    @Test("a postback's timestamp written as a string (Meta's newer format) is read")
    func stringTimestamp() throws {
        let postback = #"{"sender":{"id":"s1"},"recipient":{"id":"P"},"timestamp":"1700000000000","postback":{"title":"Get Started","payload":"smalltalk:greeting"}}"#
        #expect(try Self.messengerIDs(postback) == ["postback:s1:1700000000000", "m.good"])
    }

    @Test("WhatsApp: a message or status in an odd shape is skipped, the rest read")
    func whatsApp() throws {
        let body = #"""
            {"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{
            "metadata":{"phone_number_id":"P"},
            "statuses":[{"id":"wamid.s","status":"sent","biz_opaque_callback_data":"amtsbote:3:0"},{"id":5}],
            "messages":[{"from":49151,"id":"wamid.bad","type":"text","text":{"body":"x"}},
                        {"from":"49151","id":"wamid.good","type":"text","text":{"body":"Termin"}}]}},
            {"field":"messages","value":{"metadata":{"phone_number_id":7}}}]}]}
            """#
        let payload = try JSONDecoder().decode(MetaWebhookPayload.self, from: Data(body.utf8))
        #expect(MetaWebhookParser.messages(in: payload).map(\.externalID) == ["wamid.good"])
        #expect(MetaWebhookParser.sendConfirmations(in: payload) == [.init(entryID: 3, parts: 1)])
    }
}
