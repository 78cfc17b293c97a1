#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CSignals

/// The terminal's signal handling, for the toolkit that owns the tty: what
/// a fatal signal restores before the process dies, and which signals the
/// event loop hears about through its wake pipe instead.
///
/// Process-wide by nature (there is one set of signal actions), so this is
/// a namespace and not a value. Call it from the one thread that owns the
/// terminal, in the order `Terminal` does: save the tty, install, set the
/// reset bytes, arm; then disarm, uninstall.
public enum TerminalSignals {
    /// Records the tty settings of `descriptor` to put back; false when it is
    /// not a tty. Call before curses changes them.
    @discardableResult
    public static func saveTTYSettings(of descriptor: Int32) -> Bool {
        rws_save_tty(descriptor) == 1
    }

    /// Records the bytes that reset the screen (terminfo's, so known only
    /// after `newterm`), written to `descriptor` on restore. At most 512.
    public static func setResetBytes(_ bytes: String, output descriptor: Int32) {
        var bytes = bytes
        bytes.withUTF8 { rws_set_reset_bytes(descriptor, $0.baseAddress, $0.count) }
    }

    /// While armed, a fatal signal restores the terminal before the process dies.
    public static func armRestore(_ armed: Bool) {
        rws_arm_restore(armed ? 1 : 0)
    }

    /// Writes the reset bytes and puts the saved tty settings back, if armed.
    public static func restoreNow() {
        rws_restore_now()
    }

    /// Installs the handlers, saving the actions they replace: SIGINT,
    /// SIGTERM, SIGHUP, SIGQUIT and crashes restore the terminal and end the
    /// process by the same signal; SIGWINCH, SIGTSTP, SIGCONT and a deferred
    /// termination write their number to `wakeDescriptor`.
    public static func install(wakeDescriptor: Int32) {
        rws_install_terminal_handlers(wakeDescriptor)
    }

    /// Puts back every action and the signal mask that `install` replaced.
    public static func uninstall() {
        rws_uninstall_terminal_handlers()
    }

    /// While true, the first SIGTERM, SIGHUP or SIGINT reaches the wake pipe
    /// instead of ending the process, so work in flight can finish; a second
    /// one still restores and ends it.
    public static func deferTermination(_ defer: Bool) {
        rws_set_defer_termination(`defer` ? 1 : 0)
    }

    /// Stops the process as Ctrl-Z would and returns once it is continued
    /// (`fg`). The caller has already left curses mode.
    public static func stopSelf() {
        rws_stop_self()
    }
}

/// Ends the process by `signal`'s default action, as if it had never been
/// caught, so the shell and any supervisor see what ended it. Exits with
/// 128 + `signal` if the signal cannot end the process.
public func endProcess(bySignal signal: Int32) -> Never {
    rws_die_of(signal)
    exit(128 + signal)
}
