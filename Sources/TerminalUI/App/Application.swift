#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs screens on the real terminal: sets it up (see `Terminal`), loops
/// over keys, inbox messages, signals and spinner ticks, and restores the
/// terminal however the loop ends (return, thrown error, or a signal). A
/// SIGTERM, SIGHUP or SIGINT first lets screens with work in flight finish
/// it (`Screen.defersTermination`); a second one ends the process at once.
///
///     let app = try Application<AppMessage>(options: TerminalOptions(nonInteractiveAdvice: "..."))
///     let start = StartScreen(inbox: app.inbox)   // screens may keep the inbox
///     try app.run(start)                          // returns when a screen quits
///
/// The thread that calls `run` owns ncurses for its whole duration.
/// Background work posts results with `app.inbox.post(_:)` from any thread.
/// Each loop turn handles every pending event, then draws once and calls
/// `doupdate` once.
public final class Application<Message: Sendable> {
    /// Where background work posts for this app; hand it to screens before `run`.
    public let inbox: Inbox<Message>
    /// How `run` sets up the terminal (descriptors, colour, ASCII, escape delay).
    public let options: TerminalOptions
    /// How often `tick()` runs while a screen animates.
    public var tickInterval: Duration = .milliseconds(100)

    /// Makes the inbox only; the terminal is not touched until `run`.
    /// Throws when the inbox's wake pipe cannot be created.
    public init(options: TerminalOptions = TerminalOptions()) throws {
        self.options = options
        self.inbox = try Inbox()
    }

    /// Runs until a screen quits, or until a termination signal (SIGTERM,
    /// SIGHUP, SIGINT) has let the screens' work in flight finish: then it
    /// returns that `Termination` (nil otherwise), with the terminal already
    /// restored. Throws `TerminalError` (with a message for the user) when
    /// the terminal cannot be used, and rethrows errors thrown by screens,
    /// after restoring the terminal. `model` takes each inbox message once,
    /// before the screens (see `ScreenStack.init`).
    @discardableResult
    public func run(_ root: any Screen<Message>, model: ((Message) -> Void)? = nil) throws -> Termination? {
        let terminal = try Terminal(options: options, wakeDescriptor: inbox.wakePipe.writeDescriptor)
        defer { terminal.close() }
        terminal.defersTermination = true
        let surface = CursesSurface(terminal: terminal)
        let stack = ScreenStack(root: root, model: model)
        let clock = ContinuousClock()
        var nextTick = clock.now + tickInterval
        var termination: Termination?
        var giveUpAt: ContinuousClock.Instant?
        var inputOpen = true

        func beginTermination(_ signal: Int32) {
            guard termination == nil else { return }
            termination = Termination(signal: signal)
            giveUpAt = clock.now + Termination.gracePeriod
            stack.terminate()
        }

        while !stack.isFinished {
            stack.draw(on: surface)
            surface.present()
            terminal.update()

            var deadlines: [ContinuousClock.Instant] = []
            if stack.isAnimating { deadlines.append(nextTick) }
            if let giveUpAt { deadlines.append(giveUpAt) }
            let timeout = deadlines.min().map { Self.milliseconds(from: clock.now, to: $0) } ?? -1
            let (inputReady, inputClosed, wakeReady) = wait(input: inputOpen ? terminal.inputDescriptor : -1,
                                                            wake: inbox.wakePipe.readDescriptor, timeout: timeout)
            if wakeReady {
                for byte in inbox.wakePipe.drain() {
                    switch terminal.handleSignalByte(byte) {
                    case .none: break
                    case .redraw:
                        resize(terminal: terminal, surface: surface)
                        try stack.handle(.resize)
                    case .terminate(let signal): beginTermination(signal)
                    }
                }
                for message in inbox.drain() { try stack.receive(message) }
            }
            if inputReady || inputClosed {
                let keys = terminal.readKeys()
                if inputClosed && keys.isEmpty {
                    // The terminal went away. With work in flight that is a
                    // hang-up to finish it for (the SIGHUP may come later, or
                    // never, as under nohup); without, stop instead of
                    // spinning on a dead descriptor.
                    guard termination != nil || stack.defersTermination else { throw TerminalError.terminalClosed }
                    beginTermination(SIGHUP)
                    inputOpen = false
                }
                for key in keys {
                    if key == .resize { resize(terminal: terminal, surface: surface) }
                    try stack.handle(key)
                    carryOut(stack.takeRequests(), terminal: terminal, surface: surface)
                    if stack.isFinished { break }
                }
            }
            if stack.isAnimating && clock.now >= nextTick {
                stack.tick()
                nextTick = clock.now + tickInterval
            }
            if let giveUpAt, clock.now >= giveUpAt { break }
        }
        return termination
    }

    private static func milliseconds(from now: ContinuousClock.Instant, to deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = now.duration(to: deadline)
        let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }

    /// Waits for keys, a wake byte or the timeout: (input readable, input
    /// hung up, wake pipe readable).
    private func wait(input: Int32, wake: Int32, timeout: Int32) -> (Bool, Bool, Bool) {
        var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        let count = poll(&descriptors, 2, timeout)
        guard count > 0 else { return (false, false, count < 0) }  // EINTR: a signal wrote to the pipe
        let input = descriptors[0].revents
        let closed = input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        return (input & Int16(POLLIN) != 0, closed, descriptors[1].revents != 0)
    }

    private func resize(terminal: Terminal, surface: CursesSurface) {
        let size = terminal.updateSize()
        if size != surface.size { surface.resize(to: size) } else { surface.invalidate() }
    }

    private func carryOut(_ requests: [ScreenStack<Message>.Request], terminal: Terminal, surface: CursesSurface) {
        for request in requests {
            switch request {
            case .fullRedraw:
                terminal.forceFullRedraw()
                surface.invalidate()
            case .suspend:
                terminal.suspend()
                resize(terminal: terminal, surface: surface)
            }
        }
    }
}
