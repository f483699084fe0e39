/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "comptoir-db.h"
#include "comptoir-product.h"

G_BEGIN_DECLS

/* Purchase orders to a supplier: a draft is filled by hand or from a
 * suggestion, checked against the supplier's minimum and franco, sent
 * (status and date; the PDF is rendered by src/output), then received
 * against (goods receipt) or cancelled. Reference data: lines change
 * until the order is sent. Amounts are HT. */

typedef enum {
  COMPTOIR_PURCHASE_ORDER_DRAFT,
  COMPTOIR_PURCHASE_ORDER_SENT,
  COMPTOIR_PURCHASE_ORDER_RECEIVED,
  COMPTOIR_PURCHASE_ORDER_CANCELLED,
} ComptoirPurchaseOrderStatus;

/* "draft", "sent"…: as stored. */
const char *comptoir_purchase_order_status_to_string (ComptoirPurchaseOrderStatus status);
/* Translated, for people. */
const char *comptoir_purchase_order_status_get_label (ComptoirPurchaseOrderStatus status);

typedef struct {
  char         *id;
  char         *supplier_product_id;
  char         *product_id;       /* NULL: not linked to our catalogue yet */
  char         *supplier_ref;
  char         *label;            /* our product's name, else the supplier's */
  char         *barcode;          /* the supplier's barcode, else our product's first; NULL: none */
  ComptoirUnit  unit;             /* our product's (piece when not linked) */
  gint64        packs;            /* 0: a line taken off, or a suggestion turned down */
  gint64        quantity_milli;   /* packs × pack_milli */
  gint64        pack_milli;
  gint64        price_cents;      /* HT, of one unit, when ordered; -1: unknown */
  gint64        suggested_milli;  /* what the suggestion said; -1: not suggested */
  char         *explanation;      /* why, in a sentence; NULL when not suggested */
} ComptoirPurchaseOrderLine;

typedef struct {
  char                        *id;
  char                        *supplier_id;
  char                        *supplier_name;
  char                        *number;          /* "C-0042" */
  ComptoirPurchaseOrderStatus  status;
  char                        *created_at;      /* ISO 8601 UTC */
  char                        *sent_at;         /* NULL: not sent */
  char                        *expected_on;     /* YYYY-MM-DD; NULL: not sent */
  char                        *note;
  GArray                      *lines;           /* ComptoirPurchaseOrderLine, by supplier reference */
  gint64                       total_cents;     /* HT: each line's quantity × price */
  gint64                       min_order_cents; /* the supplier's, 0: none */
  gint64                       franco_cents;    /* the supplier's, 0: none */
} ComptoirPurchaseOrder;

void       comptoir_purchase_order_clear  (ComptoirPurchaseOrder  *order);

/* The order with all its lines (packs 0 included: a receiving screen
 * skips them). NOT_FOUND when there is no such order. */
gboolean   comptoir_purchase_order_load   (ComptoirDb             *db,
                                           const char             *order_id,
                                           ComptoirPurchaseOrder  *out,
                                           GError                **error);
/* By number ("C-0042", or just 42) or id. */
gboolean   comptoir_purchase_order_find   (ComptoirDb             *db,
                                           const char             *number_or_id,
                                           ComptoirPurchaseOrder  *out,
                                           GError                **error);
/* An order as a list of orders shows it, without its lines. */
typedef struct {
  char                        *id;
  char                        *number;         /* "C-0042" */
  ComptoirPurchaseOrderStatus  status;
  char                        *created_at;     /* ISO 8601 UTC */
  char                        *sent_at;        /* NULL: not sent */
  char                        *expected_on;    /* YYYY-MM-DD; NULL: not sent */
  guint                        n_lines;        /* lines with at least one pack */
  gint64                       total_cents;     /* HT, as comptoir_purchase_order_load() totals it */
} ComptoirPurchaseOrderSummary;

void       comptoir_purchase_order_summary_free (ComptoirPurchaseOrderSummary *summary);

/* The supplier's orders, whatever their status, newest first.
 * *out: ComptoirPurchaseOrderSummary*. */
