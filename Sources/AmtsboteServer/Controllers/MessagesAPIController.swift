import AmtsboteCore
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /api/messages` with `Authorization: Bearer <AMTSBOTE_API_TOKEN>`:
/// `{"sender": "...", "id": "...", "text": "..."}` in, `{"replies": [...]}` out.
struct MessagesAPIController: Sendable {
    let token: String
    let conversation: DirectConversation

    struct Input: Decodable {
        var sender: String
        var id: String
        var text: String
        /// Optional: a choice payload from an earlier reply (`topic:<id>`).
        var payload: String?
        /// Optional language hint (`de`, `en`).
        var language: String?
    }


    func register(on router: Router<AppRequestContext>) {
        router.post("/api/messages") { request, context in try await receive(request, context: context) }
    }

    func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let authorization = request.headers[.authorization] else { throw APIError.unauthorized }
        guard authorization.hasPrefix("Bearer "), ConstantTime.equals(String(authorization.dropFirst(7)), token) else {
            throw APIError.forbidden
        }
        guard let input = try? JSONDecoder().decode(Input.self, from: Data(Array(buffer: body))) else {
            throw APIError.malformed(#"expected a JSON object {"sender", "id", "text"}"#)
        }
        guard Self.isValidField(input.sender) else { throw APIError.malformed(Self.fieldRule("sender")) }
        guard Self.isValidField(input.id) else { throw APIError.malformed(Self.fieldRule("id")) }
        guard !input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || input.payload != nil else {
            throw APIError.noText
        }
        let message = InboundMessage(
            channel: .api, senderID: input.sender, externalID: input.id, kind: input.payload == nil ? .text : .choice,
            text: input.text, payload: input.payload, languageHint: input.language)
        return try JSONResponse.make(DirectReplyOutput(try await conversation.handle(message)))
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
