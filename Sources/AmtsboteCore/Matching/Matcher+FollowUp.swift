extension Matcher {
    /// Words rarer than this in everyday language (Zipf) are a subject of their own ("WLAN",
    /// "Toilette", "Bus"); more common ones ("Frau", "kids") can be about the topic in hand.
    static let subjectZipf: Float = 5.0

    /// Whether a short follow-up ("und was kostet das?") is about `contextTopic`, the topic
    /// answered last (the caller has checked that no other topic is clearly ahead). It refers
    /// back, and either it names no other topic (or fits none confidently) and brings no subject
    /// of its own that the context topic does not mention ("und gibt es dort WLAN?", "and is there
    /// a public toilet?"), or the context topic fits it nearly as well as the best (`contextScore`)
    /// and it names no topic the context topic is not asked about too: "und gibt es Parkplätze?"
    /// after the town hall, which a moving-van parking ban fits a little better, stays there;
    /// "Where is the lost property office?" after the lost ID card does not.
    func continues(
        _ contextTopic: String, tokens: [String], contentTokens: [String], language: String, best: Double,
        contextScore: Double
    ) -> Bool {
        guard let position = knowledgeBase.position(of: contextTopic),
            isFollowUp(tokens, contentTokens: contentTokens, language: language)
        else { return false }
        let c = configuration
        let nearlyBest = contextScore >= c.marginThreshold && contextScore >= best * c.marginRatio
        return ((best < c.answerThreshold || !namesATopic(contentTokens, language: language))
            && !bringsNewSubject(contentTokens, topic: position, language: language, everydayCounts: best >= c.answerThreshold))
            || (nearlyBest && !namesATopic(contentTokens, language: language, except: contextTopic))
    }

    /// A short message that asks only about an aspect of a service ("Öffnungszeiten?", "Kosten?",
    /// "Und am Samstag?"). After an answer it asks about that topic's aspect, even when a topic
    /// about the aspect itself (the town hall's opening hours) fits the words better.
    /// Aspect words of every language count ("Telefonnummer?" in a conversation held in English).
    /// Aspect words that are also function words count too: "What do I need?" has no content word.
    func asksOnlyAspect(_ tokens: [String], contentTokens: [String]) -> Bool {
        func isAspect(_ token: String) -> Bool { compiled.values.contains { $0.lexicon.aspects.contains(token) } }
        return tokens.count <= 6 && contentTokens.allSatisfy(isAspect) && tokens.contains(where: isAspect)
    }

    /// A short message that refers back ("und was kostet das?", "and how long does it take?").
    /// Thanks or a greeting before it do not make it longer ("Danke. Und wie komme ich da hin?").
    private func isFollowUp(_ tokens: [String], contentTokens: [String], language: String) -> Bool {
        let compiled = compiled[language] ?? CompiledLexicon(Lexicon.builtIn(language))
        let smalltalk = compiled.smalltalkKinds(in: tokens.map(TextNormalizer.fold)).covered.count
        return tokens.count - smalltalk <= 10 && contentTokens.count <= 3
            && tokens.contains { compiled.lexicon.followUp.contains($0) }
    }

    /// Whether a content word of the message is asked about in only a few topics (in their
    /// keywords, titles or sample questions: "Reisepass", "Sperrmüll"), unlike words that many
    /// topics' questions share ("kostet", "Unterlagen", "dauert").
    /// With `except`, words that topic is asked about too do not count: "Parkplätze" after the
    /// town hall names it as much as the moving-van parking ban. Words for people never count.
    private func namesATopic(_ contentTokens: [String], language: String, except: String? = nil) -> Bool {
        guard let index = indexes[language] else { return false }
        let few = max(3, index.topicCount / 10)
        let excepted = except.flatMap { knowledgeBase.position(of: $0) }.map(Int32.init)
        let lexicon = compiled[language]
        return contentTokens.contains { token in
            // A person or a place says for whom or where, not what about: "und meine Frau?",
            // "und in Österreich?" name no topic.
            guard lexicon?.namesPersonOrPlace(token) != true, let term = index.termIDs[index.vocabulary.stem(of: token)] else { return false }
            let asked = index.askingPostings(of: term)
            return asked.count <= few && !asked.contains { $0.topic == excepted }
        }
    }

    /// Whether a content word is a subject of its own that the topic at `position` does not
    /// mention anywhere (in any language, also as a synonym, spelling correction, or through all
    /// of its compound parts): a rare word, unknown to the base or found in only a few other
    /// topics; or, with `everydayCounts` (another topic fits the message confidently), an everyday
    /// word that other topics are asked about ("and what about my car?" after the appointment
    /// booking), unless it names a person ("und meine Frau?"). A place never does ("und wenn ich
    /// nach Spanien ziehe?" stays with the deregistration). "Wo ist die Stelle?" fits no topic
    /// confidently: it stays with the topic in hand.
    private func bringsNewSubject(_ contentTokens: [String], topic position: Int, language: String, everydayCounts: Bool) -> Bool {
        let frequency = frequencies[language] ?? WordFrequencies.shared(language)
        let lexicon = compiled[language]
        let aspects = lexicon?.lexicon.aspects ?? []
        let topic = Int32(position)
        return contentTokens.contains { token in
            guard token.count > 1, !aspects.contains(token), lexicon?.places.contains(token) != true else { return false }
            let everyday = frequency.zipf(token) >= Self.subjectZipf
            if everyday && (!everydayCounts || lexicon?.people.contains(token) == true) { return false }
            var elsewhere = 0
            var askedIn = 0
            for index in indexes.values {
                func mentioned(_ term: Int32) -> Bool { index.topic(topic, has: term) }
                let terms = queryTokens([token], in: index).flatMap { $0.alternatives.map(\.term) }
                if terms.contains(where: mentioned) { return false }
                elsewhere = max(elsewhere, terms.map { index.postings[Int($0)].count }.max() ?? 0)
                if everyday { askedIn = max(askedIn, terms.map { index.askingPostings(of: $0).count }.max() ?? 0) }
                // A compound whose parts the topic all mentions: "Elektrogeräte" for "Elektrogroßgeräte".
                if let parts = index.vocabulary.compoundParts(of: token), parts.count > 1,
                    parts.allSatisfy({ index.termIDs[$0].map(mentioned) ?? false })
                {
                    return false
                }
            }
            // Asked about in some topics, not in most ("stellen" is in every "Antrag stellen").
            if everyday { return askedIn > 0 && askedIn <= knowledgeBase.topics.count / 5 }
            // A word many topics mention ("Unterlagen", "Gebühr") is no subject of its own.
            return elsewhere <= max(3, knowledgeBase.topics.count / 10)
        }
    }
}
