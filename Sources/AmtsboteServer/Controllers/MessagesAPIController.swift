import AmtsboteCore
import AmtsboteStore
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /api/messages` with `Authorization: Bearer <AMTSBOTE_API_TOKEN>`:
/// `{"sender": "...", "id": "...", "text": "..."}` in, `{"replies": [...]}` out;
/// `GET /api/messages?sender=…&after=<id>` → `{"messages":[…]}`, later messages (staff replies).
struct MessagesAPIController: Sendable {
    let token: String
    let conversation: DirectConversation
    let database: AmtsboteDatabase

    struct Input: Decodable {
        var sender: String
        var id: String
        /// Optional when a `payload` is given.
        var text: String?
        /// Optional: a choice payload from an earlier reply (`topic:<id>`).
        var payload: String?
        /// Optional language hint (`de`, `en`).
        var language: String?
    }


    func register(on router: Router<AppRequestContext>) {
        router.post("/api/messages") { request, context in try await receive(request, context: context) }
        router.get("/api/messages") { request, _ in try await poll(request) }
    }

    /// Staff replies reach API citizens this way: they were recorded as sent but nobody could fetch them.
    func poll(_ request: Request) async throws -> Response {
        try authorize(request)
        let query = request.uri.queryParameters
        guard let sender = query["sender"].map(String.init), Self.isValidField(sender) else {
            throw APIError.malformed(Self.fieldRule("sender"))
        }
        return try await MessagePoll.response(
            database: database, channel: .api, senderID: sender, after: try MessagePoll.cursor(in: query))
    }

    private func authorize(_ request: Request) throws {
        guard let authorization = request.headers[.authorization] else { throw APIError.unauthorized }
        guard authorization.hasPrefix("Bearer "), ConstantTime.equals(String(authorization.dropFirst(7)), token) else {
            throw APIError.forbidden
        }
    }

    func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        try authorize(request)
        guard let input = try? JSONDecoder().decode(Input.self, from: Data(Array(buffer: body))) else {
            throw APIError.malformed(#"expected a JSON object {"sender", "id", "text" or "payload"} with string values"#)
        }
        guard Self.isValidField(input.sender) else { throw APIError.malformed(Self.fieldRule("sender")) }
        guard Self.isValidField(input.id) else { throw APIError.malformed(Self.fieldRule("id")) }
        let text = input.text ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || input.payload != nil else {
            throw APIError.noText
        }
        guard (input.payload?.unicodeScalars.count ?? 0) <= WebChatController.maximumPayload else {
            throw APIError.malformed("payload is longer than \(WebChatController.maximumPayload) characters")
        }
        guard (input.language?.unicodeScalars.count ?? 0) <= WebChatController.maximumLanguage else {
            throw APIError.malformed("language must be a language code such as de or en")
        }
        let message = InboundMessage(
            channel: .api, senderID: input.sender, externalID: Self.externalID(sender: input.sender, id: input.id),
            kind: input.payload == nil ? .text : .choice, text: text, payload: input.payload, languageHint: input.language)
        return try JSONResponse.make(DirectReplyOutput(try await conversation.handle(message)))
    }

    /// The idempotency key per sender: ids were global, so a second sender's "m1" was taken for a
    /// redelivery of the first one's and silently dropped. The sender's length keeps "a:b" + "c"
    /// apart from "a" + "b:c".
    static func externalID(sender: String, id: String) -> String {
        "\(sender.utf8.count):\(sender):\(id)"
    }

    static func isValidField(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 256
    }

    static func fieldRule(_ name: String) -> String { "\(name) must be 1 to 256 bytes" }
}

/// Encodes a JSON response.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
