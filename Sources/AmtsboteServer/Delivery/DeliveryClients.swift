import AmtsboteCore

/// The platform client of each channel that is switched on.
public struct DeliveryClients: Sendable {
    private var clients: [Channel: any PlatformClient]

    public init(_ clients: [Channel: any PlatformClient] = [:]) {
        self.clients = clients
        // Web chat and API replies are read from the message log; nothing to push.
        for channel in [Channel.webchat, .api] where self.clients[channel] == nil {
            self.clients[channel] = LogOnlyClient()
        }
    }

    /// The clients for a configuration: Messenger and Instagram with a page token, WhatsApp with
    /// its token, Telegram with a bot token.
    init(configuration: ServerConfiguration, transport: any HTTPTransport) {
        var clients: [Channel: any PlatformClient] = [:]
        if let meta = configuration.meta {
            if let token = meta.pageAccessToken {
                let messenger = MessengerClient(transport: transport, graphURL: meta.graphURL, pageAccessToken: token)
                clients[.messenger] = messenger
                clients[.instagram] = messenger
            }
            if let token = meta.whatsAppAccessToken {
                clients[.whatsapp] = WhatsAppClient(transport: transport, graphURL: meta.graphURL, accessToken: token)
            }
        }
        if let telegram = configuration.telegram {
            clients[.telegram] = TelegramClient(transport: transport, apiURL: telegram.apiURL, botToken: telegram.botToken)
        }
        self.init(clients)
    }

    public subscript(channel: Channel) -> (any PlatformClient)? { clients[channel] }
}
