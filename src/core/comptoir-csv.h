/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Problems with a spreadsheet file as a whole: what was asked of it
 * cannot be done until the file itself is fixed. */
#define COMPTOIR_CSV_ERROR (comptoir_csv_error_quark ())

typedef enum {
  COMPTOIR_CSV_ERROR_EMPTY,            /* no header line */
  COMPTOIR_CSV_ERROR_ENCODING,         /* neither UTF-8, UTF-16 nor Windows-1252 */
  COMPTOIR_CSV_ERROR_MALFORMED,        /* quoting broken; the message names the line */
  COMPTOIR_CSV_ERROR_MISSING_COLUMNS,  /* used by importers: a column they need is absent */
  COMPTOIR_CSV_ERROR_AMBIGUOUS_COLUMNS,/* used by importers: two columns mean the same */
} ComptoirCsvError;

GQuark comptoir_csv_error_quark (void);

/* A parsed CSV file (RFC 4180, with what spreadsheets really write):
 * records of UTF-8 fields, each with the line of the file it starts on.
 * Blank lines are skipped. The first record is usually the header. */
typedef struct _ComptoirCsv ComptoirCsv;

ComptoirCsv        *comptoir_csv_parse           (GBytes      *bytes,
                                                  GError     **error);
ComptoirCsv        *comptoir_csv_parse_data      (const char  *data,
                                                  gsize        len,
                                                  GError     **error);
void                comptoir_csv_free            (ComptoirCsv *self);

guint               comptoir_csv_get_n_records   (ComptoirCsv *self);
/* NULL-terminated fields of a record, borrowed. */
const char * const *comptoir_csv_get_record      (ComptoirCsv *self,
                                                  guint        index);
guint               comptoir_csv_get_n_fields    (ComptoirCsv *self,
                                                  guint        index);
/* 1-based line of the file where the record starts. */
guint               comptoir_csv_get_line        (ComptoirCsv *self,
                                                  guint        index);
/* "UTF-8", "UTF-16" or "Windows-1252": what the file was written in. */
const char         *comptoir_csv_get_encoding    (ComptoirCsv *self);
gboolean            comptoir_csv_get_had_bom     (ComptoirCsv *self);
/* ';', ',' or '\t'. */
char                comptoir_csv_get_delimiter   (ComptoirCsv *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirCsv, comptoir_csv_free)

G_END_DECLS
