import Foundation
import Testing

@testable import AmtsboteCore

/// The pieces the index is built from: numbered words, posting lists, the spelling index.
@Suite("Index build")
struct IndexBuildTests {
    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test("isDeletion: exactly one scalar removed, anywhere", arguments: [
        ("fuhrerschein", "fuhrerschen", true),
        ("fuhrerschein", "uhrerschein", true),
        ("fuhrerschein", "fuhrerschei", true),
        ("sperrmull", "sperrmul", true),
        ("fuhrerschein", "fuhrerschein", false),
        ("fuhrerschein", "fuhrerschien", false),
        ("fuhrerschein", "fuhrerscein", true),
        ("fuhrerschein", "fuhrrschen", false),
        ("abc", "x", false),
    ])
    func isDeletion(_ word: String, _ variant: String, _ expected: Bool) {
        #expect(DeletionTable.isDeletion(Self.scalars(variant), of: Self.scalars(word)) == expected)
    }

    @Test("the deletion table finds exactly the words a variant comes from", arguments: [
        ("auswis", [0]),
        ("ausweis", []),  // same length as the word: not a deletion
        ("sperrmul", [1, 1]),  // either "l" removed
        ("fuhrerscein", [2]),
        ("personalausweis", []),
        ("kur", []),  // "kurz" is too short to be indexed
    ])
    func deletionTable(_ variant: String, _ expected: [Int32]) {
        let words = ["ausweis", "sperrmull", "fuhrerschein", "kurz"]
        let table = DeletionTable(words: words) { words[$0].count >= 7 }
        #expect(table.words(withDeletion: Self.scalars(variant)).sorted() == expected.sorted())
    }

    @Test("words of the same length are one edit apart only by one substitution or one swap of neighbours", arguments: [
        ("fuhrerschein", "fuhrerschien", true),  // swap
        ("fuhrerschein", "fuhrerscheon", true),  // substitution
        ("umsagen", "zusagen", false),  // share "usagen", but two edits apart
        ("ausweis", "auswies", true),
        ("ausweis", "asuwies", false),
    ])
    func substitutionOrSwap(_ a: String, _ b: String, _ expected: Bool) {
        #expect(DeletionTable.isSubstitutionOrSwap(Self.scalars(a), Self.scalars(b)) == expected)
    }

    @Test("on the sample city, a spelling correction is one edit away: \"umsägen\" is not \"zusagen\"")
    func correctionsAreOneEdit() throws {
        let vocabulary = try #require(SampleCity.requireMatcher().indexes["de"]).vocabulary
        #expect(vocabulary.correction(of: "umsägen") == nil)
        #expect(vocabulary.correction(of: "fuhrerschien") == vocabulary.stem(of: "führerschein"))
    }

    @Test("posting lists keep each term's values in the order they were added")
    func postingLists() {
        let pairs = [(2, "a"), (0, "b"), (2, "c"), (3, "d"), (0, "e")]
        let lists = PostingLists(termCount: 4, filler: "") { add in
            for (term, value) in pairs { add(term, value) }
        }
        #expect(lists.count == 4)
        #expect((0..<4).map { Array(lists[$0]) } == [["b", "e"], [], ["a", "c"], ["d"]])
        #expect((0..<4).map(lists.listCount) == [2, 0, 2, 1])
    }

    @Test("paragraphs split like String.split(separator: \"\\n\")", arguments: [
        "eins\nzwei\n\ndrei",
        "\n\nvorne und hinten\n\n",
        "a\r\nb",  // "\r\n" is one Character: no split
        "a\r\r\nb",
        "a\n\u{301}b",  // a combining mark never joins a line break
        "ümlaut\nstraße\r\n",
        "",
    ])
    func paragraphs(_ body: String) {
        #expect(TopicWords.paragraphs(body).map(String.init) == body.split(separator: "\n").map(String.init))
    }

