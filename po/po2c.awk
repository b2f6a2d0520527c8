# Compile a gettext catalog (po/<lang>.po) into the C table of libpool:
#   awk -v lang=nl -f po/po2c.awk po/nl.po > lib/i18n_nl.c
# Reads msgctxt, msgid, msgstr (with continued "" lines) and the
# c-format flag; leaves out the header, fuzzy and untranslated entries.
function flush() {
	if (have && id != "" && str != "" && !fuzzy)
		printf "\t{ %s, \"%s\", \"%s\", %d },\n", \
		    hasctxt ? "\"" ctxt "\"" : "NULL", id, str, cfmt
	have = 0; hasctxt = 0; ctxt = ""; id = ""; str = ""; cfmt = 0; fuzzy = 0
	field = ""
}
function unq(s) {
	sub(/^[^"]*"/, "", s)
	sub(/"[ \t]*$/, "", s)
	return s
}
BEGIN {
	print "/* Made from po/" lang ".po by po/po2c.awk (make po): do not edit. */"
	print "#include <stddef.h>"
	print ""
	print "#include \"pool_i18n.h\""
	print ""
	print "static const struct pool_i18n_msg msgs[] = {"
}
/^#,/ {
	if (have && field == "msgstr")
		flush()
	if ($0 ~ /c-format/) pflag = 1
	if ($0 ~ /fuzzy/) pfuzzy = 1
	next
}
/^#/ { next }
/^[ \t]*$/ { flush(); pflag = 0; pfuzzy = 0; next }
/^msgctxt / {
	if (have && field == "msgstr") flush()
	have = 1; hasctxt = 1; ctxt = unq($0); field = "ctxt"; next
}
/^msgid / {
	if (have && field == "msgstr") flush()
	have = 1; id = unq($0); field = "id"
	cfmt = pflag; fuzzy = pfuzzy; pflag = 0; pfuzzy = 0
	next
}
/^msgstr / { str = unq($0); field = "msgstr"; next }
/^"/ {
	if (field == "ctxt") ctxt = ctxt unq($0)
	else if (field == "id") id = id unq($0)
	else if (field == "msgstr") str = str unq($0)
	next
}
END {
	flush()
	print "};"
	print ""
	print "const struct pool_i18n_msg *"
	print "pool_i18n_" lang "(size_t *n)"
	print "{"
	print "\t*n = sizeof(msgs) / sizeof(msgs[0]);"
	print "\treturn msgs;"
	print "}"
}
