/// The web addresses of `website` and `link` fields as links use them.
public enum WebAddress {
    /// The address a link goes to. A web address written without its scheme ("www.voorbeeld.nl/pagina",
    /// which `check` warns about) gets `https://`, so it never becomes a link relative to the page; any
    /// other text (`https://…`, `mailto:…`, `/…`, a word) stays as written.
    public static func full(_ text: String) -> String {
        guard !text.hasPrefix("/"), !text.contains(":"), !text.contains(" ") else { return text }
        let host = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return text }
        return "https://" + text
    }
}
