/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In-store variable-measure EAN-13 codes, as printed by the shop's scales.
 *
 * A rule says how to read a 13-digit code whose first digits are its
 * prefix. Positions count from 0 for the leftmost digit; digit 12 is always
 * the EAN check digit and belongs to no span. The defaults, as French
 * cooperative shops configure their scales:
 *
 *   digit   0 1 | 2 3 4 5 6 | 7 8 9 10 11 | 12
 *           2 1 |  item     | weight, g   | EAN check   "21": 5-digit weight, kg with 3 decimals
 *           2 3 |  item     | price, cts  | EAN check   "23": 5-digit price, euros with 2 decimals
 *           0 2 |  item     | price, cts  | EAN check   "02": the same (UPC-A number system 2)
 *
 * that is prefix at 0–1, item code at 2–6 (item_start 2, item_len 5), value
 * at 7–11 (value_start 7, value_len 5). None of the defaults carries a
 * price check digit; a rule may, at a position of its own, when its value
 * has 4 or 5 digits (GS1 General Specifications, "price/measure verifier
 * digit"), e.g. "2 IIIII V PPPP C" is prefix "2x", item 2–6, check 7,
 * value 8–11.
 *
 * Messages shown to people number digits from 1, as a person counts them
 * on the label; a settings editor should do the same (start + 1). */

typedef enum {
  COMPTOIR_SCALE_WEIGHT,  /* value is a weight in kg with `decimals` decimals */
  COMPTOIR_SCALE_PRICE,   /* value is a price in euros with `decimals` decimals */
} ComptoirScaleKind;

typedef struct {
  const char       *prefix;               /* digits, e.g. "21" */
  guint             item_start;
  guint             item_len;
  guint             value_start;
  guint             value_len;
  guint             decimals;             /* 0–3 for a weight, 0–2 for a price */
  ComptoirScaleKind kind;
  gboolean          has_price_check_digit;
  guint             price_check_position; /* used when has_price_check_digit */
} ComptoirScaleRule;

#define COMPTOIR_SCALE_ITEM_CODE_MAX 11

typedef struct {
  guint             rule_index;   /* which rule of the list matched */
  ComptoirScaleKind kind;
  char              item_code[COMPTOIR_SCALE_ITEM_CODE_MAX + 1]; /* e.g. "01234" */
  /* The scanned code with the value (and its price check digit) set to
   * zeros and the EAN check digit recomputed: the barcode under which the
   * article can be registered in the catalogue, e.g. "2101234000007". */
  char              lookup_code[14];
  gint64            quantity_milli; /* COMPTOIR_SCALE_WEIGHT: grams; 0 otherwise */
  gint64            price_cents;    /* COMPTOIR_SCALE_PRICE: cents; 0 otherwise */
} ComptoirScaleReading;

typedef struct _ComptoirScaleRules ComptoirScaleRules;

ComptoirScaleRules      *comptoir_scale_rules_new           (void);
ComptoirScaleRules      *comptoir_scale_rules_new_default   (void);
ComptoirScaleRules      *comptoir_scale_rules_new_from_json (const char          *json,
                                                             GError             **error);
void                     comptoir_scale_rules_free          (ComptoirScaleRules  *rules);

guint                    comptoir_scale_rules_get_n_rules   (ComptoirScaleRules  *rules);
const ComptoirScaleRule *comptoir_scale_rules_get_rule      (ComptoirScaleRules  *rules,
                                                             guint                index);
gboolean                 comptoir_scale_rules_append        (ComptoirScaleRules  *rules,
                                                             const ComptoirScaleRule *rule,
                                                             GError             **error);
void                     comptoir_scale_rules_remove        (ComptoirScaleRules  *rules,
                                                             guint                index);

char                    *comptoir_scale_rules_to_json       (ComptoirScaleRules  *rules);

gboolean                 comptoir_scale_rules_match         (ComptoirScaleRules  *rules,
                                                             const char          *ean13,
                                                             ComptoirScaleReading *out,
                                                             GError             **error);

gboolean                 comptoir_scale_rule_validate       (const ComptoirScaleRule *rule,
                                                             GError             **error);
int                      comptoir_price_check_digit         (const char          *digits,
                                                             gsize                len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirScaleRules, comptoir_scale_rules_free)

G_END_DECLS
