extension AnswerFocus {
    /// What a follow-up can ask about any service. Words for understanding only, never for what
    /// the bot says.
    enum Concept: CaseIterable, Sendable {
        case cost, duration, documents, appointment, deadline, hours, place

        /// Asking about opening hours or where and how to reach the office is answered by the
        /// office's contact block, which the answer text itself may not repeat.
        var asksForOffice: Bool { self == .hours || self == .place }
    }

    /// Per language and concept: the message words that ask about it and the answer words that
    /// answer it. Both are folded tokens (ä → a); a trailing `*` matches any token with that prefix,
    /// used only where every word it reaches has the meaning: whole words where a prefix would
    /// reach another ("Wochenende", "weekly", library "books", "paper bin").
    struct ConceptWords: Sendable {
        var asks: [String]
        var answers: [String]
        /// Everyday words that ask about the concept only when nothing else is asked: "Was
        /// brauche ich dafür?" asks for documents, "Brauche ich einen Termin?" for an appointment.
        var asksAlone: [String] = []

        init(asks: [String], answers: [String], asksAlone: [String] = []) {
            self.asks = asks
            self.answers = answers
            self.asksAlone = asksAlone
        }

        /// Words that both ask and answer (weekdays, opening hours).
        init(_ words: [String]) { self.init(asks: words, answers: words) }
    }

    static func words(_ concept: Concept, language: String) -> ConceptWords? {
        switch language {
        case "de": german(concept)
        case "en": english(concept)
        default: nil
        }
    }

    private static func german(_ concept: Concept) -> ConceptWords {
        switch concept {
        case .cost:
            ConceptWords(
                asks: ["kost*", "gebuhr*", "preis*", "wieviel", "teuer*", "gunstig*", "bezahl*", "zahl*", "umsonst", "gratis"],
                answers: ["kost*", "gebuhr*", "preis*", "euro*", "€", "bezahl*", "zahl*", "umsonst", "gratis"])
        case .duration:
            ConceptWords(
                // Not "dauer*": "dauerhaft" (permanently) says nothing about how long something takes.
                asks: ["dauer", "dauert", "dauern", "dauere", "dauerte", "lange", "schnell*", "wartezeit*", "bearbeitungszeit*", "express*"],
                answers: [
                    "dauer", "dauert", "dauern", "dauerte", "lange", "schnell*", "woche", "wochen", "werktag*", "tag", "tage", "tagen", "monat",
                    "monate", "monaten",
                    "wartezeit*", "bearbeitungszeit*", "express*",
                ])
        case .documents:
            ConceptWords(
                asks: ["unterlage*", "dokument*", "nachweis*", "mitbring*", "mitnehm*", "vorleg*"],
                answers: ["unterlage*", "dokument*", "nachweis*", "mitbring*", "mitnehm*", "vorleg*", "bringen"],
                asksAlone: ["brauch*", "benotig*", "notig"])
        case .appointment:
            ConceptWords(asks: ["termin*"], answers: ["termin*", "buchen", "online*"])
        case .deadline:
            ConceptWords(asks: ["frist*", "spatestens"], answers: ["frist*", "spatestens", "innerhalb"])
        case .hours:
            ConceptWords([
                "offnungszeit*", "sprechzeit*", "geoffnet", "offen", "montag*", "dienstag*", "mittwoch*", "donnerstag*",
                "freitag*", "samstag*", "sonntag*", "wochenende*", "feiertag*", "uhr",
            ])
        case .place:
            ConceptWords(
                asks: ["wo", "wohin", "adresse*", "anschrift", "telefon*", "kontakt*", "erreich*", "anfahrt", "hin", "hinkomm*"],
                answers: ["adresse*", "anschrift", "telefon*", "kontakt*", "erreich*", "anfahrt", "haltestelle*", "bushaltestelle*"])
        }
    }

    private static func english(_ concept: Concept) -> ConceptWords {
        switch concept {
        case .cost:
            ConceptWords(
                asks: ["cost*", "fee*", "price*", "much", "expensive", "cheap*", "pay*", "charge*", "free"],
                answers: ["cost*", "fee*", "price*", "euro*", "€", "pay*", "charge*", "free"])
        case .duration:
            ConceptWords(
                asks: ["long", "take", "takes", "quick*", "fast*", "express", "wait*"],
                answers: [
                    "long", "take", "takes", "quick*", "fast*", "express", "wait*", "week", "weeks", "day", "days", "month", "months",
                ])
        case .documents:
            ConceptWords(
                asks: ["document*", "papers", "paperwork", "proof*", "bring*"],
                answers: ["document*", "papers", "paperwork", "proof*", "bring*"],
                asksAlone: ["need*", "require*"])
        case .appointment:
            ConceptWords(asks: ["appointment*"], answers: ["appointment*", "book", "booking", "booked", "online"])
        case .deadline:
            ConceptWords(asks: ["deadline*", "latest"], answers: ["deadline*", "latest", "within"])
        case .hours:
            ConceptWords([
                "open*", "hour*", "monday*", "tuesday*", "wednesday*", "thursday*", "friday*", "saturday*", "sunday*",
                "weekend*", "holiday*",
            ])
        case .place:
            ConceptWords(
                asks: ["where", "address*", "phone*", "contact*", "reach", "directions", "located", "location"],
                answers: ["address*", "phone*", "directions", "bus", "stop"])
        }
    }
}
