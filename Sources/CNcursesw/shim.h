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

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
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

#endif
