extension EscalationReason {
    /// How much a reason asks of staff. A message joining an open case with a weightier reason
    /// gives the case that reason: a request to erase one's data written into a case about a
    /// question must reach staff as a data request (it has a legal deadline), a request for a
    /// person as one.
    public var precedence: Int {
        switch self {
        case .noQuestion: 0
        case .noMatch, .topicRequiresStaff: 1
        case .humanRequested: 2
        case .dataRequest: 3
        }
    }
}
