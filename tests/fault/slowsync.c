/*
 * An fsync(2) that waits: preloaded by tests/fault/output.sh, it keeps
 * a program at the moment its temporary output file is complete but
 * not yet renamed, so that a signal can be sent to it then.  The file
 * FAULT_READY is created when the wait begins.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int	fsync(int);

int
fsync(int fd)
{
	const char	*ready = getenv("FAULT_READY");
	int		 i;

	(void)fd;
	if (ready != NULL)
		close(open(ready, O_WRONLY | O_CREAT, 0600));
	for (i = 0; i < 100; i++)
		usleep(100000);
	return 0;
}
