import Crypto
import Foundation

/// Checks Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
struct MetaSignature: Sendable {
    let key: SymmetricKey
    /// HMAC state with the key already absorbed, copied for each body (saves the key setup).
    private let keyed: HMAC<SHA256>

    init(appSecret: String) {
        key = SymmetricKey(data: Array(appSecret.utf8))
        keyed = HMAC<SHA256>(key: key)
    }

    /// Whether `header` is a valid signature of `body`, compared in constant time.
    func isValid(header: String?, body: [UInt8]) -> Bool {
        guard let header, header.hasPrefix("sha256="), let expected = Hex.decode(header.dropFirst(7)), expected.count == 32
        else { return false }
        var hmac = keyed
        hmac.update(data: body)
        return hmac.finalize() == expected  // swift-crypto compares codes in constant time
    }

    /// The header value for `body` (for tests and the benchmark).
    func header(for body: [UInt8]) -> String {
        "sha256=" + Hex.encode(HMAC<SHA256>.authenticationCode(for: body, using: key))
    }
}

/// Lowercase hex coding.
enum Hex {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func decode(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
