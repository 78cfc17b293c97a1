import Foundation

/// Runs the terminal loop on a thread of its own. `Application.run` blocks
/// in `poll(2)` for the whole session; called straight from an `async`
/// command it would hold one of Swift concurrency's cooperative threads
/// (one per core) for minutes, and the screens' background work (IAM
/// reads, sign-in) would run on what is left.
public enum TerminalThread {
    /// The thread's name, as `ps -L` and debuggers show it.
    public static let name = "rolewiz-terminal"

    /// Runs `body` on a new thread and returns what it returns, or throws
    /// what it throws, once it ends. The caller's task waits without holding
    /// a thread.
    public static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.name = name
            // ncurses and the screens' drawing recurse little; the default 512 KiB of a secondary thread is plenty,
            // but a deep screen stack should not be what finds the limit.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
