// Bridge to the system ncursesw. Swift cannot import function-like or
// computed macros, so the ones the toolkit needs are wrapped here as
// static inline functions. Flags are defined here rather than through
// pkg-config so SwiftPM does not warn about unsafe flags.
#ifndef ROLEWIZ_CNCURSESW_SHIM_H
#define ROLEWIZ_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Globals, as functions so Swift 6 sees no shared mutable state.
static inline WINDOW *rw_stdscr(void) { return stdscr; }
static inline WINDOW *rw_curscr(void) { return curscr; }
static inline int rw_lines(void) { return LINES; }
static inline int rw_cols(void) { return COLS; }
static inline int rw_colors(void) { return COLORS; }
static inline int rw_color_pairs(void) { return COLOR_PAIRS; }

// Attributes.
static inline attr_t rw_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t rw_a_normal(void) { return A_NORMAL; }
static inline attr_t rw_a_bold(void) { return A_BOLD; }
static inline attr_t rw_a_reverse(void) { return A_REVERSE; }
static inline attr_t rw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rw_a_dim(void) { return A_DIM; }
static inline attr_t rw_a_standout(void) { return A_STANDOUT; }

// Keys that are function-like macros.
static inline int rw_key_f(int n) { return KEY_F(n); }

// Wide-character line drawing (WACS_* point into a table ncurses fills at init).
static inline const cchar_t *rw_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *rw_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *rw_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *rw_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *rw_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *rw_wacs_lrcorner(void) { return WACS_LRCORNER; }
static inline const cchar_t *rw_wacs_ltee(void) { return WACS_LTEE; }
static inline const cchar_t *rw_wacs_rtee(void) { return WACS_RTEE; }

// Draws a line-drawing piece with our attributes, keeping the WACS cell's
// own A_ALTCHARSET bit (set when ncurses maps it through the ACS table).
static inline int rw_put_line(WINDOW *w, int y, int x, int which, attr_t attr, short pair) {
    const cchar_t *source;
    switch (which) {
    case 0: source = WACS_HLINE; break;
    case 1: source = WACS_VLINE; break;
    case 2: source = WACS_ULCORNER; break;
    case 3: source = WACS_URCORNER; break;
    case 4: source = WACS_LLCORNER; break;
    case 5: source = WACS_LRCORNER; break;
    case 6: source = WACS_LTEE; break;
    default: source = WACS_RTEE; break;
    }
    wchar_t text[CCHARW_MAX + 1];
    attr_t sourceAttr = 0;
    short sourcePair = 0;
    if (getcchar(source, text, &sourceAttr, &sourcePair, NULL) == ERR) return ERR;
    cchar_t cell;
    setcchar(&cell, text, attr | (sourceAttr & A_ALTCHARSET), pair, NULL);
    return mvwadd_wch(w, y, x, &cell);
}

// Draws one character (a base plus up to four combining scalars).
static inline int rw_put_char(WINDOW *w, int y, int x, const wchar_t *scalars, int count, attr_t attr, short pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = scalars[i];
    text[n] = L'\0';
    cchar_t cell;
    setcchar(&cell, text, attr, pair, NULL);
    return mvwadd_wch(w, y, x, &cell);
}

// A string capability, or NULL when the terminal lacks it (tigetstr returns
// (char *)-1 for names that are not string capabilities).
static inline const char *rw_string_capability(const char *name) {
    char *value = tigetstr(name);
    return (value == (char *)-1) ? NULL : value;
}

// Columns of a wide character; -1 when not printable in this locale.
static inline int rw_wcwidth(wchar_t c) { return wcwidth(c); }

static inline const char *rw_codeset(void) { return nl_langinfo(CODESET); }

// The window size from the kernel; 0 when it does not know.
static inline void rw_window_size(int fd, int *rows, int *columns) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) { *rows = 0; *columns = 0; return; }
    *rows = size.ws_row;
    *columns = size.ws_col;
}

// ---------------------------------------------------------------------------
// Signal-safe terminal restore.
//
// This is the toolkit's single confinement point for process-wide state. The
// thread that owns ncurses fills it in before installing the handlers and
// only disarms it afterwards; signal handlers only read it. The handlers use
// async-signal-safe calls only (write, tcsetattr, raise, sigaction, kill).
// The storage is a weak definition so every object file that includes this
// header shares one copy.
// ---------------------------------------------------------------------------
#define RW_MAX_SIGNAL 32

typedef struct {
    volatile sig_atomic_t armed;
    volatile sig_atomic_t wake_fd;
    // While set, the first SIGTERM, SIGHUP or SIGINT is handed to the event
    // loop (through the wake pipe) so work in flight can finish and say what
    // it did; a second one restores and dies at once.
    volatile sig_atomic_t defer_termination;
    volatile sig_atomic_t pending_termination;
    int in_fd;
    int out_fd;
    int has_termios;
    struct termios termios;
    char bytes[512];
    size_t length;
    int installed[RW_MAX_SIGNAL];
    struct sigaction previous[RW_MAX_SIGNAL];
    sigset_t previous_mask;
} rw_restore_state;

__attribute__((weak)) rw_restore_state rw_restore_storage = { 0, -1 };

