/*
 * csv_reports.c - for fuzz_csv.c: src/help/reports.c is included whole, so
 * that its static CSV field writer, csv_field(), can be called from
 * outside as fuzz_csv_reports().  Linked in place of the library's copy of
 * the file (it defines every function the file does).
 */
#include "help/reports.c"

void fuzz_csv_reports(struct buf *b, const char *s, int last);

void fuzz_csv_reports(struct buf *b, const char *s, int last)
{
	csv_field(b, s, last);
}
