/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-goods-receipt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-catalog.h"
#include "comptoir-change.h"
#include "comptoir-goods-receipt-private.h"
#include "comptoir-gs1.h"
#include "comptoir-id.h"

/* Reading a code on the receiving station and counting it on its line.
 * Every scan is a handful of indexed probes (the product of a barcode
 * among 100,000, the line of a product among a receipt's 300) and one
 * fact, in one transaction: the receiver scans at the pace of a hand. */


typedef ComptoirReceiptReading Reading;

void
_comptoir_receipt_reading_clear (Reading *r)
{
  g_free (r->clean);
  g_free (r->key);
  g_free (r->lot);
  g_free (r->product_id);
  g_free (r->product_name);
  g_free (r->sp_id);
  g_free (r->sp_product_id);
  g_free (r->sp_name);
  g_free (r->sp_ref);
  memset (r, 0, sizeof *r);
}

/* The same as the till's: plain digits are ambiguous ("21…" reads as a
 * GS1 serial number), so only a symbology identifier, a group separator,
 * brackets or a leading GTIN mark a GS1 element string. */
static gboolean
looks_like_gs1 (const char *text)
{
  return text[0] == ']' || text[0] == '(' || strchr (text, COMPTOIR_GS1_GS) != NULL ||
         (g_str_has_prefix (text, "01") && strlen (text) > 16);
}

static gboolean
all_digits (const char *text)
{
  return text[0] != '\0' && strspn (text, "0123456789") == strlen (text);
}

static void
add_candidate (GPtrArray  *candidates,
               const char *code)
{
  if (code != NULL && code[0] != '\0' &&
      !g_ptr_array_find_with_equal_func (candidates, code, g_str_equal, NULL))
    g_ptr_array_add (candidates, g_strdup (code));
}

/* Forms under which a barcode may be stored: as read, as our catalogue
 * normalises it (UPC-A with a leading 0), an EAN-13 inside a GTIN-14. */
static void
add_barcode_forms (GPtrArray  *candidates,
                   const char *code)
{
  gsize len = strlen (code);

  add_candidate (candidates, code);
  if (!all_digits (code))
    return;
  if (comptoir_barcode_classify (code) != COMPTOIR_BARCODE_INVALID)
    {
      g_autofree char *normal = comptoir_barcode_normalize (code, NULL);
      add_candidate (candidates, normal);
    }
  if (len == 14 && code[0] == '0' && comptoir_barcode_classify (code + 1) == COMPTOIR_BARCODE_EAN13)
    add_candidate (candidates, code + 1);
  if (len == 14 && g_str_has_prefix (code, "000000") &&
      comptoir_barcode_classify (code + 6) == COMPTOIR_BARCODE_EAN8)
    add_candidate (candidates, code + 6);
}

static void
read_product (sqlite3_stmt *stmt,
              gpointer      data)
{
  Reading *r = data;
  ComptoirUnit unit = COMPTOIR_UNIT_PIECE;

  g_free (r->product_id);
  g_free (r->product_name);
  r->product_id = _comptoir_db_column_dup (stmt, 0);
  r->product_name = _comptoir_db_column_dup (stmt, 1);
  comptoir_unit_from_string ((const char *) sqlite3_column_text (stmt, 2), &unit);
  r->unit = unit;
}

/* Whether the product of sql's ?1 = key was found; error set only when
 * the database fails. */
static gboolean
product_info (ComptoirDb  *db,
              const char  *sql,
              const char  *key,
              Reading     *r,
              GError     **error)
{
  gboolean found = FALSE;

  return _comptoir_db_query_row (db, sql, key, NULL, read_product, r, &found, error) && found;
}

static void
read_supplier_item (sqlite3_stmt *stmt,
                    gpointer      data)
{
  Reading *r = data;

  g_free (r->sp_id);
  g_free (r->sp_product_id);
  g_free (r->sp_name);
  g_free (r->sp_ref);
  r->sp_id = _comptoir_db_column_dup (stmt, 0);
  r->sp_product_id = _comptoir_db_column_dup (stmt, 1);
  r->sp_name = _comptoir_db_column_dup (stmt, 2);
  r->sp_ref = _comptoir_db_column_dup (stmt, 3);
  r->sp_pack = sqlite3_column_int64 (stmt, 4);
  r->sp_price = _comptoir_db_column_int_or (stmt, 5, -1);
}

