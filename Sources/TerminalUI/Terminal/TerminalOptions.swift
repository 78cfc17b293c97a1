#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How the terminal is set up. The defaults suit an interactive program;
/// tests and benchmarks pass their own file descriptors and environment.
public struct TerminalOptions: Sendable {
    /// Use the monochrome scheme even on a colour terminal.
    public var noColor: Bool
    /// Draw with ASCII only (`+-|` frames) even in a UTF-8 locale.
    public var ascii: Bool
    /// TERM and NO_COLOR are read from here, never from the process directly.
    public var environment: [String: String]
    /// Milliseconds to wait after ESC before taking it as the Escape key.
    public var escapeDelay: Int
    /// What to tell someone on a terminal that cannot run the interface
    /// (TERM=dumb, unset or unknown, or not a tty): where the
    /// non-interactive commands are. The application supplies it.
    public var nonInteractiveAdvice: String
    /// The file descriptor keys are read from (0, standard input, by default); it must be a tty.
    public var inputDescriptor: Int32
    /// The file descriptor the screen is drawn on (1, standard output, by default); it must be a tty.
    public var outputDescriptor: Int32

    /// The defaults suit an interactive program on standard input and output.
    public init(noColor: Bool = false, ascii: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                escapeDelay: Int = 25,
                nonInteractiveAdvice: String = "Use the non-interactive commands instead.",
                inputDescriptor: Int32 = 0, outputDescriptor: Int32 = 1) {
        self.noColor = noColor
        self.ascii = ascii
        self.environment = environment
        self.escapeDelay = escapeDelay
        self.nonInteractiveAdvice = nonInteractiveAdvice
        self.inputDescriptor = inputDescriptor
        self.outputDescriptor = outputDescriptor
    }
}

/// Why the interactive interface cannot start. Each message says what to do instead.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case dumbTerminal(advice: String)
    case notATerminal(advice: String)
    case unknownTerminal(term: String, tried: [String], advice: String)
    case pipeFailed(errno: Int32)
    case terminalClosed

    /// The message to show the person, ending with `nonInteractiveAdvice` where it applies.
    public var description: String {
        switch self {
        case .dumbTerminal(let advice):
            "This terminal (TERM=dumb or unset) cannot show the interactive interface. \(advice)"
        case .notATerminal(let advice):
            "Standard input and output must be a terminal for the interactive interface. \(advice)"
        case .unknownTerminal(let term, let tried, let advice):
            "Unknown terminal type '\(term)' (also tried \(tried.joined(separator: ", "))). "
                + "Set TERM to a type this system knows (e.g. xterm-256color). \(advice)"
        case .pipeFailed(let code):
            "Could not create the event-loop wake pipe (errno \(code))."
        case .terminalClosed:
            "The terminal closed (its input hung up)."
        }
    }
}

/// Terminal types to try, in order, when TERM names something this
/// system's terminfo database lacks (e.g. a new terminal over SSH).
enum TerminalTypeFallback {
    static func candidates(for term: String) -> [String] {
        var result = [term]
        let families: [(prefix: String, types: [String])] = [
            ("xterm", ["xterm-256color", "xterm"]),
            ("tmux", ["tmux-256color", "screen-256color", "screen"]),
            ("screen", ["screen-256color", "screen"]),
            ("rxvt", ["rxvt", "xterm"]),
            ("linux", ["linux"]),
        ]
        for family in families where term.hasPrefix(family.prefix) {
            result += family.types
        }
        result += term.hasSuffix("256color") ? ["xterm-256color", "xterm"] : ["xterm", "ansi", "vt100"]
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }
}

extension TerminalOptions {
    /// Throws what opening the terminal would for one that cannot be used
    /// (no `TERM`, `TERM=dumb`, input or output not a tty), so a program can
    /// find out before it starts anything that waits for a person.
    public func checkUsable() throws {
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalError.dumbTerminal(advice: nonInteractiveAdvice)
        }
        guard isatty(inputDescriptor) == 1, isatty(outputDescriptor) == 1 else {
            throw TerminalError.notATerminal(advice: nonInteractiveAdvice)
        }
    }
}
