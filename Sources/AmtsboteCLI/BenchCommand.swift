import AmtsboteCore
import ArgumentParser
import Foundation

/// `amtsbote bench`: matcher throughput and latency on the sample base and a generated large base.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure matcher speed: questions per second, p50/p99 latency and load time.",
        discussion: """
            Runs on one core. Build in release mode for meaningful figures:
              swift build -c release && .build/release/amtsbote bench
            """
    )

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Option(name: .long, help: "Topics in the generated base (0 skips it).")
    var topics = 5000

    @Option(name: .long, help: "Questions to time per base.")
    var questions = 50_000

    @Option(name: .long, help: "Keep the generated base in this folder (reused when it exists).")
    var generatedFolder: String?

    func run() async throws {
        let loadStart = ContinuousClock.now
        let base = try knowledgeOptions.load()
        let matcher = Matcher(knowledgeBase: base)
        let sampleLoad = ContinuousClock.now - loadStart
        print(Self.measure(name: "sample base (\(base.topics.count) topics)", matcher: matcher, load: sampleLoad, count: questions))
        print(Self.measureHostile(matcher: matcher))

        guard topics > 0 else { return }
        let folder = generatedFolder.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("amtsbote-bench-\(UUID().uuidString)")
        if generatedFolder == nil {
            try SyntheticKnowledgeBase(topics: topics).write(to: folder)
        } else if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("city.yaml").path) {
            try SyntheticKnowledgeBase(topics: topics).write(to: folder)
        }
        defer { if generatedFolder == nil { try? FileManager.default.removeItem(at: folder) } }
        let start = ContinuousClock.now
        let (large, _) = try KnowledgeLoader.loadValid(directory: folder.path)
        let loaded = ContinuousClock.now - start
        let largeMatcher = Matcher(knowledgeBase: large)
        let total = ContinuousClock.now - start
        print("generated base: files read and checked in \(Self.ms(loaded)), index built in \(Self.ms(total - loaded))")
        print(Self.measure(name: "generated base (\(large.topics.count) topics)", matcher: largeMatcher, load: total, count: questions))
    }

    /// Times `count` questions (the base's own sample questions, varied) one at a time.
    static func measure(name: String, matcher: Matcher, load: Duration, count: Int) -> String {
        // Languages in a fixed order, so every run asks the same questions (same checksum).
        var pool = matcher.knowledgeBase.topics.flatMap { topic in
            topic.translations.keys.sorted().flatMap { topic.translations[$0]!.questions }
        }
        pool += ["Wie wird das Wetter morgen?", "Hallo!", "Danke schön", "Can I talk to a human?"]
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        var sink = 0
        let start = ContinuousClock.now
        for i in 0..<count {
            let question = pool[(i &* 7919) % pool.count]
            let t0 = ContinuousClock.now
            let result = matcher.match(question)
            latencies.append((ContinuousClock.now - t0).inSeconds)
            sink &+= result.candidates.count
        }
        let elapsed = (ContinuousClock.now - start).inSeconds
        latencies.sort()
        let p50 = latencies[latencies.count / 2] * 1e6
        let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)] * 1e6
        return String(
            format: "%@: load %@, %.0f questions/s, p50 %.1f µs, p99 %.1f µs (%d questions, checksum %d)",
            name, ms(load), Double(count) / elapsed, p50, p99, count, sink)
    }

    /// Times messages no citizen writes but anyone could send: one 4,096-letter "word", 4,096
    /// characters of 48-letter compounds of known words (Telegram's and WhatsApp's limit; the web
    /// chat takes 4,000), and 1 MB (the intake's limit, the JSON API's) of ordinary words.
    static func measureHostile(matcher: Matcher) -> String {
        var random = SystemRandomNumberGenerator()
        let parts = ["müll", "ausweis", "sperr", "abhol", "wohn", "sitz", "melde", "kita", "platz", "steuer", "bürger", "pass"]
        func compound() -> String {
            var word = ""
            while word.unicodeScalars.count < 44 { word += parts.randomElement(using: &random)! }
            return String(word.unicodeScalars.prefix(48))
        }
        var compounds = ""
        while compounds.utf16.count < 4096 { compounds += compound() + " " }
        var megabyte = ""
        let sentence = "Ich bin umgezogen und muss meine Wohnung ummelden, wo bekomme ich einen Termin? "
        while megabyte.utf8.count < 1_000_000 { megabyte += sentence }
        let cases = [
            ("one 4,096-letter word", String(repeating: "a", count: 4096)),
            ("4 KB of long compounds", compounds),
            ("1 MB of ordinary words", megabyte),
        ]
        let timings = cases.map { name, text in
            let runs = (0..<5).map { _ in
                let start = ContinuousClock.now
                _ = matcher.match(text)
                return ContinuousClock.now - start
            }
            return "\(name) \(ms(runs.sorted()[2]))"
        }
        return "hostile messages (median of 5): " + timings.joined(separator: ", ")
    }

    static func ms(_ d: Duration) -> String { String(format: "%.0f ms", d.inSeconds * 1000) }
}
