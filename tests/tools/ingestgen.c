/*
 * ingestgen: write a shift export as the capacity centre's planning app
 * does (the columns of testdata/elderly-care/diensten.csv: ';'
 * separators, Dutch dates, overnight night shifts, quoted notes with
 * separators in them), N rows from a fixed seed, for the ingest
 * benchmark.
 *
 * usage: ingestgen [-n rows] [-s seed]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pool_time.h"

static uint64_t	state;

static uint64_t
next(void)
{
	uint64_t	z = (state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned int
pick(unsigned int n)
{
	return (unsigned int)(next() % n);
}

int
main(int argc, char *argv[])
{
	static const char *const orgs[][2] = {
		{ "HZ", "Stichting Heidezicht" }, { "VS", "Vechtstede Zorg" },
		{ "EH", "Eemhorst Ouderenzorg" }, { "LH", "Zorggroep Larenhof" },
		{ "GH", "Gooierhof Zorg" }, { "BW", "Zorgkring Baarnwoude" },
		{ "BH", "Stichting Het Bussemhuis" }
	};
	static const char *const units[] = {
		"Kleinschalig wonen De Eik", "Somatiek De Wilg",
		"Psychogeriatrie De Beuk", "Revalidatie De Linde"
	};
	static const char *const roles[] = {
		"Helpende", "Verzorgende IG", "Verzorgende IG",
		"Verpleegkundige MBO", "Verpleegkundige HBO"
	};
	static const char *const kinds[][3] = {
		{ "Vroeg", "07:00", "15:00" }, { "Laat", "15:00", "23:00" },
		{ "Nacht", "23:00", "07:00" }, { "Dag", "08:30", "17:00" }
	};
	static const char *const prio[] = { "Normaal", "Normaal", "Hoog",
	    "Spoed", "Laag" };
	static const char *const notes[] = {
		"", "", "", "\"Overdracht om 06:45; sleutelkast bij de receptie\"",
		"Inwerken door vaste collega", "\"Let op: \"\"BHV\"\" gevraagd\""
	};
	long		 n = 1000000, i;
	int		 ch, y, m, d, o, u;
	int64_t		 day0, day;

	state = 20261123;
	while ((ch = getopt(argc, argv, "n:s:")) != -1)
		switch (ch) {
		case 'n':
			n = strtol(optarg, NULL, 10);
			break;
		case 's':
			state = strtoull(optarg, NULL, 10);
			break;
		default:
			fprintf(stderr, "usage: ingestgen [-n rows] [-s seed]\n");
			return 2;
		}
	day0 = pool_time_days_from_civil(2026, 11, 23);
	printf("Dienstcode;Organisatie;Afdelingscode;Afdeling;Functie;Datum;"
	    "Dienst;Begintijd;Eindtijd;Pauze (min);Deskundigheid;Kenmerk;"
	    "Urgentie;Breedtegraad;Lengtegraad;Opmerking\n");
	for (i = 0; i < n; i++) {
		const char *const *k = kinds[pick(4)];

		o = (int)pick(7);
		u = (int)pick(4);
		day = day0 + pick(91);
		pool_time_civil_from_days(day, &y, &m, &d);
		printf("%s-%07ld;%s;%s-%02d;%s;%s;%02d-%02d-%04d;%s;%s;%s;%d;"
		    "%s;%s;%s;52.%04u;5.%04u;%s\n",
		    orgs[o][0], i + 1, orgs[o][1], orgs[o][0], u + 1, units[u],
		    roles[pick(5)], d, m, y, k[0], k[1], k[2],
		    k[0][0] == 'N' ? 0 : 30, pick(4) == 0 ? "pg" : "",
		    pick(10) == 0 ? "covid" : "", prio[pick(5)], pick(10000),
		    pick(10000), notes[pick(6)]);
	}
	return ferror(stdout) || fflush(stdout) == EOF ? 1 : 0;
}
