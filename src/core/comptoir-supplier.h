/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* Suppliers (wholesalers and small producers) and the lines of their
 * catalogues, reference data written through the write API (they
 * replicate field by field). Money is in cents excluding VAT (HT), as
 * suppliers quote it; quantities are milli-units. */

/* ISO weekdays as bits: 1 << 1 is Monday … 1 << 7 is Sunday. */
typedef guint ComptoirWeekdays;

#define COMPTOIR_WEEKDAY_BIT(iso_weekday) (1u << (iso_weekday))
#define COMPTOIR_WEEKDAYS_ALL             0xfeu

/* What people write: "lundi, jeudi", "mon,thu", "Monday Thursday", "1,4",
 * "lun-ven" is not understood (list the days). An empty text is no day
 * (the supplier takes orders any day). */
gboolean          comptoir_weekdays_parse     (const char        *text,
                                               ComptoirWeekdays  *out_days,
                                               GError           **error);
/* As stored: "1,4"; "" for none. */
char             *comptoir_weekdays_to_string (ComptoirWeekdays   days);
/* For people, translated: "Monday, Thursday"; "any day" for none. */
char             *comptoir_weekdays_format    (ComptoirWeekdays   days);

typedef struct {
  char             *id;               /* NULL until saved */
  char             *name;
  char             *contact;
  char             *email;
  char             *phone;
  char             *address;
  ComptoirWeekdays  order_days;       /* 0: any day */
  int               lead_days;        /* order to delivery, 0 to 90 */
  gint64            min_order_cents;  /* HT; 0: no minimum */
  gint64            franco_cents;     /* HT, free delivery from; 0: none */
  char             *notes;
  gboolean          active;
} ComptoirSupplier;

/* A new supplier as a form starts it: active, delivering in 2 days. */
void              comptoir_supplier_init      (ComptoirSupplier  *supplier);
void              comptoir_supplier_clear     (ComptoirSupplier  *supplier);
void              comptoir_supplier_free      (ComptoirSupplier  *supplier);

/* Creates the supplier when its id is NULL (and sets it), else updates
 * it; only the fields that changed are logged. Refused with
 * COMPTOIR_DB_ERROR_INVALID and a message saying what to fix: a blank
 * name, a name another supplier has, an e-mail address that cannot be
 * one, a lead time or amounts out of range. */
gboolean          comptoir_supplier_save      (ComptoirDb        *db,
                                               ComptoirSupplier  *supplier,
                                               GError           **error);
gboolean          comptoir_supplier_load      (ComptoirDb        *db,
                                               const char        *supplier_id,
                                               ComptoirSupplier  *out,
                                               GError           **error);
/* By id, else by name (case and accents ignored); NOT_FOUND otherwise. */
gboolean          comptoir_supplier_find      (ComptoirDb        *db,
                                               const char        *name_or_id,
                                               ComptoirSupplier  *out,
                                               GError           **error);
/* ComptoirSupplier*, by name. */
GPtrArray        *comptoir_supplier_list      (ComptoirDb        *db,
                                               gboolean           with_inactive,
                                               GError           **error);

/* A line of a supplier's catalogue. */
typedef struct {
  char     *id;             /* NULL until saved */
  char     *supplier_id;
  char     *product_id;     /* our product; NULL: not linked yet */
  char     *supplier_ref;
  char     *barcode;        /* normalized (EAN-13 or EAN-8); NULL: none */
  char     *name;           /* as the supplier names it */
  gint64    pack_milli;     /* a case of 6: 6000; a 5 kg crate: 5000 */
  gint64    price_cents;    /* HT, of one unit (one kg, one litre); -1: unknown */
  int       vat_bp;         /* 0: not given */
  gboolean  active;
} ComptoirSupplierProduct;

void      comptoir_supplier_product_init  (ComptoirSupplierProduct  *product);
void      comptoir_supplier_product_clear (ComptoirSupplierProduct  *product);
void      comptoir_supplier_product_free  (ComptoirSupplierProduct  *product);

/* Creates (id NULL) or updates; the reference must be unique for the
 * supplier, the barcode valid. */
gboolean  comptoir_supplier_product_save  (ComptoirDb               *db,
                                           ComptoirSupplierProduct  *product,
                                           GError                  **error);
gboolean  comptoir_supplier_product_load  (ComptoirDb               *db,
                                           const char               *supplier_product_id,
                                           ComptoirSupplierProduct  *out,
                                           GError                  **error);
/* The line with this reference in the supplier's catalogue; NOT_FOUND
 * otherwise. */
gboolean  comptoir_supplier_product_find_ref     (ComptoirDb               *db,
                                                  const char               *supplier_id,
                                                  const char               *supplier_ref,
                                                  ComptoirSupplierProduct  *out,
                                                  GError                  **error);
/* The line a scanned barcode is about: first the supplier's own
 * barcode, then one of our product's barcodes for a line linked to it.
 * supplier_id NULL: any supplier (active lines first, then the oldest).
 * NOT_FOUND when no line has it; INVALID when it is not a barcode. */
gboolean  comptoir_supplier_product_find_barcode (ComptoirDb               *db,
                                                  const char               *supplier_id,
                                                  const char               *barcode,
                                                  ComptoirSupplierProduct  *out,
                                                  GError                  **error);
/* What a receiver or a script types: a barcode (tried as one when it
 * reads as one), else the supplier's reference. */
gboolean  comptoir_supplier_product_lookup       (ComptoirDb               *db,
                                                  const char               *supplier_id,
                                                  const char               *barcode_or_ref,
                                                  ComptoirSupplierProduct  *out,
                                                  GError                  **error);
/* Links the line to our product (product_id NULL: unlinks it). */
gboolean  comptoir_supplier_product_link         (ComptoirDb               *db,
                                                  const char               *supplier_product_id,
                                                  const char               *product_id,
                                                  GError                  **error);
/* ComptoirSupplierProduct*, by reference. */
GPtrArray *comptoir_supplier_product_list        (ComptoirDb               *db,
                                                  const char               *supplier_id,
                                                  GError                  **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirSupplier, comptoir_supplier_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirSupplier, comptoir_supplier_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirSupplierProduct, comptoir_supplier_product_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirSupplierProduct, comptoir_supplier_product_free)

G_END_DECLS
