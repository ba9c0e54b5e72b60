import Foundation

/// Maps platform answers to `DeliveryError`: which failures are worth retrying.
enum PlatformErrorClassifier {
    /// Meta Graph error codes that are temporary (rate limits, "try again" failures).
    static let metaTemporaryCodes: Set<Int> = [1, 2, 4, 17, 32, 341, 613, 1200, 80007, 130429, 131000, 131016, 131056, 131057]

    /// A Graph API (Messenger, Instagram, WhatsApp) answer that was not a success.
    static func meta(_ response: InboundResponse) -> DeliveryError {
        let error = (try? JSONDecoder().decode(GraphErrorBody.self, from: response.body))?.error
        let code = error?.code
        let reason = "HTTP \(response.status)" + (code.map { " code \($0)" } ?? "") + (error?.errorSubcode.map { "/\($0)" } ?? "")
        if response.status == 429 || response.status >= 500 || code.map(metaTemporaryCodes.contains) == true {
            return .temporary(reason, retryAfter: retryAfterHeader(response))
        }
        return .permanent(reason)
    }

    /// A Telegram Bot API answer that was not a success.
    static func telegram(_ response: InboundResponse) -> DeliveryError {
        let body = try? JSONDecoder().decode(TelegramErrorBody.self, from: response.body)
        let code = body?.errorCode ?? response.status
        let reason = "HTTP \(response.status) error_code \(code)"
        if code == 429 || response.status == 429 || response.status >= 500 {
            return .temporary(reason, retryAfter: body?.parameters?.retryAfter ?? retryAfterHeader(response))
        }
        return .permanent(reason)
    }

    /// A transport failure: temporary when the request cannot have left (no connection, no host),
    /// uncertain otherwise (a timeout or a lost connection: the platform may have taken it).
    static func transport(_ error: any Error) -> DeliveryError {
        if let error = error as? DeliveryError { return error }
        guard let code = (error as? URLError)?.code else { return .uncertain("transport: \(type(of: error))") }
        return notSent.contains(code) ? .temporary("transport: URLError \(code.rawValue)") : .uncertain("transport: URLError \(code.rawValue)")
    }

    /// Transport errors raised before a request went out.
    static let notSent: Set<URLError.Code> = [
        .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet, .badURL, .unsupportedURL,
    ]

    private static func retryAfterHeader(_ response: InboundResponse) -> Double? {
        response.headers["retry-after"].flatMap(Double.init)
    }

    private struct GraphErrorBody: Decodable {
        var error: GraphError?
    }

    private struct GraphError: Decodable {
        var code: Int?
        var errorSubcode: Int?
        enum CodingKeys: String, CodingKey {
            case code
            case errorSubcode = "error_subcode"
        }
    }

    private struct TelegramErrorBody: Decodable {
        var errorCode: Int?
        var parameters: Parameters?
        enum CodingKeys: String, CodingKey {
            case errorCode = "error_code"
            case parameters
        }
        struct Parameters: Decodable {
            var retryAfter: Double?
            enum CodingKeys: String, CodingKey { case retryAfter = "retry_after" }
        }
    }
}
