import AmtsboteCore
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One outbound HTTP request.
public struct OutboundRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?

    public init(method: String = "POST", url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// A JSON POST.
    static func json(_ url: URL, body: some Encodable, headers: [String: String] = [:]) throws -> OutboundRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers["Content-Type"] = "application/json"
        return OutboundRequest(url: url, headers: headers, body: try encoder.encode(body))
    }
}

/// The answer to an outbound request.
public struct InboundResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends HTTP requests. Errors thrown are transport failures (timeouts, refused connections).
public protocol HTTPTransport: Sendable {
    func send(_ request: OutboundRequest) async throws -> InboundResponse
}

/// `HTTPTransport` over Foundation's URLSession.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// - Parameter timeout: per-request timeout, rounded up to whole seconds (at least one).
    public init(timeout: Duration = .seconds(10)) {
        let configuration = URLSessionConfiguration.ephemeral
        let seconds = Self.wholeSeconds(timeout)
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        configuration.httpMaximumConnectionsPerHost = 16
        // Every send is a POST answered once: nothing to cache.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// Foundation on Linux arms its timeout timer with whole seconds (`Int(interval) * 1000`
    /// milliseconds): a fraction is dropped, and anything under a second fails every request at once.
    static func wholeSeconds(_ timeout: Duration) -> Double {
        max(1, timeout.inSeconds.rounded(.up))
    }

    public func send(_ request: OutboundRequest) async throws -> InboundResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // libcurl would ask "Expect: 100-continue" for bodies over 1 KB and wait for the answer:
        // one round trip more per reply for nothing (the body is small and sent anyway).
        urlRequest.setValue("", forHTTPHeaderField: "Expect")
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw DeliveryError.temporary("no HTTP response") }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return InboundResponse(status: http.statusCode, headers: headers, body: data)
    }
}
