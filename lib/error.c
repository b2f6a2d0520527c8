/*
 * Errors: struct pool_error, filled by the library, printed by cmd/.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pool.h"

void
pool_error_clear(struct pool_error *err)
{
	if (err == NULL)
		return;
	memset(err, 0, sizeof(*err));
}

int
pool_error_set(struct pool_error *err, enum pool_errcode code,
    const char *field, const char *fmt, ...)
{
	va_list	ap;

	if (err == NULL)
		return -1;
	err->code = code;
	err->sys_errno = code == POOL_ESYS ? errno : 0;
	/* A new error: no location until pool_error_locate gives one. */
	err->source[0] = '\0';
	err->line = 0;
	err->context[0] = '\0';
	if (field != NULL)
		snprintf(err->field, sizeof(err->field), "%s", field);
	else
		err->field[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return -1;
}

void
pool_error_locate(struct pool_error *err, const char *source,
    unsigned long line)
{
	if (err == NULL)
		return;
	if (source != NULL)
		snprintf(err->source, sizeof(err->source), "%s", source);
	err->line = line;
}

char *
pool_error_format(const struct pool_error *err, char *buf, size_t len)
{
	size_t	n = 0;
	int	w;

	if (len == 0)
		return buf;
	buf[0] = '\0';
#define APPEND(...) do {						\
	w = snprintf(buf + n, len - n, __VA_ARGS__);			\
	if (w < 0 || (size_t)w >= len - n)				\
		return buf;						\
	n += (size_t)w;							\
} while (0)
	if (err->source[0] != '\0') {
		APPEND("%s:", err->source);
		if (err->line > 0)
			APPEND("%lu:", err->line);
		APPEND(" ");
	}
	if (err->context[0] != '\0')
		APPEND("%s: ", err->context);
	if (err->field[0] != '\0')
		APPEND("field '%s': ", err->field);
	APPEND("%s", err->text);
	if (err->code == POOL_ESYS && err->sys_errno != 0)
		APPEND(": %s", strerror(err->sys_errno));
#undef APPEND
	return buf;
}
