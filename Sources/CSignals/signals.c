// The handlers declared in CSignals.h. The state below is this process's
// only signal state: the thread that installs a set of handlers fills it in
// first and clears it after removing them; handlers only read it.
#include "CSignals.h"

#include <errno.h>
#include <stdatomic.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define RWS_MAX_SIGNAL 32

static void put_back(int sig, const struct sigaction *saved, void (*mine)(int));

// ---------------------------------------------------------------------------
// Terminal restore and the terminal's handler set.
// ---------------------------------------------------------------------------

static struct {
    volatile sig_atomic_t armed;
    volatile sig_atomic_t wake_fd;
    volatile sig_atomic_t defer_termination;
    volatile sig_atomic_t pending_termination;
    int in_fd;
    int out_fd;
    int has_termios;
    struct termios termios;
    char bytes[512];
    size_t length;
    int installed[RWS_MAX_SIGNAL];
    void (*handler[RWS_MAX_SIGNAL])(int);
    struct sigaction previous[RWS_MAX_SIGNAL];
    sigset_t previous_mask;
} terminal = { .armed = 0, .wake_fd = -1, .in_fd = -1, .out_fd = -1 };

int rws_save_tty(int in_fd) {
    terminal.armed = 0;
    terminal.in_fd = in_fd;
    terminal.has_termios = tcgetattr(in_fd, &terminal.termios) == 0;
    return terminal.has_termios;
}

void rws_set_reset_bytes(int out_fd, const char *bytes, size_t length) {
    terminal.out_fd = out_fd;
    if (length > sizeof terminal.bytes) length = sizeof terminal.bytes;
    memcpy(terminal.bytes, bytes, length);
    terminal.length = length;
}

void rws_arm_restore(int armed) { terminal.armed = armed; }

void rws_restore_now(void) {
    if (!terminal.armed) return;
    int saved_errno = errno;
    const char *p = terminal.bytes;
    size_t left = terminal.length;
    while (left > 0) {
        ssize_t n = write(terminal.out_fd, p, left);
        if (n > 0) { p += n; left -= (size_t)n; }
        else if (n < 0 && errno == EINTR) continue;
        else break;
    }
    if (terminal.has_termios) tcsetattr(terminal.in_fd, TCSANOW, &terminal.termios);
    errno = saved_errno;
}

static void write_signal_number(int fd, int sig) {
    int saved_errno = errno;
    if (fd >= 0) {
        unsigned char byte = (unsigned char)sig;
        ssize_t n = write(fd, &byte, 1);
        (void)n;  // a full pipe already holds a wake-up
    }
    errno = saved_errno;
}

// SIGWINCH, SIGTSTP, SIGCONT: the event loop acts on them.
static void on_wake_signal(int sig) { write_signal_number(terminal.wake_fd, sig); }

static int is_termination_signal(int sig) { return sig == SIGTERM || sig == SIGHUP || sig == SIGINT; }

