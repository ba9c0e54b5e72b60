import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `kill -HUP` makes the running `amtsbote serve` reload its knowledge base, here with the poll
/// for changed files turned off (`--knowledge-poll 0`). Run on the real executable in a process of
/// its own: a signal sent to the test runner before a handler is installed would end it.
@Suite struct SighupTests {
    /// What the child process writes, kept as it comes (the pipe must be drained).
    private final class Output: Sendable {
        private let text = Mutex("")
        func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        var all: String { text.withLock { $0 } }
    }

    @Test func sighupReloadsTheKnowledgeBase() async throws {
        let executable = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("amtsbote")
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "build it first: swift build --build-tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-hup-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: ServerHarness.fixtureKnowledge), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let topic = folder.appendingPathComponent("topics/amt/anmeldung.de.md")

        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "serve", "--host", "127.0.0.1", "--port", "0", "--knowledge", folder.path, "--knowledge-poll", "0",
            "--database", folder.appendingPathComponent("data/amtsbote.sqlite").path,
        ]
        process.environment = ["AMTSBOTE_API_TOKEN": TestSecrets.apiToken, "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        let output = Output()
        pipe.fileHandleForReading.readabilityHandler = { output.append($0.availableData) }
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            pipe.fileHandleForReading.readabilityHandler = nil
        }

        // The port it listens on, from its log line `… port=<n> listening`.
        var port: Int?
        #expect(await waitUntil {
            port = output.all.firstMatch(of: /port=(\d+)/).flatMap { Int($0.1) }
            return port != nil
        }, "no port in: \(output.all)")
        let base = try #require(port)
        func answer() async throws -> String {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(base)/api/messages")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(TestSecrets.apiToken)", forHTTPHeaderField: "Authorization")
            let id = UUID().uuidString
            request.httpBody = Data(#"{"sender":"\#(id)","id":"\#(id)","text":"x","payload":"topic:anmeldung"}"#.utf8)
            let (data, _) = try await URLSession.shared.data(for: request)
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try await answer().contains("zwei Wochen"))

        // Without a poll the edit is not seen (a second is ample: the default poll is every 3 s).
        let text = try String(contentsOf: topic, encoding: .utf8)
        try text.replacingOccurrences(of: "zwei Wochen", with: "drei Wochen").write(to: topic, atomically: true, encoding: .utf8)
        try await Task.sleep(for: .seconds(1))
        #expect(try await answer().contains("zwei Wochen"))

        kill(process.processIdentifier, SIGHUP)
        #expect(try await waitUntil(timeout: .seconds(5)) { try await answer().contains("drei Wochen") })
        #expect(output.all.contains("SIGHUP: reloading knowledge base"))
        #expect(process.isRunning)
    }
}
