extension Matcher {
    /// Asks every title and sample question of every topic on its own, in its language, and warns
    /// about each one that does not lead to its topic: answered with another topic, a choice without it, small
    /// talk, an emergency without it, or sent to staff. A choice that includes the topic is fine. Editors use
    /// it to find questions that collide with another topic (`amtsbote kb check --questions`).
    public func sampleQuestionDiagnostics() -> [KnowledgeDiagnostic] {
        // Each translation's title (position -1; it counts as a sample question too), then its questions.
        let asked = knowledgeBase.topics.flatMap { topic in
            topic.translations.values.sorted { $0.language < $1.language }.flatMap { translation in
                ([-1] + Array(translation.questions.indices)).map { (topic.id, translation, $0) }
            }
        }
        let results = concurrentMap(asked) { id, translation, position in
            let text = position < 0 ? translation.title : translation.questions[position]
            return miss(match(text, language: translation.language), topic: id)
        }
        return zip(asked, results).compactMap { asked, problem in
            let (_, translation, position) = asked
            return problem.map { problem in
                position < 0
                    ? KnowledgeDiagnostic(
                        .warning, file: translation.file, line: translation.titleLine, "title \"\(translation.title)\" \(problem)")
                    : KnowledgeDiagnostic(
                        .warning, file: translation.file, line: translation.line(ofQuestion: position),
                        "sample question \"\(translation.questions[position])\" \(problem)")
            }
        }
    }

    /// What is wrong with `result` for a sample question of topic `id`, or nil when it leads there.
    private func miss(_ result: MatchResult, topic id: String) -> String? {
        func names(_ candidates: [ScoredTopic]) -> String {
            candidates.prefix(3).map { "`\($0.id)` \(String(format: "%.2f", $0.score))" }.joined(separator: ", ")
        }
        switch result.outcome {
        case .answer where result.topic == id, .clarify where result.candidates.contains { $0.id == id }:
            return nil
        case .emergency where result.topic == id:
            // The emergency text comes first, then this topic's answer: fine, and safe.
            return nil
        case .answer:
            return "is answered with topic `\(result.topic ?? "?")` (\(names(result.candidates)))"
        case .clarify:
            return "gets a choice without this topic (\(names(result.candidates)))"
        case .escalate where result.escalationReason == .humanRequested:
            return "reads as a request to talk to a person"
        case .escalate:
            let best = result.candidates.isEmpty ? "no topic fits" : names(result.candidates)
            return "fits no topic confidently and would go to staff (\(best))"
        case .smalltalk:
            return "reads as small talk (\(result.smalltalk?.rawValue ?? "greeting"))"
        case .emergency:
            return "reads as an emergency (the emergency message is sent, and \(result.topic.map { "then topic `\($0)`" } ?? "nothing else"))"
        }
    }
}
