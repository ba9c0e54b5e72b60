/// Joins parsed topic files into topics and runs the checks that span files: duplicate ids,
/// unknown offices and related ids, missing default language, missing translations, shared questions.
struct KnowledgeAssembler {
    let city: CityConfig?
    let files: [TopicFile]
    /// Names (`<id>.<lang>.md`) of topic files that could not be read (reported on their own).
    var unreadable: Set<String> = []

    func assemble() -> (topics: [Topic], diagnostics: [KnowledgeDiagnostic]) {
        var diagnostics: [KnowledgeDiagnostic] = []
        var byID: [String: [TopicFile]] = [:]
        for file in files { byID[file.id, default: []].append(file) }

        let defaultLanguage = city?.defaultLanguage ?? "de"
        let languages = city?.languages ?? [defaultLanguage]
        var topics: [Topic] = []
        for id in byID.keys.sorted() {
            let group = byID[id]!
            var translations: [String: TopicTranslation] = [:]
            for file in group {
                if let existing = translations[file.language] {
                    diagnostics.append(KnowledgeDiagnostic(
                        .error, file: file.translation.file, line: 1,
                        "duplicate topic id `\(id)` in `\(file.language)` (also in \(existing.file)); ids must be unique"))
                    continue
                }
                translations[file.language] = file.translation
            }
            guard let primary = group.first(where: { $0.language == defaultLanguage }) else {
                if unreadable.contains("\(id).\(defaultLanguage).md") { continue }
                diagnostics.append(KnowledgeDiagnostic(
                    .error, file: group[0].translation.file, line: 1,
                    "topic `\(id)` has no file in the default language `\(defaultLanguage)` (\(id).\(defaultLanguage).md)"))
                continue
            }
            for language in languages where translations[language] == nil {
                diagnostics.append(KnowledgeDiagnostic(
                    .warning, file: primary.translation.file, "topic `\(id)` has no `\(language)` translation (\(id).\(language).md); answered in `\(defaultLanguage)`"))
            }
            topics.append(Topic(
                id: id, category: primary.category, office: primary.office?.value, audiences: primary.audiences,
                related: primary.related.map(\.value), validFrom: primary.validFrom, validUntil: primary.validUntil,
                escalate: primary.escalate, translations: translations.filter { languages.contains($0.key) }))
        }

        let ids = Set(byID.keys)
        for file in files {
            if let office = file.office, let city, city.offices[office.value] == nil {
                diagnostics.append(KnowledgeDiagnostic(
                    .error, file: file.translation.file, line: office.line,
                    "unknown office `\(office.value)` (offices in city.yaml: \(city.offices.keys.sorted().joined(separator: ", ")))"))
            }
            for related in file.related where !ids.contains(related.value) {
                diagnostics.append(KnowledgeDiagnostic(
                    .error, file: file.translation.file, line: related.line, "unknown related topic id `\(related.value)`"))
            }
        }

        // Two topics sharing a sample question make the matcher's job impossible for that question.
        // Questions are normalised on all cores; the comparison runs in file order.
        let keys = concurrentMap(files) { file in
            file.translation.questions.map { file.language + "|" + TextNormalizer.tokens($0).joined(separator: " ") }
        }
        var owners: [String: (id: String, file: String)] = [:]
        for (file, fileKeys) in zip(files, keys) {
            for (position, question) in file.translation.questions.enumerated() {
                let line = file.translation.line(ofQuestion: position)
                let key = fileKeys[position]
                if let owner = owners[key], owner.id != file.id {
                    diagnostics.append(KnowledgeDiagnostic(
                        .warning, file: file.translation.file, line: line,
                        "sample question \"\(question)\" is also in topic `\(owner.id)` (\(owner.file))"))
                } else {
                    owners[key] = (file.id, file.translation.file)
                }
            }
        }
        return (topics, diagnostics)
    }
}
