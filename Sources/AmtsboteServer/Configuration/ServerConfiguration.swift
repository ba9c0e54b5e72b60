import AmtsboteStore
import Foundation

/// Everything `amtsbote serve` needs, read once at start. Secrets come only from the environment;
/// a channel is on when its secrets are set.
///
/// Environment keys:
/// - `META_APP_SECRET`, `META_VERIFY_TOKEN`, `META_PAGE_ACCESS_TOKEN` (Messenger, Instagram),
///   `WHATSAPP_ACCESS_TOKEN`, `META_GRAPH_URL` (default `https://graph.facebook.com/v21.0`)
/// - `TELEGRAM_BOT_TOKEN`, `TELEGRAM_SECRET_TOKEN`, `TELEGRAM_API_URL` (default `https://api.telegram.org`)
/// - `AMTSBOTE_API_TOKEN` (generic JSON API)
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Knowledge base folder.
    public var knowledgeDirectory: String
    /// SQLite file (its folder is created when missing).
    public var databasePath: String
    public var meta: MetaConfiguration?
    public var telegram: TelegramConfiguration?
    /// Bearer token of `POST /api/messages`; the route is off without it.
    public var apiToken: String?
    /// Whether acknowledgements wait until the message is synced to the disk (`full`, the
    /// default: it survives a power cut) or only written (`normal`: it survives a crash of the
    /// process, the last moment before a power cut may be lost; faster).
    public var synchronous: SynchronousMode = .full
    /// Seconds after which a connection that sends nothing (also one stuck halfway through a
    /// request) is closed.
    public var idleTimeout = 60
    public var tuning: Tuning

    public init(
        host: String = "0.0.0.0", port: Int = 8080, knowledgeDirectory: String = "./knowledge",
        databasePath: String = "./data/amtsbote.sqlite", meta: MetaConfiguration? = nil,
        telegram: TelegramConfiguration? = nil, apiToken: String? = nil, tuning: Tuning = Tuning()
    ) {
        self.host = host
        self.port = port
        self.knowledgeDirectory = knowledgeDirectory
        self.databasePath = databasePath
        self.meta = meta
        self.telegram = telegram
        self.apiToken = apiToken
        self.tuning = tuning
    }

    /// Reads the channel secrets from `environment` (empty values count as unset).
    public mutating func readSecrets(from environment: [String: String]) {
        func value(_ key: String) -> String? {
            guard let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        if let appSecret = value("META_APP_SECRET"), let verifyToken = value("META_VERIFY_TOKEN") {
            meta = MetaConfiguration(
                appSecret: appSecret, verifyToken: verifyToken, pageAccessToken: value("META_PAGE_ACCESS_TOKEN"),
                whatsAppAccessToken: value("WHATSAPP_ACCESS_TOKEN"),
                graphURL: value("META_GRAPH_URL") ?? MetaConfiguration.defaultGraphURL)
        }
        if let token = value("TELEGRAM_BOT_TOKEN"), let secret = value("TELEGRAM_SECRET_TOKEN") {
            telegram = TelegramConfiguration(
                botToken: token, secretToken: secret, apiURL: value("TELEGRAM_API_URL") ?? TelegramConfiguration.defaultAPIURL)
        }
        apiToken = value("AMTSBOTE_API_TOKEN")
    }
}

/// Meta (Messenger, Instagram, WhatsApp Cloud) settings.
public struct MetaConfiguration: Sendable {
    public static let defaultGraphURL = "https://graph.facebook.com/v21.0"
    /// Key of the `X-Hub-Signature-256` HMAC.
    public var appSecret: String
    /// Token Meta echoes in the `GET` handshake.
    public var verifyToken: String
    /// Page token for sending on Messenger and Instagram.
    public var pageAccessToken: String?
    /// Bearer token for sending on WhatsApp.
    public var whatsAppAccessToken: String?
    /// Graph API base URL, including the version.
    public var graphURL: String

    public init(
        appSecret: String, verifyToken: String, pageAccessToken: String? = nil, whatsAppAccessToken: String? = nil,
        graphURL: String = MetaConfiguration.defaultGraphURL
    ) {
        self.appSecret = appSecret
        self.verifyToken = verifyToken
        self.pageAccessToken = pageAccessToken
        self.whatsAppAccessToken = whatsAppAccessToken
        self.graphURL = graphURL
    }
}

