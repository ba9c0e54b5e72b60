import AmtsboteCore
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /webhooks/telegram`: one `Update` per request, authenticated by the secret token header.
struct TelegramWebhookController: Sendable {
    let configuration: TelegramConfiguration
    let intake: Intake

    static let secretHeader = HTTPField.Name("X-Telegram-Bot-Api-Secret-Token")!

    func register(on router: Router<AppRequestContext>) {
        router.post("/webhooks/telegram") { request, context in try await receive(request, context: context) }
    }

    func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let secret = request.headers[Self.secretHeader] else { throw APIError.unauthorized }
        guard ConstantTime.equals(secret, configuration.secretToken) else { throw APIError.forbidden }
        let update: TelegramUpdate
        do {
            update = try JSONDecoder().decode(TelegramUpdate.self, from: Data(Array(buffer: body)))
        } catch {
            throw APIError.malformed
        }
        if let message = TelegramUpdateParser.message(in: update) {
            try await intake.accept([message])
        }
        return Response(status: .ok)
    }
}
