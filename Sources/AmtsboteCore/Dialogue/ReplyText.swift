/// Renders a `BotReply` for channels that cannot show Markdown or buttons.
public enum ReplyText {
    /// Plain text: Markdown emphasis and link syntax removed; choices are already numbered in the text.
    public static func plain(_ reply: BotReply) -> String {
        var text = reply.text.replacingOccurrences(of: "**", with: "")
        // [title](url) -> title: url
        while let open = text.range(of: "]("), let start = text[..<open.lowerBound].lastIndex(of: "["),
            let close = text[open.upperBound...].firstIndex(of: ")")
        {
            let title = text[text.index(after: start)..<open.lowerBound]
            let url = text[open.upperBound..<close]
            text.replaceSubrange(start...close, with: "\(title): \(url)")
        }
        return text
    }
}
