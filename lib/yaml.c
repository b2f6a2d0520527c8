/*
 * YAML trees: libyaml's events built into a bounded tree of
 * struct pool_ynode, with aliases copied or refused (pool_yaml.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "pool_int.h"
#include "pool_yaml.h"

/* An anchor: the name and the complete node it names. */
struct anchor {
	char			*name;
	struct pool_ynode	*node;
};

struct ybuild {
	const struct pool_yopts	 *o;
	struct pool_yfault	 *f;
	struct pool_ynode	**stack;	/* open collections */
	char			**stack_anchor;	/* their anchors, or NULL */
	int			  depth;
	size_t			  nodes, naliases, expanded;
	struct anchor		 *anchors;
	size_t			  nanchors, capanchors;
	int			  ndocs;
	struct pool_ynode	 *root;
};

void
pool_ynode_free(struct pool_ynode *y)
{
	size_t	i;

	if (y == NULL)
		return;
	for (i = 0; i < y->n; i++)
		pool_ynode_free(y->kids[i]);
	free(y->kids);
	free(y->value);
	free(y);
}

static int
fault(struct ybuild *b, enum pool_yfault_kind kind, unsigned long line)
{
	b->f->kind = kind;
	b->f->line = line;
	return -1;
}

/* Count size more nodes in the open collection (saturating: the limits
 * are far below SIZE_MAX). */
static void
grow(struct ybuild *b, size_t size)
{
	struct pool_ynode	*up;

	if (b->depth == 0)
		return;
	up = b->stack[b->depth - 1];
	up->size = up->size < SIZE_MAX - size ? up->size + size : SIZE_MAX;
}

/* Add kid to the open collection (or make it the root).  -1: memory. */
static int
attach(struct ybuild *b, struct pool_ynode *y)
{
	struct pool_ynode	*top, **k;

	if (b->depth == 0) {
		if (b->root != NULL)
			pool_ynode_free(b->root);
		b->root = y;
		return 0;
	}
	top = b->stack[b->depth - 1];
	if (top->n == 0 || (top->n >= 4 && (top->n & (top->n - 1)) == 0)) {
		/* The capacity is 4 or the next power of two. */
		size_t cap = top->n == 0 ? 4 : top->n * 2;

		if ((k = realloc(top->kids, cap * sizeof(*k))) == NULL) {
			pool_ynode_free(y);
			return -1;
		}
		top->kids = k;
	}
	top->kids[top->n++] = y;
	return 0;
}

/* A copy of the tree at y, or NULL (memory). */
static struct pool_ynode *
copy(const struct pool_ynode *y)
{
	struct pool_ynode	*c;
	size_t			 i;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	*c = *y;
	c->value = NULL;
	c->kids = NULL;
	c->n = 0;
	if (y->value != NULL && (c->value = malloc(y->len + 1)) == NULL)
		goto fail;
	if (y->value != NULL)
		memcpy(c->value, y->value, y->len + 1);
	/* complete: nothing is attached to a copy, so n is its room */
	if (y->n > 0 && (c->kids = calloc(y->n, sizeof(*c->kids))) == NULL)
		goto fail;
	for (i = 0; i < y->n; i++) {
		if ((c->kids[i] = copy(y->kids[i])) == NULL)
			goto fail;
		c->n++;
	}
	return c;
fail:
	pool_ynode_free(c);
	return NULL;
}

static int
anchor_add(struct ybuild *b, const char *name, struct pool_ynode *y)
{
	struct anchor	*a;
	size_t		 cap;

	if (b->nanchors == b->capanchors) {
		cap = b->capanchors ? b->capanchors * 2 : 8;
		if ((a = realloc(b->anchors, cap * sizeof(*a))) == NULL)
			return -1;
		b->anchors = a;
		b->capanchors = cap;
	}
	if ((b->anchors[b->nanchors].name = xstrdup(name)) == NULL)
		return -1;
	b->anchors[b->nanchors++].node = y;
	return 0;
}

/* The node most recently anchored under name (complete), or NULL. */
static struct pool_ynode *
anchor_find(const struct ybuild *b, const char *name)
{
	size_t	i;

	for (i = b->nanchors; i > 0; i--)
		if (strcmp(b->anchors[i - 1].name, name) == 0)
			return b->anchors[i - 1].node;
	return NULL;
}

static int
on_alias(struct ybuild *b, const yaml_event_t *ev, unsigned long line)
{
	const char		*name = (const char *)ev->data.alias.anchor;
	struct pool_ynode	*y, *c;

	if (!b->o->aliases)
		return fault(b, POOL_YF_ALIAS, line);
	if (++b->naliases > b->o->maxaliases)
		return fault(b, POOL_YF_ALIASES, line);
	if ((y = anchor_find(b, name)) == NULL) {
		snprintf(b->f->alias, sizeof(b->f->alias), "%s", name);
		return fault(b, POOL_YF_UNKNOWN, line);
	}
	b->expanded += y->size;
	if (y->size > b->o->maxexpand || b->expanded > b->o->maxexpand)
		return fault(b, POOL_YF_EXPAND, line);
	if ((c = copy(y)) == NULL || attach(b, c) == -1)
		return fault(b, POOL_YF_NOMEM, 0);
	grow(b, c->size);
	return 0;
}

