import Foundation

/// Gives up on an operation after a fixed time even if the operation does not
/// notice cancellation, so that a metadata probe on a machine without a
/// metadata service costs at most its time-out, whatever transport is plugged in.
enum Deadline {
    static func run<T: Sendable>(
        seconds: TimeInterval, onTimeout: @escaping @Sendable () -> any Error,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                race.start(
                    continuation,
                    work: Task {
                        do {
                            race.finish(.success(try await operation()))
                        } catch {
                            race.finish(.failure(error))
                        }
                    },
                    timer: Task {
                        try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                        race.finish(.failure(onTimeout()))
                    }
                )
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }
}

/// Resumes the continuation with whichever result arrives first and cancels
/// the loser. Results that arrive before `start` (cancellation) are kept for it.
private final class Race<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?
    private var tasks: [Task<Void, Never>] = []
    private var finished = false

    func start(_ continuation: CheckedContinuation<T, any Error>, work: Task<Void, Never>, timer: Task<Void, Never>) {
        lock.lock()
        if finished, let early {
            lock.unlock()
            work.cancel()
            timer.cancel()
            continuation.resume(with: early)
            return
        }
        self.continuation = continuation
        tasks = [work, timer]
        lock.unlock()
    }

    func finish(_ result: Result<T, any Error>) {
        lock.lock()
        guard !finished else {
            lock.unlock()
            return
        }
        finished = true
        guard let continuation else {
            early = result
            lock.unlock()
            return
        }
        self.continuation = nil
        let losers = tasks
        tasks = []
        lock.unlock()
        losers.forEach { $0.cancel() }
        continuation.resume(with: result)
    }
}
