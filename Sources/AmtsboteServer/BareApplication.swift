import Hummingbird
import Logging

/// A bare Hummingbird server that answers every POST with 200 and does nothing else: the
/// baseline the webhook benchmark compares `serve` against.
public func buildBareApplication(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
    let router = Router()
    router.post("**") { request, context -> Response in
        _ = try await request.body.collect(upTo: context.maxUploadSize)
        return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "EVENT_RECEIVED")))
    }
    return Application(router: router, configuration: .init(address: .hostname(host, port: port)), logger: logger)
}