/* The receipt's supplier's item whose barcode (by_ref FALSE) or
 * reference (TRUE) is key; active items and linked ones first. Whether
 * it was found, as above. */
static gboolean
supplier_item (ComptoirDb  *db,
               const char  *supplier_id,
               const char  *key,
               gboolean     by_ref,
               Reading     *r,
               GError     **error)
{
  gboolean found = FALSE;

  return _comptoir_db_query_row (db,
                                 by_ref
                                   ? "SELECT id, product_id, name, supplier_ref, pack_milli, price_cents "
                                     "FROM supplier_product WHERE supplier_ref = ?1 AND supplier_id = ?2"
                                   : "SELECT id, product_id, name, supplier_ref, pack_milli, price_cents "
                                     "FROM supplier_product WHERE barcode = ?1 AND supplier_id = ?2 "
                                     "ORDER BY active DESC, product_id IS NULL, id LIMIT 1",
                                 key, supplier_id, read_supplier_item, r, &found, error) &&
         found;
}

#define OUR_BARCODE_SQL \
  "SELECT p.id, p.name, p.unit FROM product_barcode b JOIN product p ON p.id = b.product_id WHERE b.barcode = ?1"
#define PRODUCT_BY_ID_SQL   "SELECT id, name, unit FROM product WHERE id = ?1"
#define PRODUCT_BY_CODE_SQL "SELECT id, name, unit FROM product WHERE code = ?1"

/* The supplier's item found, it tells our product when we have none, and
 * whether the code is a case's; an item linked to another product than
 * our barcode's is ignored (the catalogues disagree; ours wins). */
