/// Keeps passwords in database URLs out of everything zorgledger prints.
enum PasswordRedaction {
    /// `text` with the password of every `SCHEME://USER:PASSWORD@HOST` in it removed (`SCHEME://USER@HOST`).
    /// The user information runs to the last `@` before the authority ends, since a password may hold `@`.
    static func redacted(_ text: String) -> String {
        var characters = Array(text)
        var index = 0
        while index + 2 < characters.count {
            guard characters[index] == ":", characters[index + 1] == "/", characters[index + 2] == "/" else {
                index += 1
                continue
            }
            let start = index + 3
            let end = characters[start...].firstIndex { "/ \t\r\n?#".contains($0) } ?? characters.count
            if let at = characters[start..<end].lastIndex(of: "@"),
               let colon = characters[start..<at].firstIndex(of: ":") {
                characters.removeSubrange(colon..<at)
            }
            index = start
        }
        return String(characters)
    }
}
