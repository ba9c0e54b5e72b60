import Foundation

extension CitizenExport {
    /// Fields the records keep as JSON text, by list: the database stores them so, but in a
    /// person's copy of their data a quoted string full of escaped quotes is unreadable.
    static let nestedJSONFields: [String: [String]] = [
        "conversations": ["state", "address"],
        "cases": ["candidates"],
        "inboundEvents": ["payload"],
        "outboxEntries": ["reply"],
    ]

    /// The export as JSON for the person it is about (pretty-printed, sorted keys, ISO 8601
    /// dates), with the fields stored as JSON text nested as JSON. A field whose text is not
    /// valid JSON stays a string.
    public func readableJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let flat = try encoder.encode(self)
        guard var object = try JSONSerialization.jsonObject(with: flat) as? [String: Any] else { return flat }
        for (list, fields) in Self.nestedJSONFields {
            guard let rows = object[list] as? [[String: Any]] else { continue }
            object[list] = rows.map { row in
                var row = row
                for field in fields {
                    guard let text = row[field] as? String,
                        let nested = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
                    else { continue }
                    row[field] = nested
                }
                return row
            }
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