/// Telegram bot settings.
public struct TelegramConfiguration: Sendable {
    public static let defaultAPIURL = "https://api.telegram.org"
    public var botToken: String
    /// Expected `X-Telegram-Bot-Api-Secret-Token` (set with `setWebhook`).
    public var secretToken: String
    public var apiURL: String

    public init(botToken: String, secretToken: String, apiURL: String = TelegramConfiguration.defaultAPIURL) {
        self.botToken = botToken
        self.secretToken = secretToken
        self.apiURL = apiURL
    }
}

/// Timings and limits; defaults suit production, tests shorten them.
public struct Tuning: Sendable {
    /// Largest accepted request body.
    public var maxBodyBytes = 1024 * 1024
    /// How often the knowledge folder is checked for changes (zero: never, only on SIGHUP).
    public var knowledgePollInterval: Duration = .seconds(3)
    /// Messages per sender allowed within `rateLimitWindow`.
    public var rateLimitMessages = 20
    public var rateLimitWindow: Duration = .seconds(60)
    /// First retry delay of the outbox; doubled per attempt.
    public var retryBaseDelay: Duration = .seconds(2)
    /// Longest retry delay.
    public var retryMaxDelay: Duration = .seconds(600)
    /// Delivery attempts before an entry is marked failed.
    public var maxDeliveryAttempts = 8
    /// Stored events processed per transaction. Kept small: acknowledgements wait for the
    /// transaction in progress (see `burstWindow`).
    public var processingBatchSize = 8
    /// Stored events processed per transaction while webhooks keep arriving: short transactions
    /// keep the acknowledgements from waiting long for the database.
    public var processingBatchSizeUnderLoad = 4
    /// Stored webhook bodies decoded per transaction once webhooks stop arriving. Decoding runs
    /// ahead of answering (it is much cheaper), so that after a burst the platform's echoes and
    /// statuses, queued behind the backlog, are read soon (see `confirmationWait`).
    public var expansionBatchSize = 64
    /// Requests per second from which intake counts as a burst (see `backgroundShareUnderLoad`).
    /// Far above a city's normal traffic, and above the echoes and statuses the platforms send for
    /// the bot's own replies while a backlog is worked off.
    public var burstArrivalRate = 2000.0
    /// Length of the windows the arrival rate is measured over. Short, so that a burst is noticed
    /// before full-size transactions have slowed its acknowledgements, and with them the very rate
    /// it is recognised by: with 100 ms windows, 32 events and 256 bodies per transaction, a steady
    /// load from 4 connections could settle at about 1k requests/s instead of 5–7k (README).
    public var burstWindow: Duration = .milliseconds(25)
    /// The share of time background processing takes while webhooks keep arriving (0…1], and
    /// delivery as well (each its own share): under a burst acknowledgements come first and the
    /// durable backlog is worked off afterwards.
    public var backgroundShareUnderLoad = 0.05
    /// After a crash, how long a reply that was being sent waits for the platform to confirm it
    /// (Messenger or Instagram echo, WhatsApp status) before its unconfirmed parts are sent again
    /// (and only once the webhook bodies received in that time are read: under a backlog the
    /// confirmation may be among them). Also the least delay before a send that got no answer is retried.
    public var confirmationWait: Duration = .seconds(60)
    /// Outbox sends in flight at once.
    public var deliveryConcurrency = 16
    /// Timeout of one outbound HTTP request.
    public var requestTimeout: Duration = .seconds(10)
    /// How often committed WAL pages are copied back into the database file (in the background,
    /// so that no commit does it while requests wait).
    public var checkpointInterval: Duration = .milliseconds(250)
    /// How often the retention purge runs.
    public var purgeInterval: Duration = .seconds(24 * 3600)
    /// Retention period in days for closed cases and message texts.
    public var retentionDays = 90

    public init() {}
}

extension Tuning {
    /// How long background work that took `worked` rests under a burst, so that it takes
    /// `backgroundShareUnderLoad` of the time (the share clamped to 0.01…1).
    func restUnderLoad(after worked: Duration) -> Duration {
        let share = min(max(backgroundShareUnderLoad, 0.01), 1)
        return worked * ((1 - share) / share)
    }
}