void rws_die_of(int sig) {
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(sig, &default_action, NULL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
}

// Restore, then die of the same signal; the first termination signal while
// the loop defers them goes to the loop instead.
static void on_fatal_signal(int sig) {
    if (is_termination_signal(sig) && terminal.defer_termination && !terminal.pending_termination
        && terminal.wake_fd >= 0) {
        terminal.pending_termination = sig;
        write_signal_number(terminal.wake_fd, sig);
        return;
    }
    rws_restore_now();
    terminal.armed = 0;
    rws_die_of(sig);
}

void rws_set_defer_termination(int defer) { terminal.defer_termination = defer; }

static void install_one(int sig, void (*handler)(int), int flags) {
    if (sig <= 0 || sig >= RWS_MAX_SIGNAL) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    if (sigaction(sig, &action, &terminal.previous[sig]) == 0) {
        terminal.handler[sig] = handler;
        terminal.installed[sig] = 1;
    }
}

// Unblocks the signals too: a parent that spawned us with them blocked (some
// thread pools do) must not stop SIGTERM from restoring the terminal.
void rws_install_terminal_handlers(int wake_fd) {
    terminal.wake_fd = wake_fd;
    const int fatal[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    sigset_t handled;
    sigemptyset(&handled);
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        install_one(fatal[i], on_fatal_signal, SA_NODEFER);
        sigaddset(&handled, fatal[i]);
    }
    const int wake[] = { SIGWINCH, SIGTSTP, SIGCONT };
    for (size_t i = 0; i < sizeof wake / sizeof wake[0]; i++) {
        install_one(wake[i], on_wake_signal, SA_RESTART);
        sigaddset(&handled, wake[i]);
    }
    pthread_sigmask(SIG_UNBLOCK, &handled, &terminal.previous_mask);
}

void rws_uninstall_terminal_handlers(void) {
    terminal.wake_fd = -1;
    terminal.defer_termination = 0;
    terminal.pending_termination = 0;
    for (int sig = 1; sig < RWS_MAX_SIGNAL; sig++) {
        if (!terminal.installed[sig]) continue;
        terminal.installed[sig] = 0;
        put_back(sig, &terminal.previous[sig], terminal.handler[sig]);
    }
    pthread_sigmask(SIG_SETMASK, &terminal.previous_mask, NULL);
}

void rws_stop_self(void) {
    struct sigaction default_action, ours;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(SIGTSTP, &default_action, &ours);
    sigset_t tstp;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &tstp, NULL);
    kill(getpid(), SIGTSTP);
    sigaction(SIGTSTP, &ours, NULL);
}

// ---------------------------------------------------------------------------
// The interrupt trap.
// ---------------------------------------------------------------------------

static atomic_int interrupt_wake_fd = -1;
// Handlers between reading the descriptor and finishing their write: the
// remover waits for none to be left before the descriptor may be closed.
static atomic_int interrupts_in_flight = 0;
static int interrupt_installed;
static struct sigaction interrupt_previous;

static void on_interrupt(int sig) {
    atomic_fetch_add(&interrupts_in_flight, 1);  // before the load, so the remover sees it
    write_signal_number(atomic_load(&interrupt_wake_fd), sig);
    atomic_fetch_sub(&interrupts_in_flight, 1);
}

int rws_trap_interrupt(int wake_fd) {
    if (interrupt_installed) return -1;
    atomic_store(&interrupt_wake_fd, wake_fd);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &action, &interrupt_previous) != 0) {
        atomic_store(&interrupt_wake_fd, -1);
        return -1;
    }
    interrupt_installed = 1;
    // A parent may have started us with SIGINT blocked; the trap must see it.
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
    return 0;
}

void rws_release_interrupt(void) {
    if (!interrupt_installed) return;
    interrupt_installed = 0;
    put_back(SIGINT, &interrupt_previous, on_interrupt);
    // From here no handler starts a write; wait out any that began before.
    atomic_store(&interrupt_wake_fd, -1);
    while (atomic_load(&interrupts_in_flight) > 0) {
        struct timespec pause = { 0, 1000000 };
        nanosleep(&pause, NULL);
    }
}

// ---------------------------------------------------------------------------
// Putting an action back.
//
// Each set saved the action it replaced. Removed in reverse order, that is
// all it takes. Otherwise (the trap set, the terminal's handlers installed
// over it, then the trap removed first) SIGINT's current action is not the
// remover's own: the other set saved the remover's action as its previous
// one, so it inherits the remover's saved action instead, and the signal is
// left alone. An action neither set installed is never touched.
// ---------------------------------------------------------------------------

static void put_back(int sig, const struct sigaction *saved, void (*mine)(int)) {
    struct sigaction current;
    if (sigaction(sig, NULL, &current) != 0) return;
    if (current.sa_handler == mine) {
        sigaction(sig, saved, NULL);
        return;
    }
    if (sig != SIGINT) return;
    if (mine == on_interrupt && terminal.installed[SIGINT] && terminal.previous[SIGINT].sa_handler == on_interrupt) {
        terminal.previous[SIGINT] = *saved;
    } else if (mine == on_fatal_signal && interrupt_installed && interrupt_previous.sa_handler == on_fatal_signal) {
        interrupt_previous = *saved;
    }
}
