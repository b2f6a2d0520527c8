/*
 * Pseudonyms: HMAC-SHA-256 of the id under a secret key, from OpenSSL
 * libcrypto (no hash of our own).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "pool_pseudo.h"

struct pool_pseudo {
	unsigned char	*key;
	size_t		 len;
};

struct pool_pseudo *
pool_pseudo_new(const void *key, size_t len, struct pool_error *err)
{
	struct pool_pseudo	*p;

	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (p->key = malloc(len ? len : 1)) == NULL) {
		free(p);
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	memcpy(p->key, key, len);
	p->len = len;
	return p;
}

struct pool_pseudo *
pool_pseudo_load(const char *path, struct pool_error *err)
{
	struct pool_pseudo	*p;
	unsigned char		 buf[POOL_PSEUDO_MAXKEY + 2];
	size_t			 n;
	FILE			*f;

	if ((f = fopen(path, "r")) == NULL) {
		pool_error_set(err, POOL_ESYS, NULL, "cannot open key file "
		    "'%s'", path);
		return NULL;
	}
	n = fread(buf, 1, sizeof(buf), f);
	if (ferror(f)) {
		pool_error_set(err, POOL_ESYS, NULL, "cannot read key file "
		    "'%s'", path);
		fclose(f);
		return NULL;
	}
	fclose(f);
	if (n > 0 && buf[n - 1] == '\n')
		n--;
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	if (n < POOL_PSEUDO_MINKEY || n > POOL_PSEUDO_MAXKEY) {
		OPENSSL_cleanse(buf, sizeof(buf));
		pool_error_set(err, POOL_ECONFIG, NULL, "key file '%s' must "
		    "hold %d to %d bytes", path, POOL_PSEUDO_MINKEY,
		    POOL_PSEUDO_MAXKEY);
		return NULL;
	}
	p = pool_pseudo_new(buf, n, err);
	OPENSSL_cleanse(buf, sizeof(buf));
	return p;
}

void
pool_pseudo_free(struct pool_pseudo *p)
{
	if (p == NULL)
		return;
	OPENSSL_cleanse(p->key, p->len);
	free(p->key);
	free(p);
}

int
pool_pseudo_id(const struct pool_pseudo *p, const char *id, size_t len,
    char buf[POOL_PSEUDO_LEN + 1])
{
	static const char	 hex[] = "0123456789abcdef";
	unsigned char		 md[EVP_MAX_MD_SIZE];
	unsigned int		 mdlen = 0;
	int			 i;

	if (HMAC(EVP_sha256(), p->key, (int)p->len,
	    (const unsigned char *)id, len, md, &mdlen) == NULL || mdlen < 8)
		return -1;
	buf[0] = 'w';
	buf[1] = '-';
	for (i = 0; i < 8; i++) {
		buf[2 + 2 * i] = hex[md[i] >> 4];
		buf[3 + 2 * i] = hex[md[i] & 15];
	}
	buf[POOL_PSEUDO_LEN] = '\0';
	return 0;
}
