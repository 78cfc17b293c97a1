// Every signal handler of rolewiz, in one place. Handlers run in signal
// context, so they are C and call async-signal-safe functions only (write,
// tcsetattr, sigaction, raise, kill). Each installer saves the action it
// replaces and its remover puts that action back, in either order of
// removal when the terminal's set and the trap overlap on SIGINT. The Swift
// module `Signals` is the only user of this header.
#ifndef ROLEWIZ_CSIGNALS_H
#define ROLEWIZ_CSIGNALS_H

#include <stddef.h>

// ---------------------------------------------------------------------------
// The terminal: what a fatal signal puts back before the process dies.
// ---------------------------------------------------------------------------

// Records the tty settings of `in_fd` to restore; 1 when it is a tty.
int rws_save_tty(int in_fd);
// Records the bytes that reset the screen, written to `out_fd` on restore
// (at most 512; longer is cut).
void rws_set_reset_bytes(int out_fd, const char *bytes, size_t length);
// While armed, a fatal signal restores the terminal before the process dies.
void rws_arm_restore(int armed);
// Writes the reset bytes and puts the saved tty settings back, if armed.
void rws_restore_now(void);

// Installs the terminal's handlers and unblocks their signals on this
// thread. Fatal signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT and crashes)
// restore the terminal and die of the same signal; SIGWINCH, SIGTSTP,
// SIGCONT and a deferred termination write their number to `wake_fd`.
void rws_install_terminal_handlers(int wake_fd);
// Puts back every action and the signal mask the installer replaced.
void rws_uninstall_terminal_handlers(void);
// While set, the first SIGTERM, SIGHUP or SIGINT goes to `wake_fd` instead
// of ending the process, so work in flight can finish; a second one ends it.
void rws_set_defer_termination(int defer);
// Stops the process as Ctrl-Z would, and returns once it is continued.
void rws_stop_self(void);

// ---------------------------------------------------------------------------
// Ctrl-C as a request: SIGINT writes a byte to `wake_fd` instead of ending
// the process. Returns 0 when installed, -1 when a trap is already set or
// sigaction failed.
// ---------------------------------------------------------------------------
int rws_trap_interrupt(int wake_fd);
// Puts back what SIGINT did before the trap, and returns once no handler
// can still write to the trap's descriptor (so it may be closed).
void rws_release_interrupt(void);

// Ends the process by `sig`'s default action, as if it had never been
// caught. Returns only if the signal cannot end the process.
void rws_die_of(int sig);

#endif
