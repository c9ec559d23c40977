/// The Snowball Dutch stemming algorithm on a folded, lower-case ASCII word, so "woningen" and
/// "woning" meet in one search term. The theme's `search.js` runs the same algorithm on queries;
/// the two must stay identical (see `SearchTests.StemmerTests`).
public enum DutchStemmer {
    private static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
    private static let u = UInt8(ascii: "u"), y = UInt8(ascii: "y"), upperI = UInt8(ascii: "I"),
        upperY = UInt8(ascii: "Y")

    @inline(__always) private static func isVowel(_ c: UInt8) -> Bool {
        c == a || c == e || c == i || c == o || c == u || c == y
    }

    /// The stem of `word` (lower-case `a-z`, `0-9`). Short words and words with digits stay as they are.
    public static func stem(_ word: [UInt8]) -> [UInt8] {
        if word.count < 3 || word.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return word }
        var s = word
        // Consonant-like y and i (initial y, y after a vowel, i between vowels) are marked in upper case.
        for k in 0..<s.count {
            if s[k] == y && (k == 0 || isVowel(s[k - 1])) {
                s[k] = upperY
            } else if s[k] == i && k > 0 && k + 1 < s.count && isVowel(s[k - 1]) && isVowel(s[k + 1]) {
                s[k] = upperI
            }
        }
        func region(_ start: Int) -> Int {
            var k = start
            while k + 1 < s.count {
                if isVowel(s[k]) && !isVowel(s[k + 1]) { return k + 2 }
                k += 1
            }
            return s.count
        }
        var p1 = region(0)
        let p2 = region(p1)
        if p1 < 3 { p1 = 3 }

        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard s.count >= n else { return false }
            let base = s.count - n
            let p = suffix.utf8Start
            for k in 0..<n where s[base + k] != p[k] { return false }
            return true
        }
        func inRegion(_ position: Int, _ length: Int) -> Bool { s.count - length >= position }
        func char(fromEnd offset: Int) -> UInt8? {
            let k = s.count - offset
            return k >= 0 && k < s.count ? s[k] : nil
        }
        func undouble() {
            if ends("kk") || ends("dd") || ends("tt") { s.removeLast() }
        }
        func validEn(_ baseLength: Int) -> Bool {
            guard baseLength > 0, !isVowel(s[baseLength - 1]) else { return false }
            return
                !(baseLength >= 3 && s[baseLength - 3] == UInt8(ascii: "g") && s[baseLength - 2] == e
                && s[baseLength - 1] == UInt8(ascii: "m"))
        }
        func validS(_ baseLength: Int) -> Bool {
            baseLength > 0 && !isVowel(s[baseLength - 1]) && s[baseLength - 1] != UInt8(ascii: "j")
        }
        func dropEn(_ length: Int) {
            let base = s.count - length
            if inRegion(p1, length) && validEn(base) {
                s.removeLast(length)
                undouble()
            }
        }

        // Step 1
        if ends("heden") {
            if inRegion(p1, 5) {
                s.removeLast(5)
                s.append(contentsOf: "heid".utf8)
            }
        } else if ends("ene") {
            dropEn(3)
        } else if ends("en") {
            dropEn(2)
        } else if ends("se") {
            if inRegion(p1, 2) && validS(s.count - 2) { s.removeLast(2) }
        } else if ends("s") {
            if inRegion(p1, 1) && validS(s.count - 1) { s.removeLast(1) }
        }
        // Step 2
        var removedE = false
        func step2() {
            if ends("e") && inRegion(p1, 1) && s.count > 1 && !isVowel(s[s.count - 2]) {
                s.removeLast()
                removedE = true
                undouble()
            }
        }
        step2()
        // Step 3a
        if ends("heid") && inRegion(p2, 4) && char(fromEnd: 5) != UInt8(ascii: "c") {
            s.removeLast(4)
            if ends("en") { dropEn(2) }
        }
        // Step 3b
        if ends("end") || ends("ing") {
            if inRegion(p2, 3) {
                s.removeLast(3)
                if ends("ig") && inRegion(p2, 2) && char(fromEnd: 3) != e {
                    s.removeLast(2)
                } else {
                    undouble()
                }
            }
        } else if ends("ig") {
            if inRegion(p2, 2) && char(fromEnd: 3) != e { s.removeLast(2) }
        } else if ends("lijk") {
            if inRegion(p2, 4) {
                s.removeLast(4)
                step2()
            }
        } else if ends("baar") {
            if inRegion(p2, 4) { s.removeLast(4) }
        } else if ends("bar") {
            if inRegion(p2, 3) && removedE { s.removeLast(3) }
        }
        // Step 4: undouble the vowel of a final consonant, double vowel, consonant.
        if s.count >= 4 {
            let n = s.count
            let c = s[n - 4]
            let v1 = s[n - 3]
            let v2 = s[n - 2]
            let d = s[n - 1]
            if !isVowel(c) && v1 == v2 && (v1 == a || v1 == e || v1 == o || v1 == u) && !isVowel(d) && d != upperI {
                s.remove(at: n - 2)
            }
        }
        for k in 0..<s.count {
            if s[k] == upperI { s[k] = i } else if s[k] == upperY { s[k] = y }
        }
        return s
    }
}
