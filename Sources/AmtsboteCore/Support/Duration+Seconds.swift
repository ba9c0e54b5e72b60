extension Duration {
    /// The duration in seconds, with its fraction (for rates, backoff and timeouts).
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
