import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What building one page (or one query) read and found, gathered while its context is built: the
/// inputs with the values they had, and the problems of the Markdown bodies it rendered. The build sets
/// one as the current reads of the thread around each page, so the page builders never list their
/// inputs themselves: reading a field of a tracked item records it.
final class PageReads {
    /// Whether inputs are recorded (a build that keeps state for the next one) or only problems.
    let recording: Bool
    private(set) var inputs: [(Input, any InputValue)] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(recording: Bool) {
        self.recording = recording
    }

    func note(_ input: Input, _ value: any InputValue) {
        if recording { inputs.append((input, value)) }
    }

    func note<V: Equatable & Sendable>(_ input: Input, value: V) {
        if recording { inputs.append((input, StoredValue(value: value))) }
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Takes over what a nested build (a memoized value) read.
    func replay(_ inputs: [(Input, any InputValue)]) {
        if recording { self.inputs += inputs }
    }

    // MARK: The reads of the current thread

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The reads being gathered on this thread, if a page is being built here.
    static var current: PageReads? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<PageReads>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Runs `body` with `reads` as the current reads of this thread (restoring the previous ones after).
    static func gathering<T>(into reads: PageReads, _ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(reads).toOpaque())
        defer { pthread_setspecific(key, previous) }
        return try withExtendedLifetime(reads) { try body() }
    }

    /// Runs `body` with no current reads: what it reads is recorded nowhere (planning, shared values).
    static func untracked<T>(_ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, nil)
        defer { pthread_setspecific(key, previous) }
        return try body()
    }
}
