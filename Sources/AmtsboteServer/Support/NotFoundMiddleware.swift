import Hummingbird

/// Gives requests that match no route the same JSON refusal as every other error
/// (`{"error": "not_found", "message": …}`) instead of Hummingbird's empty 404.
///
/// Add it after the last route: Hummingbird applies router middleware only to the routes added
/// after it and to the not-found responder, so matched requests never pass through it.
struct NotFoundMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            throw APIError.notFound
        }
    }
}