// Writes the stored reset sequence and puts the saved tty settings back.
static inline void rw_restore_terminal_now(void) {
    rw_restore_state *s = &rw_restore_storage;
    if (!s->armed) return;
    int saved_errno = errno;
    const char *p = s->bytes;
    size_t left = s->length;
    while (left > 0) {
        ssize_t n = write(s->out_fd, p, left);
        if (n > 0) { p += n; left -= (size_t)n; }
        else if (n < 0 && errno == EINTR) continue;
        else break;
    }
    if (s->has_termios) tcsetattr(s->in_fd, TCSANOW, &s->termios);
    errno = saved_errno;
}

// Signals the event loop handles (SIGWINCH, SIGTSTP, SIGCONT, and a
// deferred termination): write the signal number into the wake pipe so
// poll(2) returns.
static inline void rw_on_wake_signal(int sig) {
    int saved_errno = errno;
    int fd = rw_restore_storage.wake_fd;
    if (fd >= 0) {
        unsigned char byte = (unsigned char)sig;
        ssize_t n = write(fd, &byte, 1);
        (void)n;
    }
    errno = saved_errno;
}

static inline int rw_is_termination_signal(int sig) {
    return sig == SIGTERM || sig == SIGHUP || sig == SIGINT;
}

// Ends the process by `sig` with its default action, as if never caught.
static inline void rw_die_of(int sig) {
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

// Fatal signals (SIGTERM, SIGHUP, SIGINT, crashes): restore, then die of the
// same signal. The first termination signal while the loop defers them goes
// to the loop instead.
static inline void rw_on_fatal_signal(int sig) {
    rw_restore_state *s = &rw_restore_storage;
    if (rw_is_termination_signal(sig) && s->defer_termination && !s->pending_termination && s->wake_fd >= 0) {
        s->pending_termination = sig;
        rw_on_wake_signal(sig);
        return;
    }
    rw_restore_terminal_now();
    s->armed = 0;
    rw_die_of(sig);
}

static inline void rw_set_defer_termination(int defer) { rw_restore_storage.defer_termination = defer; }

// Records the tty settings to restore. Call before newterm: its setup
// already turns off echo and CR/NL translation.
static inline int rw_restore_save_termios(int in_fd) {
    rw_restore_state *s = &rw_restore_storage;
    s->armed = 0;
    s->in_fd = in_fd;
    s->has_termios = tcgetattr(in_fd, &s->termios) == 0;
    return s->has_termios;
}

// Records the bytes that reset the screen (they need terminfo, so after newterm).
static inline void rw_restore_set_bytes(int out_fd, const char *bytes, size_t length) {
    rw_restore_state *s = &rw_restore_storage;
    s->out_fd = out_fd;
    if (length > sizeof s->bytes) length = sizeof s->bytes;
    memcpy(s->bytes, bytes, length);
    s->length = length;
}

static inline void rw_restore_arm(int armed) { rw_restore_storage.armed = armed; }

static inline void rw_install_one(int sig, void (*handler)(int), int flags) {
    rw_restore_state *s = &rw_restore_storage;
    if (sig <= 0 || sig >= RW_MAX_SIGNAL) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    if (sigaction(sig, &action, &s->previous[sig]) == 0) s->installed[sig] = 1;
}

// Installs the handlers before newterm, so ncurses leaves these signals to
// us, and unblocks them on this thread: a parent that spawned us with them
// blocked (some thread pools do) must not stop SIGTERM from restoring.
static inline void rw_install_signal_handlers(int wake_fd) {
    rw_restore_storage.wake_fd = wake_fd;
    const int fatal[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    sigset_t handled;
    sigemptyset(&handled);
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        rw_install_one(fatal[i], rw_on_fatal_signal, SA_NODEFER);
        sigaddset(&handled, fatal[i]);
    }
    const int wake[] = { SIGWINCH, SIGTSTP, SIGCONT };
    for (size_t i = 0; i < sizeof wake / sizeof wake[0]; i++) {
        rw_install_one(wake[i], rw_on_wake_signal, SA_RESTART);
        sigaddset(&handled, wake[i]);
    }
    pthread_sigmask(SIG_UNBLOCK, &handled, &rw_restore_storage.previous_mask);
}

static inline void rw_uninstall_signal_handlers(void) {
    rw_restore_state *s = &rw_restore_storage;
    s->wake_fd = -1;
    s->defer_termination = 0;
    s->pending_termination = 0;
    for (int sig = 1; sig < RW_MAX_SIGNAL; sig++) {
        if (!s->installed[sig]) continue;
        sigaction(sig, &s->previous[sig], NULL);
        s->installed[sig] = 0;
    }
    pthread_sigmask(SIG_SETMASK, &s->previous_mask, NULL);
}

// Stops the process the way the shell's Ctrl-Z would, then returns once it
// is continued (fg). The caller has already left curses mode.
static inline void rw_stop_self(void) {
    struct sigaction default_action, ours;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(SIGTSTP, &default_action, &ours);
    sigset_t tstp;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, NULL);
    kill(getpid(), SIGTSTP);
    sigaction(SIGTSTP, &ours, NULL);
}

#endif