    @Test("tokens are numbered on first sight in reading order: title, answer, questions, keywords")
    func topicWords() throws {
        let translation = TopicTranslation(
            language: "de", title: "Sperrmüll anmelden", questions: ["Wie melde ich Sperrmüll an?"],
            keywords: ["Sperrmüll"], body: "Sperrmüll holen wir ab.\nAnmelden online.", links: [], file: "t.de.md")
        let words = TopicWords(translations: [translation, nil])
        #expect(words.tokens == ["sperrmüll", "anmelden", "holen", "wir", "ab", "online", "wie", "melde", "ich", "an"])
        #expect(words.occurrences[0] == 4 && words.occurrences[1] == 2)
        let fields = try #require(words.topics[0])
        #expect(fields.title == [0, 1])
        #expect(fields.paragraphs == [[0, 2, 3, 4], [1, 5]])
        #expect(fields.questions == [[6, 7, 8, 0, 9]])
        #expect(fields.keywords == [[0]])
        #expect(words.topics[1] == nil)
    }

    @Test("a one-word keyword weighs as a keyword, each word of a longer keyword as a title word")
    func multiWordKeywords() throws {
        let translation = TopicTranslation(
            language: "en", title: "Apply for a passport", questions: ["How do I get a passport?"],
            keywords: ["reisepass", "48 pages", "express passport"], body: "Bring a photo.")
        let topic = Topic(id: "reisepass", translations: ["en": translation])
        let index = TopicIndex(
            language: "en", topics: [topic], functionWords: FunctionWords(lexicons: ["en": Lexicon.builtIn("en")]))
        func weight(_ word: String) throws -> Float {
            let term = try #require(index.termIDs[index.vocabulary.stem(of: word)], "\(word)")
            return try #require(index.postings[Int(term)].first).weight
        }
        #expect(try weight("reisepass") == TopicIndex.FieldWeight.keyword)
        #expect(try weight("pages") == TopicIndex.FieldWeight.title)
        #expect(try weight("express") == TopicIndex.FieldWeight.title)
        // A word that is also a keyword of its own (here via the title) keeps its strongest field.
        #expect(try weight("passport") == TopicIndex.FieldWeight.title)
        #expect(try weight("photo") == TopicIndex.FieldWeight.body)
    }

    @Test("a head ending in s is a word before an s-word when both are words (Grund|steuer, not Grunds|teuer)")
    func linkingS() throws {
        let translation = TopicTranslation(
            language: "de", title: "Grundsteuer", questions: ["Was kostet die Steuer auf Grund und Boden?"],
            body: "Teuer ist sie nicht. Am Geburtstag zahlen Sie nichts. Die Arbeit im Amt.")
        let index = TopicIndex(
            language: "de", topics: [Topic(id: "grundsteuer", translations: ["de": translation])],
            functionWords: FunctionWords(lexicons: ["de": Lexicon.builtIn("de")]))
        let vocabulary = index.vocabulary
        #expect(vocabulary.compoundParts(of: "grundsteuer") == ["grund", "steuer"].map { vocabulary.stem(of: $0) })
        // A real linking s: "Arbeits|amt" ("samt" is no word here).
        #expect(vocabulary.compoundParts(of: "arbeitsamt") == ["arbeit", "amt"].map { vocabulary.stem(of: $0) })
    }

    @Test("every known stem has postings, sorted by topic, and each sample question (and title) points to its topic")
    func indexInvariants() throws {
        let base = try MiniCity.base()
        let matcher = try MiniCity.requireMatcher()
        for (language, index) in matcher.indexes {
            #expect(index.postings.count == index.vocabulary.stems.count)
            for term in 0..<index.postings.count {
                let topics = index.postings[term].map(\.topic)
                #expect(!topics.isEmpty && topics == topics.sorted() && Set(topics).count == topics.count, "\(language) \(term)")
            }
            // Each translation's sample questions and its title, which counts as one.
            let questions = base.topics.map { $0.translations[language].map { $0.questions.count + 1 } ?? 0 }.reduce(0, +)
            #expect(index.questionTopics.count == questions)
            #expect(index.questionTopics == index.questionTopics.sorted())
        }
    }
}
