import Hummingbird

/// The request context of every route: Hummingbird's core storage plus our upload limit.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Largest accepted body; larger ones get 413 (Hummingbird maps the collect error).
    public var maxUploadSize: Int { 1024 * 1024 }

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }
}
