/// One problem found while loading a knowledge base, with the file and line it concerns.
public struct KnowledgeDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    /// Path relative to the knowledge base folder.
    public var file: String
    /// 1-based line number, when known.
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: error: message`, the format compilers use, so editors can jump to it.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// The outcome of loading a knowledge base: the base (when it has no errors) and every diagnostic.
public struct KnowledgeLoadResult: Sendable {
    public var knowledgeBase: KnowledgeBase?
    public var diagnostics: [KnowledgeDiagnostic]

    public var errors: [KnowledgeDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [KnowledgeDiagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Thrown by `KnowledgeLoader.loadValid` when a base has errors.
public struct KnowledgeBaseInvalid: Error, CustomStringConvertible {
    public var directory: String
    public var diagnostics: [KnowledgeDiagnostic]
    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }
        return (["The knowledge base in \(directory) has \(errors.count) error(s):"] + errors.map(\.description))
            .joined(separator: "\n")
    }
}
