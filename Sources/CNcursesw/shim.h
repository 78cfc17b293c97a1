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

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Globals, as functions so Swift 6 sees no shared mutable state.
static inline WINDOW *rw_stdscr(void) { return stdscr; }
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

#endif
