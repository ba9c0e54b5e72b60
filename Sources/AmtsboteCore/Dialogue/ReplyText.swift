/// Renders a `BotReply` for channels that cannot show Markdown or buttons.
public enum ReplyText {
    /// Plain text: Markdown emphasis and link syntax removed; choices are already numbered in the text.
    public static func plain(_ reply: BotReply) -> String {
        // Standard-library searching: Foundation's would bridge every call through NSString on Linux.
        var text = reply.text.replacing("**", with: "")
        // [title](url) -> title: url
        while let open = text.firstRange(of: "]("), let start = text[..<open.lowerBound].lastIndex(of: "["),
            let close = text[open.upperBound...].firstIndex(of: ")")
        {
            let title = text[text.index(after: start)..<open.lowerBound]
            let url = text[open.upperBound..<close]
            text.replaceSubrange(start...close, with: "\(title): \(url)")
        }
        return text
    }
}
