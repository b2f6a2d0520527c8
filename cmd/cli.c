/*
 * Command-line plumbing shared by the four programs.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

static const char	*progname = "pool";

/*
 * The output files being written: each is a temporary file in the
 * folder of its final name until cli_output_close renames it.  The
 * signal handler reads this table, so it is changed with the signals
 * blocked and holds only what unlinkat(2) needs.
 */
#define NOUT	4
static struct outfile {
	FILE		*f;
	char		*path;		/* the final name, for messages */
	char		*name;		/* the final name, relative to dirfd */
	char		*tmp;		/* the temporary file, relative to dirfd */
	int		 dirfd;		/* AT_FDCWD or a --split folder */
} outs[NOUT];

static void
cleanup_tmp(void)
{
	int	i;

	for (i = 0; i < NOUT; i++)
		if (outs[i].tmp != NULL)
			unlinkat(outs[i].dirfd, outs[i].tmp, 0);
}

/* SIGINT, SIGTERM, SIGHUP: remove the temporary files, then die of it. */
static void
on_signal(int sig)
{
	cleanup_tmp();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Block (1) or unblock (0) the signals on_signal handles. */
static void
block_signals(int block, sigset_t *old)
{
	sigset_t	set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	if (block)
		sigprocmask(SIG_BLOCK, &set, old);
	else
		sigprocmask(SIG_SETMASK, old, NULL);
}

/*
 * jansson does not survive a failed allocation cleanly (it can return a
 * wrong value), so the programs end at once with a clear message.  The
 * -o temporary file is removed by the atexit handler.
 */
static void *
json_alloc(size_t n)
{
	void	*p;

	if ((p = malloc(n)) == NULL) {
		static const char msg[] = ": out of memory\n";

		/* No stdio: this runs inside the JSON parser. */
		(void)!write(STDERR_FILENO, progname, strlen(progname));
		(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
		exit(CLI_DATA);
	}
	return p;
}

/* Remove the temporary files on sig, unless it is ignored (nohup). */
static void
catch_signal(int sig)
{
	struct sigaction	sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGINT);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGHUP);
	if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
		return;
	sigaction(sig, &sa, NULL);
}

void
cli_init(const char *name)
{
	const char	*p;

	p = strrchr(name, '/');
	progname = p != NULL ? p + 1 : name;
	/* "| head" ends the program quietly. */
	signal(SIGPIPE, SIG_DFL);
	atexit(cleanup_tmp);
	catch_signal(SIGINT);
	catch_signal(SIGTERM);
	catch_signal(SIGHUP);
	json_set_alloc_funcs(json_alloc, free);
}

const char *
cli_progname(void)
{
	return progname;
}

