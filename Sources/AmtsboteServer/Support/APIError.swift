import Foundation
import HTTPTypes
import Hummingbird

/// Errors a client may see: a status and a stable code, never internal details.
enum APIError: Error, HTTPResponseError {
    case malformed
    case unauthorized
    case forbidden
    case notFound
    case unavailable

    var status: HTTPResponse.Status {
        switch self {
        case .malformed: return .badRequest
        case .unauthorized: return .unauthorized
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .unavailable: return .serviceUnavailable
        }
    }

    var code: String {
        switch self {
        case .malformed: return "malformed_request"
        case .unauthorized: return "unauthorized"
        case .forbidden: return "forbidden"
        case .notFound: return "not_found"
        case .unavailable: return "unavailable"
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: #"{"error":"\#(code)"}"#)))
    }
}
