/*
 * YAML trees: a YAML text read with libyaml's events into a bounded
 * tree of scalars, sequences and mappings, shared by pool.yaml (where
 * aliases are allowed within limits) and mapping files and YAML input
 * (where they are refused).  The reader says what went wrong; each
 * caller words it for its own files.
 */
#ifndef POOL_YAML_H
#define POOL_YAML_H

#include <stddef.h>

enum pool_ykind {
	POOL_Y_SCALAR,
	POOL_Y_MAP,			/* kids: key, value, key, value ... */
	POOL_Y_SEQ
};

/* A node; no tags are kept, an alias is a copy of its anchor's node. */
struct pool_ynode {
	enum pool_ykind		  kind;
	unsigned long		  line;		/* 1-based */
	size_t			  start, end;	/* byte offsets in the text */
	char			 *value;	/* scalar, NUL-terminated */
	size_t			  len;
	int			  plain;	/* an unquoted scalar */
	struct pool_ynode	**kids;
	size_t			  n;
	size_t			  size;		/* nodes, this one included */
};

/* What the reader allows. */
struct pool_yopts {
	size_t	 maxnodes;	/* nodes read (aliases not counted) */
	int	 maxdepth;	/* collections open at once */
	int	 stream;	/* every document: the root is a sequence of
				   their roots (it takes one level) */
	int	 aliases;	/* 0: anchors and aliases are refused */
	size_t	 maxaliases;	/* aliases in the text */
	size_t	 maxexpand;	/* nodes all aliases add together */
};

/* Why a text was refused. */
enum pool_yfault_kind {
	POOL_YF_NOMEM = 1,
	POOL_YF_SYNTAX,		/* libyaml's problem and context */
	POOL_YF_DOCUMENTS,	/* a second document, not a stream */
	POOL_YF_ANCHOR,		/* an anchor where aliases are refused */
	POOL_YF_ALIAS,		/* an alias where they are refused */
	POOL_YF_ALIASES,	/* more than maxaliases */
	POOL_YF_UNKNOWN,	/* an alias of no complete anchor */
	POOL_YF_EXPAND,		/* aliases add more than maxexpand nodes */
	POOL_YF_NODES,		/* more than maxnodes */
	POOL_YF_DEPTH		/* more than maxdepth levels */
};

struct pool_yfault {
	enum pool_yfault_kind	 kind;
	unsigned long		 line;		/* 1-based; 0 if none */
	const char		*problem;	/* POOL_YF_SYNTAX; may be NULL */
	const char		*context;	/* POOL_YF_SYNTAX; may be NULL */
	char			 alias[256];	/* POOL_YF_UNKNOWN */
};

/**
 * Read len bytes of YAML into a tree.  An empty text (or document)
 * gives a NULL *root.  Returns 0 with *root set (free it with
 * pool_ynode_free), or -1 with *f saying why.
 */
int	pool_yaml_tree(const char *buf, size_t len, const struct pool_yopts *,
	    struct pool_ynode **root, struct pool_yfault *f);

void	pool_ynode_free(struct pool_ynode *);

#endif /* POOL_YAML_H */
