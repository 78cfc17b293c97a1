import Foundation

/// The observers of a session. Observers can be added after the session is
/// built (Provisioning adds one per apply), so the list is shared and locked.
public final class RequestObservers: @unchecked Sendable {
    private let lock = NSLock()
    private var observers: [RequestObserver] = []
    private var keys: Set<String> = []

    /// Observers known when the session is made (`--debug`); others join with `add`.
    public init(_ initial: [RequestObserver] = []) {
        observers = initial
    }

    /// Joins later, such as the applier's once a service connects; it hears the calls from then on.
    public func add(_ observer: @escaping RequestObserver) {
        lock.lock()
        observers.append(observer)
        lock.unlock()
    }

    /// Adds `observer` unless one was added under `key` before (a session
    /// connected again must not report each event twice).
    public func add(key: String, _ observer: @escaping RequestObserver) {
        lock.lock()
        if keys.insert(key).inserted { observers.append(observer) }
        lock.unlock()
    }

    func notify(_ event: RequestEvent) {
        lock.lock()
        let current = observers
        lock.unlock()
        for observer in current { observer(event) }
    }
}
