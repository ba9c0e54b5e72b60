/// Decoding that skips what it cannot read instead of refusing the whole body: Meta batches the
/// events of many citizens in one webhook, and one event in an odd shape must not drop the others.
extension KeyedDecodingContainer {
    /// The elements of the array at `key` that decode as `T`, the others skipped; nil when the
    /// key is missing or holds no array.
    func decodeEach<T: Decodable>(_ type: T.Type, forKey key: Key) -> [T]? {
        guard var items = try? nestedUnkeyedContainer(forKey: key) else { return nil }
        var result: [T] = []
        while !items.isAtEnd {
            if let element = try? items.decode(T.self) {
                result.append(element)
            } else if (try? items.decode(SkippedValue.self)) == nil {
                break  // cannot move past it; keep what was read
            }
        }
        return result
    }

    /// The value at `key` when it decodes as `T`; nil when it is missing or of another type.
    func decodeLeniently<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(T.self, forKey: key)) ?? nil
    }

    /// A number at `key`, also when written as a string (Meta's newer postbacks send the
    /// timestamp as one); nil otherwise.
    func decodeInt64Leniently(forKey key: Key) -> Int64? {
        decodeLeniently(Int64.self, forKey: key) ?? decodeLeniently(String.self, forKey: key).flatMap { Int64($0) }
    }
}

/// Any JSON value, read and thrown away.
private struct SkippedValue: Decodable {
    init(from decoder: any Decoder) throws {}
}
