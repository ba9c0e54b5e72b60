import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle

/// A fake messaging platform on 127.0.0.1: records every request and answers from a script
/// (default: 200 with a success body).
actor FakePlatform {
    struct Recorded: Sendable {
        var method: String
        var path: String
        var query: String
        var headers: [String: String]
        var body: Data
        var receivedAt = ContinuousClock.now

        /// The body as a JSON object.
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    }

    private(set) var requests: [Recorded] = []
    private var script: [Answer] = []

    struct Answer: Sendable {
        var status: Int
        var body: String
        var headers: [String: String] = [:]
        /// How long the fake waits before answering (a client with a shorter timeout gives up).
        var delay: Duration = .zero
    }

    /// Queues answers for the next requests, in order.
    func enqueue(status: Int, body: String, headers: [String: String] = [:], delay: Duration = .zero) {
        script.append(Answer(status: status, body: body, headers: headers, delay: delay))
    }

    func record(_ request: Recorded) -> Answer {
        requests.append(request)
        if !script.isEmpty { return script.removeFirst() }
        return Answer(status: 200, body: #"{"ok":true,"result":{},"recipient_id":"x","message_id":"m"}"#)
    }

    /// Waits until at least `count` requests arrived (or the timeout), then returns them all.
    func waitForRequests(_ count: Int, timeout: Duration = .seconds(10)) async -> [Recorded] {
        let deadline = ContinuousClock.now + timeout
        while requests.count < count && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return requests
    }

    /// The router of the fake server: everything under `/` is recorded.
    nonisolated func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("**") { request, context -> Response in
            let body = try await request.body.collect(upTo: 10 * 1024 * 1024)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let answer = await self.record(Recorded(
                method: "POST", path: request.uri.path, query: request.uri.query ?? "", headers: headers,
                body: Data(Array(buffer: body))))
            if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            for (name, value) in answer.headers { fields[HTTPField.Name(name)!] = value }
            return Response(
                status: .init(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        }
        return router
    }
}

/// A logger that discards everything (tests stay quiet).
let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Runs `app` in a service group while `body` runs with the bound port; then shuts it down gracefully.
/// `start` builds the app given a callback that receives the port.
func withRunningApp<App: ApplicationProtocol, T: Sendable>(
    _ start: (@escaping @Sendable (Int) async -> Void) async throws -> App,
    _ body: (Int) async throws -> T
) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = try await start { continuation.yield($0) }
    let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: quietLogger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        do {
            let result = try await body(port)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            throw error
        }
    }
}

/// Runs a fake platform on 127.0.0.1:0 while `body` runs.
func withFakePlatform<T: Sendable>(_ body: (FakePlatform, Int) async throws -> T) async throws -> T {
    let fake = FakePlatform()
    return try await withRunningApp({ onPort in
        Application(
            router: fake.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { await onPort($0.localAddress?.port ?? 0) }, logger: quietLogger)
    }) { port in try await body(fake, port) }
}
