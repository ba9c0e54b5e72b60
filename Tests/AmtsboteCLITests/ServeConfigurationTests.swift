import AmtsboteStore
import ArgumentParser
import Foundation
import Testing

@testable import AmtsboteCLI

/// `serve`'s settings: an option wins over the environment, the environment over the default,
/// and a bad value is refused with a message that names it.
@Suite struct ServeConfigurationTests {
    private func configuration(_ arguments: [String], environment: [String: String] = [:]) throws -> (port: Int, share: Double, wait: Duration) {
        let command = try ServeCommand.parse(arguments)
        let configuration = try command.serverConfiguration(environment: environment)
        return (configuration.port, configuration.tuning.backgroundShareUnderLoad, configuration.tuning.confirmationWait)
    }

    @Test func optionsThenEnvironmentThenDefaults() throws {
        let defaults = try configuration([])
        #expect(defaults.port == 8080 && defaults.share == 0.05 && defaults.wait == .seconds(60))
        let environment = ["AMTSBOTE_PORT": "9000", "AMTSBOTE_BACKGROUND_SHARE": "0.5", "AMTSBOTE_CONFIRMATION_WAIT": "120"]
        let fromEnvironment = try configuration([], environment: environment)
        #expect(fromEnvironment.port == 9000 && fromEnvironment.share == 0.5 && fromEnvironment.wait == .seconds(120))
        let fromOptions = try configuration(
            ["--port", "9001", "--background-share", "0.1", "--confirmation-wait", "5"], environment: environment)
        #expect(fromOptions.port == 9001 && fromOptions.share == 0.1 && fromOptions.wait == .seconds(5))
    }

    @Test func acknowledgementsAreSyncedUnlessNormalIsChosen() throws {
        #expect(try ServeCommand.parse([]).serverConfiguration(environment: [:]).synchronous == .full)
        let normal = ["AMTSBOTE_SYNCHRONOUS": "normal"]
        #expect(try ServeCommand.parse([]).serverConfiguration(environment: normal).synchronous == .normal)
        #expect(try ServeCommand.parse(["--synchronous", "FULL"]).serverConfiguration(environment: normal).synchronous == .full)
    }

    @Test func theRetentionPeriodIsTheOnePrivacyPurgeUses() throws {
        // serve ignored AMTSBOTE_RETENTION_DAYS: its daily purge kept 90 days while `privacy purge` used 30.
        #expect(try ServeCommand.parse([]).serverConfiguration(environment: [:]).tuning.retentionDays == 90)
        let thirty = ["AMTSBOTE_RETENTION_DAYS": "30"]
        #expect(try ServeCommand.parse([]).serverConfiguration(environment: thirty).tuning.retentionDays == 30)
        #expect(try ServeCommand.parse(["--retention-days", "14"]).serverConfiguration(environment: thirty).tuning.retentionDays == 14)
        #expect(throws: (any Error).self) { try ServeCommand.parse([]).serverConfiguration(environment: ["AMTSBOTE_RETENTION_DAYS": "0"]) }
    }

    @Test func theKnowledgePollCanBeSetOrTurnedOff() throws {
        #expect(try ServeCommand.parse([]).serverConfiguration(environment: [:]).tuning.knowledgePollInterval == .seconds(3))
        let off = ["AMTSBOTE_KNOWLEDGE_POLL": "0"]
        #expect(try ServeCommand.parse([]).serverConfiguration(environment: off).tuning.knowledgePollInterval == .zero)
        #expect(try ServeCommand.parse(["--knowledge-poll", "30"]).serverConfiguration(environment: off).tuning.knowledgePollInterval == .seconds(30))
    }

    @Test(arguments: [
        (["AMTSBOTE_KNOWLEDGE_POLL": "often"], "AMTSBOTE_KNOWLEDGE_POLL must be a number of seconds, not often."),
        (["AMTSBOTE_KNOWLEDGE_POLL": "-3"], "The knowledge poll interval must be between 0 and 3600 seconds."),
        (["AMTSBOTE_SYNCHRONOUS": "off"], "The synchronous mode must be full or normal, not off."),
        (["AMTSBOTE_CONFIRMATION_WAIT": "soon"], "AMTSBOTE_CONFIRMATION_WAIT must be a number of seconds, not soon."),
        (["AMTSBOTE_CONFIRMATION_WAIT": "-1"], "The confirmation wait must be between 0 and 86400 seconds."),
        (["AMTSBOTE_BACKGROUND_SHARE": "2"], "The background share must be between 0.01 and 1."),
        (["AMTSBOTE_PORT": "x"], "AMTSBOTE_PORT must be a number, not x."),
    ])
    func badValuesAreNamed(environment: [String: String], message: String) throws {
        #expect(throws: ValidationError.self) { try configuration([], environment: environment) }
        do {
            _ = try configuration([], environment: environment)
        } catch let error as ValidationError {
            #expect(error.message == message)
        }
    }
}
