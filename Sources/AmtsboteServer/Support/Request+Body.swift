import Hummingbird
import NIOCore

extension Request {
    /// The whole body; over `limit` bytes the request is refused with 413 and a JSON reason
    /// (`APIError.tooLarge`) instead of Hummingbird's empty 413.
    func collectBody(upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: limit)
        }
    }
}
