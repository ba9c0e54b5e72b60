import AmtsboteCore
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /webhooks/telegram`: one `Update` per request, authenticated by the secret token header,
/// stored as it arrived and decoded later by the background processor.
struct TelegramWebhookController: Sendable {
    let configuration: TelegramConfiguration
    let intake: Intake

    static let secretHeader = HTTPField.Name("X-Telegram-Bot-Api-Secret-Token")!

    func register(on router: Router<AppRequestContext>) {
        router.post("/webhooks/telegram") { request, context in try await receive(request, context: context) }
    }

    func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let secret = request.headers[Self.secretHeader] else { throw APIError.unauthorized }
        guard ConstantTime.equals(secret, configuration.secretToken) else { throw APIError.forbidden }
        let bytes = Array(buffer: body)
        guard JSONSyntax.isValid(bytes) else { throw APIError.notJSON }
        // Stored as it is and decoded later, from storage.
        try await intake.accept(.telegram, body: Data(bytes))
        return Response(status: .ok)
    }
}