/* A scalar, or the start of a collection. */
static int
on_node(struct ybuild *b, const yaml_event_t *ev, unsigned long line)
{
	struct pool_ynode	*y;
	const char		*anchor;

	anchor = (const char *)(ev->type == YAML_SCALAR_EVENT ?
	    ev->data.scalar.anchor : ev->type == YAML_SEQUENCE_START_EVENT ?
	    ev->data.sequence_start.anchor : ev->data.mapping_start.anchor);
	if (anchor != NULL && !b->o->aliases)
		return fault(b, POOL_YF_ANCHOR, line);
	if (++b->nodes > b->o->maxnodes)
		return fault(b, POOL_YF_NODES, line);
	if ((y = calloc(1, sizeof(*y))) == NULL)
		return fault(b, POOL_YF_NOMEM, 0);
	y->line = line;
	y->start = ev->start_mark.index;
	y->end = ev->end_mark.index;
	y->size = 1;
	if (ev->type == YAML_SCALAR_EVENT) {
		y->kind = POOL_Y_SCALAR;
		y->len = ev->data.scalar.length;
		y->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if ((y->value = malloc(y->len + 1)) == NULL) {
			free(y);
			return fault(b, POOL_YF_NOMEM, 0);
		}
		memcpy(y->value, ev->data.scalar.value, y->len);
		y->value[y->len] = '\0';
	} else
		y->kind = ev->type == YAML_MAPPING_START_EVENT ? POOL_Y_MAP :
		    POOL_Y_SEQ;
	if (attach(b, y) == -1)
		return fault(b, POOL_YF_NOMEM, 0);
	if (y->kind == POOL_Y_SCALAR) {
		grow(b, 1);
		if (anchor != NULL && anchor_add(b, anchor, y) == -1)
			return fault(b, POOL_YF_NOMEM, 0);
		return 0;
	}
	if (b->depth == b->o->maxdepth)
		return fault(b, POOL_YF_DEPTH, line);
	b->stack_anchor[b->depth] = NULL;
	if (anchor != NULL &&
	    (b->stack_anchor[b->depth] = xstrdup(anchor)) == NULL)
		return fault(b, POOL_YF_NOMEM, 0);
	b->stack[b->depth++] = y;
	return 0;
}

/* The end of a collection: its size counts in its parent's; then an
 * anchor names it (an alias inside its own node is unknown). */
static int
on_end(struct ybuild *b, const yaml_event_t *ev)
{
	struct pool_ynode	*y;

	if (b->depth == 0)
		return 0;
	y = b->stack[--b->depth];
	y->end = ev->end_mark.index;
	grow(b, y->size);
	if (b->stack_anchor[b->depth] != NULL) {
		if (anchor_add(b, b->stack_anchor[b->depth], y) == -1)
			return fault(b, POOL_YF_NOMEM, 0);
		free(b->stack_anchor[b->depth]);
		b->stack_anchor[b->depth] = NULL;
	}
	return 0;
}

static int
on_event(struct ybuild *b, const yaml_event_t *ev)
{
	unsigned long	line = (unsigned long)ev->start_mark.line + 1;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (b->ndocs++ > 0 && !b->o->stream)
			return fault(b, POOL_YF_DOCUMENTS, line);
		return 0;
	case YAML_ALIAS_EVENT:
		return on_alias(b, ev, line);
	case YAML_SCALAR_EVENT:
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return on_node(b, ev, line);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return on_end(b, ev);
	default:
		return 0;
	}
}

int
pool_yaml_tree(const char *buf, size_t len, const struct pool_yopts *o,
    struct pool_ynode **root, struct pool_yfault *f)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	struct ybuild	 b;
	int		 done = 0, rc = -1, i;
	size_t		 k;

	*root = NULL;
	memset(f, 0, sizeof(*f));
	memset(&b, 0, sizeof(b));
	b.o = o;
	b.f = f;
	b.stack = calloc((size_t)o->maxdepth + 1, sizeof(*b.stack));
	b.stack_anchor = calloc((size_t)o->maxdepth + 1,
	    sizeof(*b.stack_anchor));
	if (b.stack == NULL || b.stack_anchor == NULL) {
		fault(&b, POOL_YF_NOMEM, 0);
		goto out;
	}
	if (o->stream) {
		if ((b.root = calloc(1, sizeof(*b.root))) == NULL) {
			fault(&b, POOL_YF_NOMEM, 0);
			goto out;
		}
		b.root->kind = POOL_Y_SEQ;
		b.root->line = 1;
		b.root->size = 1;
		b.stack[b.depth++] = b.root;
	}
	if (!yaml_parser_initialize(&p)) {
		fault(&b, POOL_YF_NOMEM, 0);
		goto out;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			if (p.error == YAML_MEMORY_ERROR)
				fault(&b, POOL_YF_NOMEM, 0);
			else {
				fault(&b, POOL_YF_SYNTAX,
				    (unsigned long)p.problem_mark.line + 1);
				f->problem = p.problem;
				f->context = p.context;
			}
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		i = on_event(&b, &ev);
		yaml_event_delete(&ev);
		if (i == -1)
			break;
	}
	yaml_parser_delete(&p);
	if (done && f->kind == 0) {
		*root = b.root;
		b.root = NULL;
		rc = 0;
	}
out:
	pool_ynode_free(b.root);
	for (k = 0; k < b.nanchors; k++)
		free(b.anchors[k].name);
	free(b.anchors);
	if (b.stack_anchor != NULL)
		for (i = 0; i <= o->maxdepth; i++)
			free(b.stack_anchor[i]);
	free(b.stack_anchor);
	free(b.stack);
	return rc;
}
