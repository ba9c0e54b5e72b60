import Foundation

/// Why a staff action on a case was refused. Structured, so each edge (CLI, HTTP) can say in its
/// own words what to do next (`claimedByOther` carries who has the case, so no message parsing is needed).
public enum CaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No case has this number.
    case notFound(number: Int)
    /// Another staff member has the case; `force` would take it over.
    case claimedByOther(number: Int, assignee: String)
    /// The action needs an open case, but it is closed.
    case closed(number: Int)
    /// `reopen` on a case that is not closed.
    case notClosed(number: Int)
    /// `reopen` while the same conversation already has another case that is not closed.
    case otherCaseOpen(number: Int, other: Int)
    /// The platform no longer allows a reply; `since` is when the window closed (nil: never opened).
    case replyWindowClosed(number: Int, channel: String, since: Date?)
    /// The conversation behind the case no longer exists (erased on request).
    case conversationGone(number: Int)
    /// The text of a reply or note is empty.
    case emptyText

    public var description: String {
        switch self {
        case .notFound(let number): return "case \(number) not found"
        case .claimedByOther(let number, let assignee): return "case \(number) is claimed by \(assignee)"
        case .closed(let number): return "case \(number) is closed"
        case .notClosed(let number): return "case \(number) is not closed"
        case .otherCaseOpen(let number, let other): return "case \(number) cannot be reopened while case \(other) is open"
        case .replyWindowClosed(let number, let channel, _): return "the \(channel) reply window for case \(number) has closed"
        case .conversationGone(let number): return "the conversation of case \(number) no longer exists"
        case .emptyText: return "the text is empty"
        }
    }
}
