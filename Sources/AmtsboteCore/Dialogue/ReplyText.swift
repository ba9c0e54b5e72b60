/// Renders a `BotReply` for channels that cannot show Markdown or buttons.
public enum ReplyText {
    /// Plain text: Markdown emphasis and link syntax removed (`[title](url)` becomes `title: url`);
    /// choices are already numbered in the text. Works on UTF-8 bytes (every marker is ASCII):
    /// character-by-character String handling costs more than the rest of a send.
    public static func plain(_ reply: BotReply) -> String {
        let bytes = withoutDoubleStars(Array(reply.text.utf8))
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), let link = link(in: bytes, at: index) {
                output += bytes[(index + 1)..<link.titleEnd]
                output += [UInt8(ascii: ":"), UInt8(ascii: " ")]
                output += bytes[(link.titleEnd + 2)..<link.close]
                index = link.close + 1
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func withoutDoubleStars(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// The `](` ending the title and the `)` closing the link that opens at `start` (no other `[` between).
    private static func link(in bytes: [UInt8], at start: Int) -> (titleEnd: Int, close: Int)? {
        var index = start + 1
        while index + 1 < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "]") where bytes[index + 1] == UInt8(ascii: "("):
                guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
                return (index, close)
            default: index += 1
            }
        }
        return nil
    }
}
