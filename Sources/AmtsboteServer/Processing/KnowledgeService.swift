import AmtsboteCore
import Foundation
import Logging

/// Holds the knowledge base in use and swaps it when the folder changes. A new base with errors
/// is refused (its problems logged as `kb check` prints them) and the previous one stays in use.
actor KnowledgeService {
    /// A loaded base with the engine built from it.
    struct Loaded: Sendable {
        var knowledgeBase: KnowledgeBase
        var engine: DialogueEngine
        var fingerprint: String
    }

    let directory: String
    private let logger: Logger
    private(set) var current: Loaded?

    init(directory: String, logger: Logger) {
        self.directory = directory
        self.logger = logger
    }

    /// The dialogue engine of the base in use (nil before a valid base was loaded).
    var engine: DialogueEngine? { current?.engine }

    /// Loads the base when its files changed since the last load (or when forced).
    /// - Returns: whether a new base is now in use.
    @discardableResult
    func reload(force: Bool = false) -> Bool {
        let fingerprint = KnowledgeLoader.fingerprint(directory: directory)
        if !force, let current, current.fingerprint == fingerprint { return false }
        let result = KnowledgeLoader.load(directory: directory)
        for warning in result.warnings {
            logger.debug("knowledge warning", metadata: ["diagnostic": "\(warning.description)"])
        }
        guard let base = result.knowledgeBase else {
            for error in result.errors { logger.error("knowledge error", metadata: ["diagnostic": "\(error.description)"]) }
            logger.error(
                current == nil ? "knowledge base has errors; nothing loaded" : "knowledge base has errors; keeping the previous one",
                metadata: ["directory": "\(directory)", "errors": "\(result.errors.count)"])
            // Remember the broken fingerprint so the same files are not reloaded every poll.
            current?.fingerprint = fingerprint
            return false
        }
        current = Loaded(knowledgeBase: base, engine: DialogueEngine(knowledgeBase: base), fingerprint: fingerprint)
        logger.info("knowledge base loaded", metadata: ["directory": "\(directory)", "topics": "\(base.topics.count)"])
        return true
    }
}
