import AmtsboteCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `GET` and `POST /webhooks/meta`: Messenger, Instagram and WhatsApp Cloud on one endpoint.
struct MetaWebhookController: Sendable {
    let configuration: MetaConfiguration
    let signature: MetaSignature
    let intake: Intake

    static let signatureHeader = HTTPField.Name("X-Hub-Signature-256")!

    init(configuration: MetaConfiguration, intake: Intake) {
        self.configuration = configuration
        self.signature = MetaSignature(appSecret: configuration.appSecret)
        self.intake = intake
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/webhooks/meta") { request, _ in try verify(request) }
        router.post("/webhooks/meta") { request, context in try await receive(request, context: context) }
    }

    /// The subscription handshake: echo `hub.challenge` when mode and token are right, else 403.
    func verify(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        guard query["hub.mode"].map(String.init) == "subscribe",
            let token = query["hub.verify_token"].map(String.init),
            ConstantTime.equals(token, configuration.verifyToken),
            let challenge = query["hub.challenge"].map(String.init)
        else { throw APIError.forbidden }
        return Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: challenge)))
    }

    /// An event delivery: signature over the raw bytes and a syntax check, then the body is
    /// stored as it is and answered with 200; it is decoded later, from storage.
    func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let header = request.headers[Self.signatureHeader] else { throw APIError.unauthorized }
        let bytes = Array(buffer: body)
        guard signature.isValid(header: header, body: bytes) else { throw APIError.forbidden }
        guard JSONSyntax.isValid(bytes) else { throw APIError.notJSON }
        try await intake.accept(.meta, body: Data(bytes))
        return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "EVENT_RECEIVED")))
    }
}