gboolean   comptoir_purchase_order_list   (ComptoirDb             *db,
                                           const char             *supplier_id,
                                           GPtrArray             **out,
                                           GError                **error);
/* A new empty draft; returns its id. */
char      *comptoir_purchase_order_create (ComptoirDb             *db,
                                           const char             *supplier_id,
                                           GError                **error);
/* Sets how many packs of a catalogue line the draft orders, adding the
 * line if needed (at the catalogue's current price); 0 takes it off
 * (the line stays, at 0, beside what a suggestion said). */
gboolean   comptoir_purchase_order_set_line (ComptoirDb           *db,
                                             const char           *order_id,
                                             const char           *supplier_product_id,
                                             gint64                packs,
                                             GError              **error);
/* Marks a draft with at least one pack sent, today (now NULL: the
 * clock's), expected after the supplier's lead time. */
gboolean   comptoir_purchase_order_send   (ComptoirDb             *db,
                                           const char             *order_id,
                                           GDateTime              *now,
                                           GError                **error);
/* Sent → received (by goods receipt), draft or sent → cancelled. */
gboolean   comptoir_purchase_order_set_status (ComptoirDb                  *db,
                                               const char                  *order_id,
                                               ComptoirPurchaseOrderStatus  status,
                                               GError                     **error);
/* What to tell the person before sending, translated, NULL-terminated
 * (empty when all is well): under the supplier's minimum, short of the
 * franco, lines without a price. */
char     **comptoir_purchase_order_check  (const ComptoirPurchaseOrder *order);

/* The order for the supplier as a spreadsheet reads it: one line per
 * line ordered with supplier reference, name, packs, units and unit
 * price HT; UTF-8 with a byte order mark, ';' between columns and the
 * decimal comma, as French spreadsheets expect. */
GBytes    *comptoir_purchase_order_to_csv     (const ComptoirPurchaseOrder *order);
gboolean   comptoir_purchase_order_export_csv (ComptoirDb             *db,
                                               const char             *order_id,
                                               GFile                  *file,
                                               GError                **error);

/* A suggested quantity for one catalogue line linked to our product. */
typedef struct {
  char         *supplier_product_id;
  char         *product_id;
  char         *supplier_ref;
  char         *name;             /* our product's */
  ComptoirUnit  unit;
  gint64        pack_milli;
  gint64        price_cents;      /* HT of one unit; -1: unknown */
  guint         weeks;            /* of sales looked at */
  gint64        sold_milli;       /* over those weeks, refunds deducted */
  gint64        stock_milli;      /* now (a negative stock counts as 0) */
  gint64        on_order_milli;   /* in orders sent and not received yet */
  int           cover_days;       /* until the delivery of the order after this one */
  int           margin_days;      /* of sales kept as a safety margin */
  gint64        needed_milli;     /* to order, before rounding to packs */
  gint64        packs;
  gint64        quantity_milli;   /* packs × pack_milli */
  char         *explanation;      /* "Sold 12 a week, 5 in stock; …" */
} ComptoirOrderSuggestion;

void       comptoir_order_suggestion_free (ComptoirOrderSuggestion *suggestion);

/* What to order from the supplier for each active catalogue line linked
 * to one of our products, from the sales of the last weeks (stock
 * movements 'sale' and 'refund'), the stock, what is already on order,
 * the supplier's lead time and order days (see the .c for the rule).
 * now NULL: the clock's. *out: ComptoirOrderSuggestion*, by name. */
gboolean   comptoir_purchase_order_suggest (ComptoirDb   *db,
                                            const char   *supplier_id,
                                            guint         weeks,
                                            GDateTime    *now,
                                            GPtrArray   **out,
                                            GError      **error);
/* A draft with a line for each suggestion of at least one pack, keeping
 * what was suggested and why beside what a person then decides. */
char      *comptoir_purchase_order_create_from_suggestions (ComptoirDb  *db,
                                                            const char  *supplier_id,
                                                            GPtrArray   *suggestions,
                                                            GError     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirPurchaseOrder, comptoir_purchase_order_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirOrderSuggestion, comptoir_order_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirPurchaseOrderSummary, comptoir_purchase_order_summary_free)

G_END_DECLS
