/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-catalog.h"
#include "comptoir-scale-rules.h"
#include "comptoir-stock.h"

G_BEGIN_DECLS

/* Inventory counts, done while the shop sells. A count is a zone or a
 * category; people add entries (a scan, a number typed) on any machine,
 * a product's count being the sum of its entries. At validation, each
 * counted product's difference is posted as an "inventory" movement,
 * all in one transaction, where
 *   expected = stock now − the product's movements dated after its last
 *              entry
 * so that what was sold (or received) after the product was counted is
 * not counted twice. Products of the count's category that were not
 * counted are reported, and left as they are unless asked: an aisle not
 * reached is not an empty aisle. Validate a count on one machine: two
 * machines validating the same count while apart would both post. */

typedef enum {
  COMPTOIR_INVENTORY_OPEN,
  COMPTOIR_INVENTORY_VALIDATED,
  COMPTOIR_INVENTORY_CANCELLED,
} ComptoirInventoryStatus;

typedef struct {
  char                    *id;
  char                    *label;
  char                    *category_id;    /* NULL: a zone, any product */
  char                    *category_name;
  char                    *started_at;
  ComptoirInventoryStatus  status;
  char                    *validated_at;   /* NULL unless validated */
} ComptoirInventoryCount;

void       comptoir_inventory_count_clear  (ComptoirInventoryCount  *count);

/* Starts a count; returns its id. category_id may be NULL. */
char      *comptoir_inventory_start        (ComptoirDb              *db,
                                            const char              *label,
                                            const char              *category_id,
                                            GError                 **error);
gboolean   comptoir_inventory_get          (ComptoirDb              *db,
                                            const char              *count_id,
                                            ComptoirInventoryCount  *out,
                                            GError                 **error);
/* Every count, the newest first: a GPtrArray of ComptoirInventoryCount. */
GPtrArray *comptoir_inventory_list_counts  (ComptoirDb              *db,
                                            GError                 **error);

/* Adds an entry to an open count: quantity_milli ≥ 0 counted, or < 0 to
 * correct a count typed too high (the product's total stays ≥ 0). */
gboolean   comptoir_inventory_add          (ComptoirDb              *db,
                                            const char              *count_id,
                                            const char              *product_id,
                                            gint64                   quantity_milli,
                                            GError                 **error);
/* For comptoir_inventory_add_code: what the code says. */
#define COMPTOIR_INVENTORY_QUANTITY_FROM_CODE G_MININT64

/* The same from what a scanner read or a person typed, resolved as the
 * till does (our barcode or code, a scale label, a GS1 code);
 * quantity_milli COMPTOIR_INVENTORY_QUANTITY_FROM_CODE: what the code
 * says (one piece, the label's weight). Returns the product counted. */
ComptoirProduct *comptoir_inventory_add_code (ComptoirCatalog         *catalog,
                                              ComptoirScaleRules      *rules,
                                              const char              *count_id,
                                              const char              *code,
                                              gint64                   quantity_milli,
                                              GError                 **error);

/* A counted product, counted against expected. */
typedef struct {
  char         *product_id;
  char         *code;
  char         *name;
  ComptoirUnit  unit;
  gint64        counted_milli;
  gint64        expected_milli;
  gint64        difference_milli;   /* counted − expected */
  gint64        difference_cents;   /* at average cost; 0 when unknown */
  char         *last_counted_at;
} ComptoirInventoryLine;

void       comptoir_inventory_line_free    (ComptoirInventoryLine   *line);
/* The count's products by name: a GPtrArray of ComptoirInventoryLine. */
GPtrArray *comptoir_inventory_list         (ComptoirDb              *db,
                                            const char              *count_id,
                                            GError                 **error);

typedef enum {
  COMPTOIR_INVENTORY_VALIDATE_DEFAULT = 0,
  /* Products of the count's category not counted are set to 0 (the
   * count covered the whole category). Needs a category. */
  COMPTOIR_INVENTORY_ZERO_UNCOUNTED   = 1 << 0,
} ComptoirInventoryFlags;

typedef struct {
  guint      n_counted;         /* products counted */
  guint      n_adjusted;        /* products whose stock changed */
  gint64     difference_cents;  /* the adjustments at average cost */
  GPtrArray *uncounted;         /* ComptoirStockItem: the category's products in stock not counted */
  gboolean   uncounted_zeroed;
} ComptoirInventoryResult;

void       comptoir_inventory_result_clear (ComptoirInventoryResult *result);
/* What validation would report as not counted, before it is asked: the
 * products of the count's category in stock that it has no entry for
 * (quantity and value filled), by name; empty for a zone. A GPtrArray
 * of ComptoirStockItem. */
GPtrArray *comptoir_inventory_list_uncounted (ComptoirDb            *db,
                                              const char            *count_id,
                                              GError               **error);

/* Posts the differences and marks the count validated, all or nothing. */
gboolean   comptoir_inventory_validate     (ComptoirDb              *db,
                                            const char              *count_id,
                                            ComptoirInventoryFlags   flags,
                                            ComptoirInventoryResult *out,
                                            GError                 **error);
/* An open count given up: its entries stay, nothing is posted. */
gboolean   comptoir_inventory_cancel       (ComptoirDb              *db,
                                            const char              *count_id,
                                            GError                 **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirInventoryCount, comptoir_inventory_count_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirInventoryResult, comptoir_inventory_result_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirInventoryLine, comptoir_inventory_line_free)

G_END_DECLS
