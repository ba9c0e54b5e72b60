import AmtsboteStore
import Hummingbird

/// `GET /healthz` (the process is up) and `GET /readyz` (knowledge loaded, database writable).
struct HealthController: Sendable {
    let knowledge: KnowledgeService
    let database: AmtsboteDatabase

    func register(on router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in "ok" }
        router.get("/readyz") { _, _ -> Response in
            let loaded = await knowledge.engine != nil
            let writable = await database.isWritable()
            guard loaded && writable else {
                let reason = !loaded ? "knowledge base not loaded" : "database not writable"
                return Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: reason)))
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready")))
        }
    }
}
