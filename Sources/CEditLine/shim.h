#ifndef QUARK_CEDITLINE_SHIM_H
#define QUARK_CEDITLINE_SHIM_H
#include <histedit.h>
#include <locale.h>

/* Swift cannot call C variadic functions: one fixed-argument bridge per el_set/history use. */

typedef char *(*quark_el_prompt_fn)(EditLine *);
typedef unsigned char (*quark_el_command_fn)(EditLine *, int);

/* The prompt: `fn`'s text, with invisible sequences (colours) between \1 characters. */
static inline int quark_el_set_prompt(EditLine *el, quark_el_prompt_fn fn) {
    return el_set(el, EL_PROMPT_ESC, fn, '\1');
}

static inline int quark_el_set_editor(EditLine *el, const char *editor) {
    return el_set(el, EL_EDITOR, editor);
}

/* One terminal flag while editing, e.g. "-isig": Ctrl-C becomes a key instead of SIGINT. */
static inline int quark_el_set_edit_tty(EditLine *el, const char *flag) {
    return el_set(el, EL_SETTY, "-d", flag, (const char *)NULL);
}

static inline int quark_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *quark_el_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int quark_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/* A new editor command `name` bound to `key` (e.g. "^I"). */
static inline int quark_el_bind(EditLine *el, const char *name, const char *help, quark_el_command_fn fn, const char *key) {
    if (el_set(el, EL_ADDFN, name, help, fn) != 0) return -1;
    return el_set(el, EL_BIND, key, name, (const char *)NULL);
}

static inline int quark_history_set_size(History *h, int size) {
    HistEvent event;
    if (history(h, &event, H_SETSIZE, size) != 0) return -1;
    return history(h, &event, H_SETUNIQUE, 1);
}

static inline int quark_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}
#endif