static gboolean
take_supplier_item (ComptoirDb  *db,
                    Reading     *r,
                    const char  *key,
                    GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  if (r->product_id != NULL)
    {
      if (r->sp_product_id != NULL && !g_str_equal (r->sp_product_id, r->product_id))
        g_clear_pointer (&r->sp_id, g_free);
      return TRUE;
    }

  g_free (r->key);
  r->key = g_strdup (key);
  r->is_case = r->sp_pack > 1000;
  if (r->sp_product_id != NULL &&
      !product_info (db, PRODUCT_BY_ID_SQL, r->sp_product_id, r, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Resolves code for the receipt's supplier (the order of the header). A
 * code matching nothing is no error: r->product_id stays NULL. */
gboolean
_comptoir_goods_receipt_read_code (ComptoirDb  *db,
                                   const char  *supplier_id,
                                   const char  *code,
                                   Reading     *r,
                                   GError     **error)
{
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *ref = NULL;

  memset (r, 0, sizeof *r);
  g_date_clear (&r->best_before, 1);
  g_date_clear (&r->use_by, 1);
  r->clean = g_strstrip (g_strdup (code != NULL ? code : ""));
  if (r->clean[0] == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Nothing was read. Scan the code again."));
      return FALSE;
    }

  if (looks_like_gs1 (r->clean))
    {
      g_autoptr (ComptoirGs1Data) data = comptoir_gs1_parse (r->clean, -1, NULL, error);

      if (data == NULL)
        return FALSE;
      if (data->gtin == NULL)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("This label names no product (it has no GTIN, AI 01). "
                                 "Scan the product's other barcode, or type its code."));
          return FALSE;
        }
      r->gs1 = TRUE;
      ref = g_strdup (data->gtin);
      if (data->ean13 != NULL)
        add_barcode_forms (candidates, data->ean13);
      add_barcode_forms (candidates, data->gtin);
      r->lot = g_strdup (data->batch);
      r->best_before = data->best_before_date;
      r->use_by = data->expiry_date;
      r->has_weight = data->has_net_weight;
      r->weight_milli = data->net_weight_milli;
    }
  else
    {
      add_barcode_forms (candidates, r->clean);
      ref = g_strdup (r->clean);
    }

  /* What a link would record when nothing matches: the first form. */
  r->key = g_strdup (g_ptr_array_index (candidates, 0));

  for (guint i = 0; i < candidates->len && r->product_id == NULL; i++)
    {
      if (product_info (db, OUR_BARCODE_SQL, g_ptr_array_index (candidates, i), r, &local_error))
        {
          g_free (r->key);
          r->key = g_strdup (g_ptr_array_index (candidates, i));
          r->ours = TRUE;
        }
      else if (local_error != NULL)
        goto fail;
    }

  for (guint i = 0; i < candidates->len && r->sp_id == NULL; i++)
    {
      if (supplier_item (db, supplier_id, g_ptr_array_index (candidates, i), FALSE, r, &local_error))
        {
          if (!take_supplier_item (db, r, g_ptr_array_index (candidates, i), &local_error))
            goto fail;
        }
      else if (local_error != NULL)
        goto fail;
    }

  /* Typed codes: the supplier's reference from the delivery note (or a
   * case's GTIN-14 recorded as one by a link), then our internal code. */
  if (r->product_id == NULL && r->sp_id == NULL)
    {
      if (supplier_item (db, supplier_id, ref, TRUE, r, &local_error))
        {
          if (!take_supplier_item (db, r, ref, &local_error))
            goto fail;
        }
      else if (local_error != NULL)
        goto fail;
      else if (!r->gs1 && product_info (db, PRODUCT_BY_CODE_SQL, r->clean, r, &local_error))
        r->ours = TRUE;
      else if (local_error != NULL)
        goto fail;
    }

  /* A barcode-shaped code with a wrong check digit, known to nobody, is a
   * misread: say so rather than offer to link it. */
  if (r->product_id == NULL && r->sp_id == NULL && !r->gs1 && all_digits (r->clean) &&
      (strlen (r->clean) == 8 || strlen (r->clean) == 12 || strlen (r->clean) == 13) &&
      comptoir_barcode_classify (r->clean) == COMPTOIR_BARCODE_INVALID)
    {
      g_free (comptoir_barcode_normalize (r->clean, error));
      return FALSE;
    }
  return TRUE;

fail:
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static char *
find_line (ComptoirDb  *db,
           const char  *receipt_id,
           const char  *column_sql,
           const char  *value,
           GError     **error)
{
  char *line_id = NULL;

  _comptoir_db_lookup_text (db, column_sql, receipt_id, value, &line_id, error);
  return line_id;
}

/* A product not on the order gets a line of its own, priced from the
 * supplier's catalogue when it lists the product. */
static char *
add_line (ComptoirDb                *db,
          const char                *receipt_id,
          const ComptoirReceiptHead *head,
          Reading                   *r,
          GError                   **error)
{
  g_autoptr (ComptoirChange) line = comptoir_change_new ("goods_receipt_line", NULL);
  const char *sp_id = r->sp_id;
  gint64 pack = r->sp_id != NULL ? r->sp_pack : 1000;
  gint64 price = r->sp_id != NULL ? r->sp_price : -1;
  g_autofree char *found_sp = NULL;

  if (sp_id == NULL)
    {
      g_autoptr (ComptoirStmt) stmt =
        comptoir_db_prepare (db,
                             "SELECT id, pack_milli, price_cents FROM supplier_product "
                             "WHERE product_id = ?1 AND supplier_id = ?2 ORDER BY active DESC, id LIMIT 1",
                             error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, r->product_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, head->supplier_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          sp_id = found_sp = _comptoir_db_column_dup (stmt, 0);
          pack = sqlite3_column_int64 (stmt, 1);
          price = _comptoir_db_column_int_or (stmt, 2, -1);
        }
    }

  comptoir_change_set_text (line, "receipt_id", receipt_id);
  comptoir_change_set_text (line, "product_id", r->product_id);
  comptoir_change_set_text (line, "supplier_product_id", sp_id);
  comptoir_change_set_text (line, "label", r->product_name);
  comptoir_change_set_text (line, "barcode", r->key);
  comptoir_change_set_int (line, "expected_milli", 0);
  comptoir_change_set_int (line, "pack_milli", pack);
  if (price >= 0)
    comptoir_change_set_int (line, "price_cents", price);
  comptoir_change_set_bool (line, "unexpected", head->order_id != NULL);
  if (!comptoir_db_apply_change (db, line, NULL, error))
    return NULL;
  return g_strdup (comptoir_change_get_row_id (line));
}

gboolean
_comptoir_receipt_insert_scan (ComptoirDb                    *db,
                               const ComptoirReceiptScanFact *fact,
                               char                         **out_scan_id,
                               GError                       **error)
{
  g_autoptr (ComptoirChange) scan = comptoir_change_new ("goods_receipt_scan", NULL);
  g_autofree char *at = comptoir_timestamp_now ();
  g_autofree char *bb = _comptoir_receipt_date_to_iso (fact->best_before);
  g_autofree char *ub = _comptoir_receipt_date_to_iso (fact->use_by);
  const char *lot = fact->lot;

  /* Every column every time: one statement shape, prepared once. */
  comptoir_change_set_text (scan, "receipt_id", fact->receipt_id);
  comptoir_change_set_text (scan, "line_id", fact->line_id);
  comptoir_change_set_int (scan, "quantity_milli", fact->quantity_milli);
  comptoir_change_set_text (scan, "lot", lot != NULL && lot[0] != '\0' ? lot : NULL);
  comptoir_change_set_text (scan, "best_before", bb);
  comptoir_change_set_text (scan, "use_by", ub);
  comptoir_change_set_bool (scan, "damaged", fact->damaged);
  comptoir_change_set_text (scan, "at", at);
  comptoir_change_set_text (scan, "device_id", comptoir_db_get_device_id (db));
  comptoir_change_set_text (scan, "undoes", fact->undoes);
  if (!comptoir_db_insert_fact (db, scan, error))
    return FALSE;
  *out_scan_id = g_strdup (comptoir_change_get_row_id (scan));
  return TRUE;
}

/* Fills the line and what the screen says of it once counted_milli was
 * added to it. */
gboolean
_comptoir_receipt_describe_counted (ComptoirDb                 *db,
                                    const char                 *receipt_id,
                                    const char                 *line_id,
                                    ComptoirReceiptScanResult  *out,
                                    GError                    **error)
{
  ComptoirReceiptLine *line = &out->line;
  g_autofree char *text = NULL;
  gint64 before;
  gboolean ordered;

  comptoir_receipt_line_clear (line);
  if (!_comptoir_goods_receipt_read_line (db, receipt_id, line_id, line, error))
    return FALSE;

  before = line->received_milli - out->counted_milli;
  ordered = line->state != COMPTOIR_RECEIPT_LINE_UNEXPECTED && line->state != COMPTOIR_RECEIPT_LINE_NO_ORDER;
  out->completes = ordered && out->counted_milli != 0 && before != line->expected_milli &&
                   line->received_milli == line->expected_milli;
  out->exceeds = ordered && line->received_milli > line->expected_milli;

  text = _comptoir_receipt_line_describe (line);
  g_free (out->message);
  if (out->status == COMPTOIR_RECEIPT_SCAN_COUNTED && out->is_case)
    {
      g_autofree char *pack = comptoir_goods_receipt_format_quantity (line->unit, 0, line->pack_milli);
      /* TRANSLATORS: the line's state, then what the scan counted: "(+1 case of 6)" */
      out->message = g_strdup_printf (_("%s (+1 case of %s)"), text, pack);
    }
  else
    out->message = g_steal_pointer (&text);
  return TRUE;
}

void
_comptoir_receipt_result_init (ComptoirReceiptScanResult *out)
{
  memset (out, 0, sizeof *out);
  g_date_clear (&out->best_before, 1);
  g_date_clear (&out->use_by, 1);
  out->suggested_price_cents = -1;
  out->suggested_pack_milli = -1;
}

gboolean
_comptoir_receipt_run (ComptoirDb                 *db,
                       ComptoirDbFunc              func,
                       gpointer                    user_data,
                       ComptoirReceiptScanResult  *out,
                       GError                    **error)
{
  _comptoir_receipt_result_init (out);
  if (!comptoir_db_transaction (db, func, user_data, error))
    {
      comptoir_receipt_scan_result_clear (out);
      _comptoir_receipt_result_init (out);
      return FALSE;
    }
  return TRUE;
}

static void
not_found (Reading                   *r,
           ComptoirReceiptScanResult *out)
{
  out->status = COMPTOIR_RECEIPT_SCAN_NOT_FOUND;
  if (r->sp_id != NULL)
    {
      out->supplier_product_id = g_strdup (r->sp_id);
      out->suggested_name = g_strdup (r->sp_name);
      out->suggested_price_cents = r->sp_price;
      out->suggested_pack_milli = r->sp_pack;
      out->message = g_strdup_printf (_("“%s” (supplier reference %s) is not linked to a product of the shop "
                                        "yet. Link it to a product, or create the product: the scan is "
                                        "counted then."),
                                      r->sp_name, r->sp_ref);
    }
  else
    out->message = g_strdup_printf (_("No product has the code %s. Link it to a product of the shop, or "
                                      "create the product: the scan is counted then."),
                                    r->clean);
}

typedef struct {
  const char                *receipt_id;
  const char                *code;
  gboolean                   count;
  ComptoirReceiptScanResult *out;
} Scan;

static gboolean
scan_in_transaction (ComptoirDb  *db,
                     gpointer     user_data,
                     GError     **error)
{
  Scan *scan = user_data;
  ComptoirReceiptScanResult *out = scan->out;
  g_auto (ComptoirReceiptHead) head = { 0 };
  g_auto (ComptoirReceiptReading) r = { 0 };
  g_autofree char *line_id = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 quantity;

  if (!_comptoir_goods_receipt_head (db, scan->receipt_id, TRUE, &head, error) ||
      !_comptoir_goods_receipt_read_code (db, head.supplier_id, scan->code, &r, error))
    return FALSE;

  out->code = g_strdup (r.key);
  out->lot = g_strdup (r.lot);
  out->best_before = r.best_before;
  out->use_by = r.use_by;
  out->is_case = r.is_case;

  if (r.product_id == NULL)
    {
      not_found (&r, out);
      return TRUE;
    }

  /* Our product's own barcode on a supplier's item not linked yet: the
   * scan proves which product it is; linked now, its line with it. */
  if (r.sp_id != NULL && r.sp_product_id == NULL &&
      !_comptoir_goods_receipt_link_supplier_item (db, scan->receipt_id, r.sp_id, r.product_id, r.product_name,
                                                   error))
    return FALSE;

  if (r.sp_id != NULL)
    line_id = find_line (db, scan->receipt_id,
                         "SELECT id FROM goods_receipt_line WHERE receipt_id = ?1 AND supplier_product_id = ?2 "
                         "ORDER BY unexpected, id LIMIT 1",
                         r.sp_id, &local_error);
  if (line_id == NULL && local_error == NULL)
    line_id = find_line (db, scan->receipt_id,
                         "SELECT id FROM goods_receipt_line WHERE receipt_id = ?1 AND product_id = ?2 "
                         "ORDER BY unexpected, id LIMIT 1",
                         r.product_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (line_id == NULL)
    {
      if (!(line_id = add_line (db, scan->receipt_id, &head, &r, error)))
        return FALSE;
      out->new_line = TRUE;
    }

  if (r.unit != COMPTOIR_UNIT_PIECE)
    quantity = r.has_weight ? r.weight_milli : 0;
  else
    quantity = r.is_case ? r.sp_pack : 1000;

  if (quantity == 0)
    out->status = COMPTOIR_RECEIPT_SCAN_NEEDS_WEIGHT;
  else if (!scan->count)
    out->status = COMPTOIR_RECEIPT_SCAN_FOUND;
  else
    {
      ComptoirReceiptScanFact fact = { scan->receipt_id, line_id, quantity, r.lot, &r.best_before, &r.use_by,
                                       FALSE, NULL };

      out->status = COMPTOIR_RECEIPT_SCAN_COUNTED;
      out->counted_milli = quantity;
      if (!_comptoir_receipt_insert_scan (db, &fact, &out->scan_id, error))
        return FALSE;
    }

  if (!_comptoir_receipt_describe_counted (db, scan->receipt_id, line_id, out, error))
    return FALSE;
  if (out->status == COMPTOIR_RECEIPT_SCAN_NEEDS_WEIGHT)
    {
      g_autofree char *state = g_steal_pointer (&out->message);
      /* TRANSLATORS: the line's state, then what to do */
      out->message = g_strdup_printf (_("%s. Sold by weight: weigh it and type the weight."), state);
    }
  return TRUE;
}

static gboolean
scan_or_find (ComptoirDb                 *db,
              const char                 *receipt_id,
              const char                 *code,
              gboolean                    count,
              ComptoirReceiptScanResult  *out,
              GError                    **error)
{
  Scan scan = { receipt_id, code, count, out };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (receipt_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return _comptoir_receipt_run (db, scan_in_transaction, &scan, out, error);
}

gboolean
comptoir_goods_receipt_scan (ComptoirDb                 *db,
                             const char                 *receipt_id,
                             const char                 *code,
                             ComptoirReceiptScanResult  *out,
                             GError                    **error)
{
  return scan_or_find (db, receipt_id, code, TRUE, out, error);
}

gboolean
comptoir_goods_receipt_find (ComptoirDb                 *db,
                             const char                 *receipt_id,
                             const char                 *code,
                             ComptoirReceiptScanResult  *out,
                             GError                    **error)
{
  return scan_or_find (db, receipt_id, code, FALSE, out, error);
}
