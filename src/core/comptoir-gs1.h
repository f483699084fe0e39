/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* GS1 element strings (GS1-128, GS1 DataMatrix, GS1 QR Code, GS1 DataBar)
 * as scanners send them:
 *   - with or without the AIM symbology identifier: "]C1" GS1-128,
 *     "]d2" GS1 DataMatrix, "]Q3" GS1 QR Code, "]e0" GS1 DataBar,
 *     "]J1" GS1 DotCode;
 *   - FNC1 sent as the GS character (0x1D) after a variable-length field
 *     (and sometimes first, in place of the leading FNC1);
 *   - or typed in the human-readable form "(01)03012345678900(10)LOT42",
 *     where a value ends at the next "(" (parentheses inside values are
 *     therefore not supported in that form).
 * Elements whose AI starts with one of the digit pairs of the GS1
 * predefined-length table (00–04, 11–20, 31–36, 41) are read at their fixed
 * length and need no GS after them; other fixed-length AIs (422, 7003…) are
 * read at their length too, with or without a GS.
 *
 * Errors are COMPTOIR_DB_ERROR_INVALID with a message for the cashier.
 *
 * Without a marker (COMPTOIR_GS1_SYMBOLOGY_NONE from
 * comptoir_gs1_detect_symbology()), digits alone are ambiguous: the EAN-13
 * 2101234012505 also reads as AI 21 (serial number) 01234012505. Resolve
 * product and scale codes first, and trust unmarked text as GS1 only when
 * it carries a GTIN (AI 01). */

#define COMPTOIR_GS1_GS '\x1d'

typedef enum {
  COMPTOIR_GS1_SYMBOLOGY_NONE,        /* no marker: raw element string */
  COMPTOIR_GS1_SYMBOLOGY_GS1_128,     /* ]C1 */
  COMPTOIR_GS1_SYMBOLOGY_DATAMATRIX,  /* ]d2 */
  COMPTOIR_GS1_SYMBOLOGY_QR,          /* ]Q3 */
  COMPTOIR_GS1_SYMBOLOGY_DATABAR,     /* ]e0 */
  COMPTOIR_GS1_SYMBOLOGY_DOTCODE,     /* ]J1 */
  COMPTOIR_GS1_SYMBOLOGY_BRACKETED,   /* "(01)…" typed or copied from the label */
  COMPTOIR_GS1_SYMBOLOGY_GS,          /* no AIM identifier, but a leading GS (FNC1) */
  COMPTOIR_GS1_SYMBOLOGY_OTHER,       /* an AIM identifier of a symbology that is not GS1 */
} ComptoirGs1Symbology;

typedef struct {
  char *ai;     /* "01", "3103", … */
  char *value;  /* as encoded, e.g. "001250" */
} ComptoirGs1Element;

typedef struct {
  ComptoirGs1Symbology symbology;

  char      *gtin;          /* AI 01: 14 digits, check digit verified; or NULL */
  char      *ean13;         /* AI 01 starting with 0: the 13 last digits; or NULL */
  char      *content_gtin;  /* AI 02, or NULL */
  char      *batch;         /* AI 10, or NULL */
  char      *serial;        /* AI 21, or NULL */

  /* Dates (YYMMDD; century per the GS1 rule; DD = 00 read as the last day
   * of the month). Invalid (g_date_valid() is FALSE) when absent. */
  GDate      production_date;  /* AI 11 */
  GDate      due_date;         /* AI 12 */
  GDate      packaging_date;   /* AI 13 */
  GDate      best_before_date; /* AI 15 */
  GDate      sell_by_date;     /* AI 16 */
  GDate      expiry_date;      /* AI 17 */

  /* AI 310n (kg with n decimals) or 320n (pounds, converted): grams,
   * rounded half away from zero to the gram. */
  gboolean   has_net_weight;
  gint64     net_weight_milli;
  gboolean   net_weight_from_pounds;

  /* AI 392n (price in the local currency with n decimals) or 393n (ISO
   * 4217 numeric currency, then the price): hundredths of the currency
   * unit. A price with a fraction of a hundredth is refused. */
  gboolean   has_price;
  gint64     price_cents;
  char       price_currency[4];  /* "978" for 393n in euros; "" for 392n */

  GPtrArray *elements;  /* (element-type ComptoirGs1Element): every element, in order */
} ComptoirGs1Data;

ComptoirGs1Symbology comptoir_gs1_detect_symbology (const char            *text,
                                                    gssize                 length);
ComptoirGs1Data     *comptoir_gs1_parse            (const char            *text,
                                                    gssize                 length,
                                                    const GDate           *today,
                                                    GError               **error);
void                 comptoir_gs1_data_free        (ComptoirGs1Data       *data);
const char          *comptoir_gs1_data_get_value   (const ComptoirGs1Data *data,
                                                    const char            *ai);
gboolean             comptoir_gs1_parse_date       (const char            *yymmdd,
                                                    const GDate           *today,
                                                    gboolean               allow_day_zero,
                                                    GDate                 *out,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirGs1Data, comptoir_gs1_data_free)

G_END_DECLS
