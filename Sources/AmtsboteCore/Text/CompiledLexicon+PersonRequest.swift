extension CompiledLexicon {
    /// Whether the message asks for a person (`humanRequest`), not only whether it is talking to
    /// one: "Bin ich hier mit einem echten Menschen verbunden?" and "Am I talking to a real
    /// person?" are questions about the bot (the identity reply says how to reach staff), while
    /// "Bist du ein Bot? Ich will mit einem Menschen sprechen" asks for a person.
    func requestsPerson(in folded: [String]) -> Bool {
        let (requests, asked) = personPhrases(in: folded)
        return requests.count > asked.count
    }

    /// The request-for-a-person phrases in the message, and those of them that an identity
    /// question asks about: they begin inside it or right after its words ("am i talking to a"
    /// + "real person").
    func personPhrases(in folded: [String]) -> (all: [Range<Int>], inIdentityQuestion: [Range<Int>]) {
        let requests = humanRequest.matches(in: folded)
        guard !requests.isEmpty else { return ([], []) }
        let identity = smalltalk.first { $0.0 == .identity }?.1.matches(in: folded) ?? []
        let asked = requests.filter { request in
            identity.contains { request.lowerBound >= $0.lowerBound && request.lowerBound <= $0.upperBound + 2 }
        }
        return (requests, asked)
    }
}
