/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In-tree only: what Comptoir knows of GS1 application identifiers
 * (comptoir-gs1-ai.c), which the element-string parser (comptoir-gs1.c)
 * consults. The parser decides where an element starts and ends; this
 * side says which AIs exist and whether a value is acceptable for one. */

typedef enum {
  FORMAT_N,     /* digits */
  FORMAT_X,     /* GS1 character set 82 */
  FORMAT_N3_X,  /* 3 digits (an ISO 3166 country), then character set 82 */
} AiFormat;

typedef enum {
  CHECK_NONE,
  CHECK_DIGIT,     /* GS1 mod-10 check digit over the whole value */
  CHECK_DATE,      /* YYMMDD, DD = 00 allowed (end of month) */
  CHECK_DATETIME,  /* YYMMDD then HH, MM, SS pairs */
} AiCheck;

typedef struct {
  const char *ai;       /* 2–4 digits; for a family, the 3 digits before n */
  guint8      max_n;    /* family: 4th digit 0..max_n; 0 and !family otherwise */
  gboolean    family;
  guint8      min_len;
  guint8      max_len;
  AiFormat    format;
  AiCheck     check;
  const char *name;     /* marked with N_() */
} AiSpec;

/* Finds the AI at p (digits available: avail). Returns the spec and the
 * AI's length, or NULL with an error naming the AI. */
const AiSpec *_comptoir_gs1_lookup_ai         (const char   *p,
                                               gsize         avail,
                                               guint        *ai_len,
                                               GError      **error);

/* GS1 General Specifications, "element strings with predefined length":
 * the length (AI digits included) when the AI's first two digits fix it,
 * else 0. */
guint         _comptoir_gs1_predefined_length (const char   *ai);

/* The spec's name, translated, for messages to the cashier. */
const char   *_comptoir_gs1_spec_name         (const AiSpec *spec);

/* Checks one value (len bytes, not nul-terminated) against its AI's spec:
 * length, character set, check digit, date. ai is the AI as read, for the
 * message. today decides the century of dates. */
gboolean      _comptoir_gs1_check_value       (const AiSpec *spec,
                                               const char   *ai,
                                               const char   *value,
                                               gsize         len,
                                               const GDate  *today,
                                               GError      **error);

/* Six digits YYMMDD to a date, the century per the GS1 rule around today
 * (which must be valid). When allow_day_zero, DD = 00 means the last day
 * of the month. */
gboolean      _comptoir_gs1_read_date         (const char   *yymmdd,
                                               const GDate  *today,
                                               gboolean      allow_day_zero,
                                               GDate        *out);

G_END_DECLS
