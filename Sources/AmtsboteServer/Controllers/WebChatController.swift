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
    let knowledge: KnowledgeService
    let assets: WebChatAssets

    struct Input: Decodable {
        var session: String
        var id: String
        var text: String?
        var payload: String?
        var language: String?
    }


    func register(on router: Router<AppRequestContext>) {
        router.get("/chat") { request, _ in try await page(request) }
        router.get("/chat/:file") { _, context in try assets.response(for: try context.parameters.require("file")) }
        router.post("/chat/api/messages") { request, context in try await send(request, context: context) }
        router.get("/chat/api/messages") { request, _ in try await poll(request) }
    }

    /// The page in the language asked for (`?lang=`, else `Accept-Language`), with the city's texts.
    func page(_ request: Request) async throws -> Response {
        guard let city = await knowledge.engine?.knowledgeBase.city else { throw APIError.unavailable }
        let language = WebChatPage.language(
            requested: request.uri.queryParameters["lang"].map(String.init),
            acceptLanguage: request.headers[.acceptLanguage], offered: city.languages)
        return assets.response(html: assets.page.render(language: language, city: city), language: language)
    }

    func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let input = try? JSONDecoder().decode(Input.self, from: Data(Array(buffer: body))) else {
            throw APIError.malformed(#"expected a JSON object {"session", "id", "text" or "payload"}"#)
        }
        guard Self.isValidSession(input.session) else { throw APIError.malformed(Self.sessionRule) }
        guard MessagesAPIController.isValidField(input.id) else { throw APIError.malformed(MessagesAPIController.fieldRule("id")) }
        let text = input.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty || input.payload != nil else { throw APIError.noText }
        // Counted in Unicode scalars: one "character" may carry thousands of combining marks.
        guard text.unicodeScalars.count <= Self.maximumText else {
            throw APIError.malformed("text is longer than \(Self.maximumText) characters")
        }
        guard (input.payload?.unicodeScalars.count ?? 0) <= Self.maximumPayload else {
            throw APIError.malformed("payload is longer than \(Self.maximumPayload) characters")
        }
        guard (input.language?.unicodeScalars.count ?? 0) <= Self.maximumLanguage else {
            throw APIError.malformed("language must be a language code such as de or en")
        }
        let message = InboundMessage(
            channel: .webchat, senderID: input.session, externalID: "\(input.session):\(input.id)",
            kind: input.payload == nil ? .text : .choice, text: text, payload: input.payload, languageHint: input.language)
        return try JSONResponse.make(DirectReplyOutput(try await conversation.handle(message)))
    }

    func poll(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        guard let session = query["session"].map(String.init), Self.isValidSession(session) else {
            throw APIError.malformed(Self.sessionRule)
        }
        let after = try MessagePoll.cursor(in: query)
        return try await MessagePoll.response(database: database, channel: .webchat, senderID: session, after: after)
    }

    /// The longest message the page lets a visitor type (its textarea's `maxlength`).
    static let maximumText = 4000
    /// Choice payloads are ours (`topic:<id>`); a language hint is a code.
    static let maximumPayload = 256
    static let maximumLanguage = 16

    static let sessionRule = "session must be 16 to 64 letters, digits, - or _"

    /// Session ids are random strings made by the page: 16–64 letters, digits or dashes.
    static func isValidSession(_ session: String) -> Bool {
        (16...64).contains(session.utf8.count)
            && session.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }
}

/// The web chat's files, read once from the target's resources: the page template, its default
/// texts, the stylesheet and the script.
struct WebChatAssets: Sendable {
    private let files: [String: (contentType: String, bytes: [UInt8])]
    /// The page template with its default texts.
    let page: WebChatPage

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
    ]

    /// Loads `chat.css`, `chat.js`, `index.html` and `texts.json` from the bundle's `WebChat` folder.
    init(bundle: Bundle = .module) {
        func load(_ name: String) -> Data? {
            let parts = name.split(separator: ".")
            return bundle.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "WebChat")
                .flatMap { try? Data(contentsOf: $0) }
        }
        var files: [String: (String, [UInt8])] = [:]
        for name in ["chat.css", "chat.js"] {
            guard let data = load(name), let ext = name.split(separator: ".").last else { continue }
            files[name] = (Self.contentTypes[String(ext)] ?? "application/octet-stream", Array(data))
        }
        self.files = files
        let defaults = load("texts.json").flatMap { try? JSONDecoder().decode([String: [String: String]].self, from: $0) }
        page = WebChatPage(template: load("index.html").map { String(decoding: $0, as: UTF8.self) } ?? "", defaults: defaults ?? [:])
    }

    func response(for name: String) throws -> Response {
        guard let file = files[name] else { throw APIError.notFound }
        return Response(
            status: .ok,
            headers: [.contentType: file.contentType, .cacheControl: "no-cache", .contentSecurityPolicy: Self.policy],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// The rendered page; it varies with the visitor's language.
    func response(html: String, language: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: Self.contentTypes["html"] ?? "text/html", .contentLanguage: language, .vary: "Accept-Language",
                .cacheControl: "no-cache", .contentSecurityPolicy: Self.policy,
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Nothing from other hosts; embeddable in the city's site.
    static let policy = "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:"
}
