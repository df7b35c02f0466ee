import Foundation

/// URL slugs for products and categories: `"Men's T-Shirts & Tops"` → `"men-s-t-shirts-tops"`.
public enum Slug {
    /// Lowercase ASCII letters and digits, runs of anything else as one `-`, none at the ends;
    /// accented Latin letters lose their accents. Empty when nothing is left.
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let lowered = Character(scalar).lowercased()
            if lowered.count == 1, let ascii = lowered.unicodeScalars.first, ascii.isASCII,
                ascii.properties.isAlphabetic || ("0"..."9").contains(Character(ascii)) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.append(lowered)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    /// Whether `text` is already a slug as ``make(_:)`` writes them.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}
