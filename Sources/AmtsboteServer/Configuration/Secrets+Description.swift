/// Descriptions that leave the secrets out: ServiceLifecycle logs every service at `debug`, with
/// the values it holds, and those reach the clients and their tokens.
extension MessengerClient: CustomStringConvertible, CustomDebugStringConvertible {
    var description: String { "MessengerClient(graphURL: \(graphURL), pageAccessToken: <redacted>)" }
    var debugDescription: String { description }
}

extension WhatsAppClient: CustomStringConvertible, CustomDebugStringConvertible {
    var description: String { "WhatsAppClient(graphURL: \(graphURL), accessToken: <redacted>)" }
    var debugDescription: String { description }
}

extension TelegramClient: CustomStringConvertible, CustomDebugStringConvertible {
    var description: String { "TelegramClient(apiURL: \(apiURL), botToken: <redacted>)" }
    var debugDescription: String { description }
}

extension MetaConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "MetaConfiguration(graphURL: \(graphURL), appSecret: <redacted>, verifyToken: <redacted>, "
            + "pageAccessToken: \(pageAccessToken == nil ? "nil" : "<redacted>"), "
            + "whatsAppAccessToken: \(whatsAppAccessToken == nil ? "nil" : "<redacted>"))"
    }
    public var debugDescription: String { description }
}

extension TelegramConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "TelegramConfiguration(apiURL: \(apiURL), botToken: <redacted>, secretToken: <redacted>)" }
    public var debugDescription: String { description }
}
