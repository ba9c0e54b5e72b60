import Foundation
import HTTPTypes
import Hummingbird

/// Errors a client may see: a status, a stable code and a sentence for the client's developer
/// saying what to change; never internal details.
enum APIError: Error, HTTPResponseError {
    /// The request is not what the route accepts; the reason says what is wrong with it.
    case malformed(String)
    case unauthorized
    case forbidden
    case notFound
    case unavailable
    /// The body is over the size limit (bytes).
    case tooLarge(limit: Int)

    /// A webhook body that is not JSON.
    static let notJSON = APIError.malformed("the body is not valid JSON")
    /// A message with neither text nor a choice payload.
    static let noText = APIError.malformed("text or payload is required")

    var status: HTTPResponse.Status {
        switch self {
        case .malformed: return .badRequest
        case .unauthorized: return .unauthorized
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .unavailable: return .serviceUnavailable
        case .tooLarge: return .contentTooLarge
        }
    }

    var code: String {
        switch self {
        case .malformed: return "malformed_request"
        case .unauthorized: return "unauthorized"
        case .forbidden: return "forbidden"
        case .notFound: return "not_found"
        case .unavailable: return "unavailable"
        case .tooLarge: return "too_large"
        }
    }

    var message: String {
        switch self {
        case .malformed(let reason): return reason
        case .unauthorized: return "credentials or signature missing"
        case .forbidden: return "credentials or signature do not match"
        case .notFound: return "no such resource"
        case .unavailable: return "not ready yet, try again shortly"
        case .tooLarge(let limit): return "the body is larger than \(limit) bytes"
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let body = try JSONEncoder().encode(["error": code, "message": message])
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
