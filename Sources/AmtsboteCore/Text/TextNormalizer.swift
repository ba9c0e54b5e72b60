/// Splits citizen text into lowercase word tokens and folds spelling variants.
///
/// Umlauts are kept in tokens (the German stemmer needs them and folds them itself);
/// `fold` removes them for spelling-tolerant lookups, so "führerschein", "fuehrerschein"
/// and "fuhrerschein" meet after stemming or folding.
public enum TextNormalizer {
    /// Lowercase word tokens: letters and digits; `ß` becomes `ss`; accents other than
    /// German umlauts are removed (é → e); everything else separates tokens.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        // Bytes of the current token; building Strings byte-wise is much faster than appending scalars.
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            if !current.isEmpty {
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                switch v {
                case 0x41...0x5A: current.append(UInt8(v + 32))  // A-Z
                case 0x61...0x7A, 0x30...0x39: current.append(UInt8(v))
                case 0x27 where !current.isEmpty: continue  // apostrophe inside a word: "driver's" -> "drivers"
                default: flush()
                }
                continue
            }
            if let mapped = foldedScalar(scalar) {
                current.append(contentsOf: mapped.utf8)
            } else if scalar.properties.isAlphabetic {
                current.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue  // combining accent after a base letter
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Non-ASCII letters mapped for tokens: umlauts lowercased but kept, ß → ss, common accents removed.
    private static func foldedScalar(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "ä", "Ä": return "ä"
        case "ö", "Ö": return "ö"
        case "ü", "Ü": return "ü"
        case "ß", "ẞ": return "ss"
        case "à", "á", "â", "ã", "å", "À", "Á", "Â", "Ã", "Å": return "a"
        case "è", "é", "ê", "ë", "È", "É", "Ê", "Ë": return "e"
        case "ì", "í", "î", "ï", "Ì", "Í", "Î", "Ï": return "i"
        case "ò", "ó", "ô", "õ", "ø", "Ò", "Ó", "Ô", "Õ", "Ø": return "o"
        case "ù", "ú", "û", "Ù", "Ú", "Û": return "u"
        case "ç", "Ç": return "c"
        case "ñ", "Ñ": return "n"
        case "’", "ʼ": return ""  // typographic apostrophe inside words
        default: return nil
        }
    }

    /// A token with umlauts folded to their base letter (ä → a), for spelling-tolerant lookups.
    public static func fold(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 >= 0x80 }) else { return token }
        var out = String.UnicodeScalarView()
        for scalar in token.unicodeScalars {
            switch scalar {
            case "ä": out.append("a")
            case "ö": out.append("o")
            case "ü": out.append("u")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a token is a number (no letters).
    public static func isNumber(_ token: String) -> Bool {
        token.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// Language-specific stemming.
public enum Stemmer {
    /// The stem of a lowercase token in `language` (German and English; other languages unchanged, folded).
    public static func stem(_ token: String, language: String) -> String {
        switch language {
        case "de": return GermanStemmer.stem(token)
        case "en": return EnglishStemmer.stem(TextNormalizer.fold(token))
        default: return TextNormalizer.fold(token)
        }
    }
}
