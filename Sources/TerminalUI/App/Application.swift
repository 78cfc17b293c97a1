#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs screens on the real terminal: sets it up (see `Terminal`), loops
/// over keys, inbox messages, signals and spinner ticks, and restores the
/// terminal however the loop ends (return, thrown error, or a signal).
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
    public let inbox: Inbox<Message>
    public let options: TerminalOptions
    /// How often `tick()` runs while a screen animates.
    public var tickInterval: Duration = .milliseconds(100)

    public init(options: TerminalOptions = TerminalOptions()) throws {
        self.options = options
        self.inbox = try Inbox()
    }

    /// Runs until a screen quits. Throws `TerminalError` (with a message
    /// for the user) when the terminal cannot be used; errors thrown inside
    /// leave the terminal restored.
    public func run(_ root: any Screen<Message>) throws {
        let terminal = try Terminal(options: options, wakeDescriptor: inbox.wakePipe.writeDescriptor)
        defer { terminal.close() }
        let surface = CursesSurface(terminal: terminal)
        let stack = ScreenStack(root: root)
        let clock = ContinuousClock()
        var nextTick = clock.now + tickInterval

        while !stack.isFinished {
            stack.draw(on: surface)
            surface.present()
            terminal.update()

            var timeout: Int32 = -1
            if stack.isAnimating {
                let remaining = clock.now.duration(to: nextTick)
                timeout = Int32(max(0, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            }
            let (inputReady, wakeReady) = wait(input: terminal.inputDescriptor,
                                               wake: inbox.wakePipe.readDescriptor, timeout: timeout)
            if wakeReady {
                for byte in inbox.wakePipe.drain() {
                    handleSignalByte(byte, terminal: terminal, surface: surface, stack: stack)
                }
                for message in inbox.drain() { stack.receive(message) }
            }
            if inputReady {
                for key in terminal.readKeys() {
                    if key == .resize { resize(terminal: terminal, surface: surface) }
                    stack.handle(key)
                    carryOut(stack.takeRequests(), terminal: terminal, surface: surface)
                    if stack.isFinished { break }
                }
            }
            if stack.isAnimating && clock.now >= nextTick {
                stack.tick()
                nextTick = clock.now + tickInterval
            }
        }
    }

    private func wait(input: Int32, wake: Int32, timeout: Int32) -> (Bool, Bool) {
        var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        let count = poll(&descriptors, 2, timeout)
        guard count > 0 else { return (false, count < 0) }  // EINTR: a signal wrote to the pipe
        return (descriptors[0].revents != 0, descriptors[1].revents != 0)
    }

    private func handleSignalByte(_ byte: UInt8, terminal: Terminal, surface: CursesSurface, stack: ScreenStack<Message>) {
        switch Int32(byte) {
        case SIGWINCH:
            resize(terminal: terminal, surface: surface)
            stack.handle(.resize)
        case SIGTSTP:
            terminal.suspend()
            surface.invalidate()
        case SIGCONT:
            terminal.resume()
            surface.invalidate()
        default:
            break
        }
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
                surface.invalidate()
            }
        }
    }
}
