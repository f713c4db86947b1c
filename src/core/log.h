/*
 * log.h - structured log lines on stderr, one line per event in logfmt:
 *   ts=2026-11-28T12:00:00Z level=info pid=123 rid=abc msg="..." key=value
 * The supervisor (spawn-fcgi + multiwatch) hands stderr to a file or journal.
 */
#ifndef AGORA_LOG_H
#define AGORA_LOG_H

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

void log_set_level(enum log_level l);
/* Parses "error", "warn", "info", "debug"; -1 if unknown. */
int log_level_parse(const char *s);
/* rid may be NULL.  fmt produces the rest of the line after "msg=" fields. */
void log_msg(enum log_level l, const char *rid, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define log_error(...) log_msg(LOG_ERROR, NULL, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, NULL, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, NULL, __VA_ARGS__)

#endif
