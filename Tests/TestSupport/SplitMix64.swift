/// SplitMix64: a tiny random generator whose sequence depends on the seed alone, on every platform and
/// Swift version, so a randomised test tries the same inputs on every run (and a failing seed can be
/// run again). Draw with `int`, `chance` and `pick`; as a `RandomNumberGenerator` the standard library's
/// ranges work too, but their use of the numbers may change between Swift versions.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<n (the modulo bias does not matter for tests).
    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// True in `percent` out of 100 draws.
    public mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    /// One of `items` (not empty).
    public mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}