void
cli_warnx(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_warn(const char *fmt, ...)
{
	va_list	ap;
	int	e = errno;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
}

void
cli_error(const struct pool_error *err)
{
	char	buf[1024];

	fprintf(stderr, "%s: %s\n", progname,
	    pool_error_format(err, buf, sizeof(buf)));
}

void
cli_errx(int status, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

void
cli_usage_hint(void)
{
	fprintf(stderr, "%s: try '%s --help' for more information\n",
	    progname, progname);
	exit(CLI_USAGE);
}

void
cli_version(void)
{
	printf("%s %s\n", progname, POOL_VERSION);
	if (fflush(stdout) == EOF || ferror(stdout))
		exit(CLI_DATA);
	exit(CLI_OK);
}

struct pool_config *
cli_config(const char *path)
{
	struct pool_config	*conf;
	struct pool_error	 err;
	const char		*env;

	pool_error_clear(&err);
	if (path == NULL && (env = getenv("POOL_CONFIG")) != NULL &&
	    *env != '\0')
		path = env;
	if (path == NULL && access("pool.yaml", F_OK) == 0)
		path = "pool.yaml";
	if (path != NULL)
		conf = pool_config_load(path, &err);
	else
		conf = pool_config_new_default(&err);
	if (conf == NULL) {
		if (err.source[0] == '\0' && path != NULL)
			pool_error_locate(&err, path, 0);
		cli_error(&err);
		exit(CLI_USAGE);
	}
	return conf;
}

long long
cli_number(const char *name, const char *arg, long long min, long long max)
{
	char		*end;
	long long	 v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (*arg == '\0' || *end != '\0')
		cli_errx(CLI_USAGE, "--%s: '%s' is not a whole number", name, arg);
	if (errno == ERANGE || v < min)
		cli_errx(CLI_USAGE, "--%s: '%s' is too %s", name, arg,
		    v < min ? "small" : "large");
	if (v > max)
		cli_errx(CLI_USAGE, "--%s: '%s' is too large", name, arg);
	return v;
}

/* Move fd above the standard descriptors, so that a program started
 * with 0, 1 or 2 closed never writes its diagnostics into an output. */
static int
high_fd(int fd)
{
	int	nfd, e;

	if (fd < 0 || fd > STDERR_FILENO)
		return fd;
	nfd = fcntl(fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
	e = errno;
	close(fd);
	errno = e;
	return nfd;
}

static struct outfile *
out_slot(FILE *f)
{
	int	i;

	for (i = 0; i < NOUT; i++)
		if (outs[i].f == f && (f != NULL || outs[i].path == NULL))
			return &outs[i];
	return NULL;
}

/*
 * Create the temporary file for name (relative to dirfd): the name's
 * folder, the name cut short enough that ".tmpXXXXXX" still fits in
 * NAME_MAX, and six random letters; O_EXCL and O_NOFOLLOW, so that
 * nothing planted there is followed or reused.  Returns the descriptor
 * (above 2) with o->tmp set, or -1 with errno set.
 */
static int
tmp_create(struct outfile *o, const char *name)
{
	static const char	 abc[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned		 seq;
	const char		*base = strrchr(name, '/');
	size_t			 dlen, blen;
	unsigned char		 rnd[6];
	char			*tmp;
	sigset_t		 old;
	int			 fd = -1, tries, i;

	base = base != NULL ? base + 1 : name;
	dlen = (size_t)(base - name);
	blen = strlen(base);
	if (blen > NAME_MAX - 10)
		blen = NAME_MAX - 10;
	if ((tmp = malloc(dlen + blen + 11)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	for (tries = 0; tries < 100; tries++) {
		if (getentropy(rnd, sizeof(rnd)) == -1)
			for (i = 0; i < 6; i++)
				rnd[i] = (unsigned char)(getpid() * 31 +
				    seq++ * 7 + i * 13 + tries);
		memcpy(tmp, name, dlen + blen);
		memcpy(tmp + dlen + blen, ".tmp", 4);
		for (i = 0; i < 6; i++)
			tmp[dlen + blen + 4 + i] = abc[rnd[i] % 62];
		tmp[dlen + blen + 10] = '\0';
		block_signals(1, &old);
		fd = openat(o->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd != -1)
			o->tmp = tmp;
		block_signals(0, &old);
		if (fd != -1 || errno != EEXIST)
			break;
	}
	if (fd == -1) {
		i = errno;
		free(tmp);
		errno = i;
		return -1;
	}
	if ((fd = high_fd(fd)) == -1) {
		i = errno;
		unlinkat(o->dirfd, tmp, 0);
		block_signals(1, &old);
		o->tmp = NULL;
		block_signals(0, &old);
		free(tmp);
		errno = i;
	}
	return fd;
}

/*
 * The permissions of the new file: an existing file's mode, owner and
 * group where they can be kept (group bits go if the group cannot);
 * else 0600 less the umask.  Personal data is never widened.
 */
static void
tmp_mode(int fd, const struct stat *old)
{
	struct stat	sb;
	mode_t		mask, mode;

	if (old == NULL) {
		mask = umask(0);
		umask(mask);
		(void)fchmod(fd, 0600 & ~mask);
		return;
	}
	mode = old->st_mode & 0777;
	if (fchown(fd, old->st_uid, old->st_gid) == -1 &&
	    fchown(fd, (uid_t)-1, old->st_gid) == -1 &&
	    (fstat(fd, &sb) == -1 || sb.st_gid != old->st_gid))
		mode &= ~(mode_t)070;
	(void)fchmod(fd, mode);
}

static FILE *
output_open(int dirfd, const char *dir, const char *name, int in_place)
{
	struct outfile	*o;
	struct stat	 sb;
	const char	*msg = "cannot create '%s'";
	int		 fd, have;

	if ((o = out_slot(NULL)) == NULL)
		cli_errx(CLI_USAGE, "too many output files");
	memset(o, 0, sizeof(*o));
	o->dirfd = dirfd;
	if (dir != NULL) {
		size_t	len = strlen(dir) + strlen(name) + 2;

		if ((o->path = malloc(len)) != NULL)
			snprintf(o->path, len, "%s/%s", dir, name);
	} else
		o->path = strdup(name);
	if (o->path == NULL || (o->name = strdup(name)) == NULL)
		cli_errx(CLI_USAGE, "out of memory");
	have = fstatat(dirfd, name, &sb, in_place ? 0 : AT_SYMLINK_NOFOLLOW)
	    == 0;
	if (have && in_place && !S_ISREG(sb.st_mode)) {
		/* A device or a FIFO is written in place, never replaced. */
		msg = "cannot open '%s'";
		fd = high_fd(openat(dirfd, name, O_WRONLY | O_TRUNC |
		    O_CLOEXEC));
	} else {
		if (have && !S_ISREG(sb.st_mode))
			have = 0;	/* a link or FIFO is replaced */
		if ((fd = tmp_create(o, name)) != -1)
			tmp_mode(fd, have ? &sb : NULL);
	}
	if (fd == -1 || (o->f = fdopen(fd, "w")) == NULL) {
		cli_warn(msg, o->path);
		exit(CLI_USAGE);	/* cleanup_tmp removes it */
	}
	return o->f;
}

FILE *
cli_output_open(const char *path)
{
	if (path == NULL || strcmp(path, "-") == 0)
		return stdout;
	return output_open(AT_FDCWD, NULL, path, 1);
}

FILE *
cli_output_openat(int dirfd, const char *dir, const char *name)
{
	return output_open(dirfd, dir, name, 0);
}

int
cli_output_close(FILE *f, int ok)
{
	struct outfile	*o;
	const char	*name;
	sigset_t	 old;
	char		*tmp;
	int		 bad = 0;

	if (f == stdout) {
		if (fflush(f) == EOF || ferror(f)) {
			cli_warn("write error on standard output");
			bad = 1;
		}
		if (fclose(stdout) == EOF && !bad) {
			cli_warn("write error on standard output");
			bad = 1;
		}
		return bad ? -1 : 0;
	}
	if ((o = out_slot(f)) == NULL)
		cli_errx(CLI_DATA, "internal error: unknown output");
	name = o->path;
	if (fflush(f) == EOF || ferror(f)) {
		cli_warn("write error on '%s'", name);
		bad = 1;
	}
	if (!bad && o->tmp != NULL && fsync(fileno(f)) == -1 &&
	    errno != EINVAL) {
		cli_warn("cannot write '%s'", name);
		bad = 1;
	}
	if (fclose(f) == EOF && !bad) {
		cli_warn("cannot write '%s'", name);
		bad = 1;
	}
	o->f = NULL;
	if (o->tmp != NULL) {
		if (!bad && ok && renameat(o->dirfd, o->tmp, o->dirfd,
		    o->name) == -1) {
			cli_warn("cannot rename to '%s'", name);
			bad = 1;
		}
		if (bad || !ok)
			unlinkat(o->dirfd, o->tmp, 0);
		block_signals(1, &old);
		tmp = o->tmp;
		o->tmp = NULL;
		block_signals(0, &old);
		free(tmp);
	}
	free(o->path);
	free(o->name);
	o->path = o->name = NULL;
	return bad ? -1 : 0;
}

FILE *
cli_input_open(const char *path, const char **name)
{
	FILE	*f;

	if (strcmp(path, "-") == 0) {
		*name = "<stdin>";
		return stdin;
	}
	*name = path;
	if ((f = fopen(path, "r")) == NULL) {
		cli_warn("cannot open '%s'", path);
		return NULL;
	}
	return f;
}

void
cli_input_close(FILE *f)
{
	if (f != NULL && f != stdin)
		fclose(f);
}
