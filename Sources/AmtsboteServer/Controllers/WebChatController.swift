import AmtsboteCore
import AmtsboteStore
import Foundation
import HTTPTypes
import Hummingbird

/// The web chat: the page at `/chat` (plain HTML, CSS and JavaScript from this target's
/// resources) and its JSON API. The browser keeps a random session id; staff replies arrive by polling.
///
/// - `POST /chat/api/messages` `{"session","id","text"}` or `{"session","id","payload"}` → `{"replies":[…]}`
/// - `GET /chat/api/messages?session=…&after=<id>` → `{"messages":[…]}` (bot and staff messages after `after`)
struct WebChatController: Sendable {
    let conversation: DirectConversation
    let database: AmtsboteDatabase
    let assets: WebChatAssets

    struct Input: Decodable {
        var session: String
        var id: String
        var text: String?
        var payload: String?
        var language: String?
    }


    struct Poll: Encodable {
        var messages: [ReplyPayload]
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/chat") { _, _ in try assets.response(for: "index.html") }
        router.get("/chat/:file") { _, context in try assets.response(for: try context.parameters.require("file")) }
        router.post("/chat/api/messages") { request, context in try await send(request, context: context) }
        router.get("/chat/api/messages") { request, _ in try await poll(request) }
    }

    func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let input = try? JSONDecoder().decode(Input.self, from: Data(Array(buffer: body))),
            Self.isValidSession(input.session), MessagesAPIController.isValidField(input.id)
        else { throw APIError.malformed }
        let text = input.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty || input.payload != nil, text.count <= 4000 else { throw APIError.malformed }
        let message = InboundMessage(
            channel: .webchat, senderID: input.session, externalID: "\(input.session):\(input.id)",
            kind: input.payload == nil ? .text : .choice, text: text, payload: input.payload, languageHint: input.language)
        return try JSONResponse.make(DirectReplyOutput(try await conversation.handle(message)))
    }

    func poll(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        guard let session = query["session"].map(String.init), Self.isValidSession(session) else { throw APIError.malformed }
        let after = query["after"].flatMap { Int64(String($0)) } ?? 0
        guard let conversation = try await database.conversation(channel: .webchat, senderID: session),
            let conversationID = conversation.id
        else { return try JSONResponse.make(Poll(messages: [])) }
        let records = try await database.outgoingMessages(conversationID: conversationID, after: after)
        return try JSONResponse.make(Poll(messages: records.map { ReplyPayload(record: $0, reply: nil) }))
    }

    /// Session ids are random strings made by the page: 16–64 letters, digits or dashes.
    static func isValidSession(_ session: String) -> Bool {
        (16...64).contains(session.utf8.count)
            && session.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }
}

/// The web chat's static files, read once from the target's resources.
struct WebChatAssets: Sendable {
    private let files: [String: (contentType: String, bytes: [UInt8])]

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
    ]

    /// Loads `index.html`, `chat.css` and `chat.js` from the bundle's `WebChat` folder.
    init(bundle: Bundle = .module) {
        var files: [String: (String, [UInt8])] = [:]
        for name in ["index.html", "chat.css", "chat.js"] {
            let parts = name.split(separator: ".")
            guard let url = bundle.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "WebChat"),
                let data = try? Data(contentsOf: url)
            else { continue }
            files[name] = (Self.contentTypes[String(parts[1])] ?? "application/octet-stream", Array(data))
        }
        self.files = files
    }

    func response(for name: String) throws -> Response {
        guard let file = files[name] else { throw APIError.notFound }
        return Response(
            status: .ok,
            headers: [.contentType: file.contentType, .cacheControl: "no-cache", .contentSecurityPolicy: Self.policy],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// Nothing from other hosts; embeddable in the city's site.
    static let policy = "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:"
}
