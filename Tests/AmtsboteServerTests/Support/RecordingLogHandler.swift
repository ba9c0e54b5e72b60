import Logging
import Synchronization

/// Log entries kept by `RecordingLogHandler`, shared by every logger made from it.
final class LogRecord: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
        var label: String

        /// Message, metadata keys and values in one string, for searching.
        var flattened: String {
            ([message] + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        }
    }

    private let entries = Mutex<[Entry]>([])

    var all: [Entry] { entries.withLock { $0 } }

    func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }

    /// A logger that records into this record everything at `level` and above.
    func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "test") { label in RecordingLogHandler(label: label, record: self) }
        logger.logLevel = level
        return logger
    }
}

/// A swift-log handler that keeps what it is given, so tests can check what the server logs.
struct RecordingLogHandler: LogHandler {
    let label: String
    let record: LogRecord
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        var values = merged.mapValues { "\($0)" }
        if let error = event.error { values["error"] = "\(error)" }
        record.append(.init(level: event.level, message: event.message.description, metadata: values, label: label))
    }
}
