/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-supplier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-csv.h"
#include "comptoir-import-columns.h"
#include "comptoir-import-report-private.h"
#include "comptoir-money.h"
#include "comptoir-supplier-import-private.h"
#include "comptoir-supplier-private.h"
#include "comptoir-text.h"

/* A supplier's catalogue, read by the column mapping, checked line by
 * line and saved whole or not at all, as the product and member imports
 * are: a catalogue half imported would order from a price list that
 * exists nowhere. */

typedef struct {
  ComptoirDb                   *db;
  const char                   *supplier_id;
  ComptoirSupplierImportReport *report;
  int                           columns[COMPTOIR_SUPPLIER_N_COLS];  /* index, -1: none */
  guint                         n_header_fields;
  GHashTable                   *existing;       /* ref → ComptoirSupplierProduct* */
  GHashTable                   *refs_seen;      /* ref → first line */
  GHashTable                   *barcodes_seen;  /* barcode → first line */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->report, comptoir_supplier_import_report_free);
  g_clear_pointer (&import->existing, g_hash_table_unref);
  g_clear_pointer (&import->refs_seen, g_hash_table_unref);
  g_clear_pointer (&import->barcodes_seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static int
find_header (const char * const *header,
             const char         *name)
{
  g_autofree char *key = comptoir_import_header_key (name);

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *candidate = comptoir_import_header_key (header[i]);

      if (key[0] != '\0' && g_str_equal (key, candidate))
        return (int) i;
    }
  return -1;
}

static gboolean
fits (const ComptoirSupplierMapping *mapping,
      const char * const            *header)
{
  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    if (mapping->headers[c] != NULL && find_header (header, mapping->headers[c]) < 0)
      return FALSE;
  return TRUE;
}

/* The mapping to use, and where it comes from (see the header). */
static gboolean
choose_mapping (Import                         *import,
                const char * const             *header,
                const ComptoirSupplierMapping  *given,
                GError                        **error)
{
  ComptoirSupplierImportReport *report = import->report;
  g_autoptr (ComptoirSupplierMapping) guessed = comptoir_supplier_mapping_guess (header);
  g_autoptr (ComptoirSupplierMapping) saved = NULL;

  if (given != NULL)
    {
      report->mapping = comptoir_supplier_mapping_copy (given);
      report->source = COMPTOIR_SUPPLIER_MAPPING_GIVEN;
      for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
        if (given->headers[c] != NULL && find_header (header, given->headers[c]) < 0)
          {
            g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS,
                         _("The file has no column “%s” for the %s. Check the column names on the first "
                           "line of the file and the mapping, then import it again."),
                         given->headers[c], comptoir_supplier_column_get_label (c));
            return FALSE;
          }
      /* What the caller left out is guessed, unless its header is
       * already taken by a column the caller named. */
      for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
        {
          gboolean taken = FALSE;

          if (report->mapping->headers[c] != NULL || guessed->headers[c] == NULL)
            continue;
          for (guint d = 0; d < COMPTOIR_SUPPLIER_N_COLS; d++)
            taken |= given->headers[d] != NULL &&
                     find_header (header, given->headers[d]) == find_header (header, guessed->headers[c]);
          if (!taken)
            report->mapping->headers[c] = g_strdup (guessed->headers[c]);
        }
      return TRUE;
    }

  saved = comptoir_supplier_load_mapping (import->db, import->supplier_id, NULL);
  if (saved != NULL && fits (saved, header))
    {
      report->mapping = g_steal_pointer (&saved);
      report->source = COMPTOIR_SUPPLIER_MAPPING_SAVED;
      return TRUE;
    }
  report->saved_did_not_fit = saved != NULL;
  report->mapping = g_steal_pointer (&guessed);
  report->source = COMPTOIR_SUPPLIER_MAPPING_GUESSED;
  return TRUE;
}

static gboolean
resolve_columns (Import              *import,
                 const char * const  *header,
                 GError             **error)
{
  const ComptoirSupplierMapping *mapping = import->report->mapping;
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();

  import->n_header_fields = g_strv_length ((char **) header);
  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    import->columns[c] = mapping->headers[c] != NULL ? find_header (header, mapping->headers[c]) : -1;

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[i]));
      gboolean used = FALSE;

      for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
        used |= import->columns[c] == (int) i;
      if (!used && name[0] != '\0')
        _comptoir_import_report_add_ignored_column (import->report->lines, name);
    }

  if (import->columns[COMPTOIR_SUPPLIER_COL_REF] < 0 && import->columns[COMPTOIR_SUPPLIER_COL_BARCODE] < 0)
    g_ptr_array_add (missing, (gpointer) comptoir_supplier_column_get_label (COMPTOIR_SUPPLIER_COL_REF));
  if (import->columns[COMPTOIR_SUPPLIER_COL_NAME] < 0)
    g_ptr_array_add (missing, (gpointer) comptoir_supplier_column_get_label (COMPTOIR_SUPPLIER_COL_NAME));
  if (import->columns[COMPTOIR_SUPPLIER_COL_PRICE] < 0 && import->columns[COMPTOIR_SUPPLIER_COL_PACK_PRICE] < 0)
    g_ptr_array_add (missing, (gpointer) comptoir_supplier_column_get_label (COMPTOIR_SUPPLIER_COL_PRICE));
  if (missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (", ", (char **) missing->pdata);
      g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS,
                   _("No column of the file was recognised as: %s. Say which column holds what, for "
                     "example “ref=Réf,name=Désignation,price=Prix HT”, then import the file again."),
                   list);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_existing (Import  *import,
               GError **error)
{
  g_autoptr (GPtrArray) lines = comptoir_supplier_product_list (import->db, import->supplier_id, error);

  if (lines == NULL)
    return FALSE;
  import->existing = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) comptoir_supplier_product_free);
  for (guint i = 0; i < lines->len; i++)
    {
      ComptoirSupplierProduct *line = g_ptr_array_index (lines, i);

      g_ptr_array_index (lines, i) = NULL;
      g_hash_table_replace (import->existing, line->supplier_ref, line);
    }
  return TRUE;
}

/* "6", "x12", "12x", "6 x 1 L" (six bottles), "5 kg", "500 g", "0,75 L",
 * "33 cl": milli-units in a case. */
static gboolean
parse_pack (const char *text,
            gint64     *out_milli)
{
  static const struct { const char *suffix; gint64 scale; } units[] = {
    { "", 1000 }, { "x", 1000 }, { "u", 1000 }, { "uvc", 1000 }, { "pc", 1000 }, { "pcs", 1000 },
    { "pieces", 1000 }, { "unites", 1000 }, { "kg", 1000 }, { "g", 1 }, { "l", 1000 }, { "cl", 10 },
    { "ml", 1 },
  };
  g_autofree char *folded = comptoir_text_fold (text);
  const char *p = folded;
  gint64 whole = 0, frac = 0, frac_scale = 1;
  guint n_digits = 0, n_frac = 0;
  g_autofree char *rest = NULL;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == 'x' || *p == '*')
    p++;
  while (g_ascii_isspace (*p))
    p++;
  for (; g_ascii_isdigit (*p) && n_digits < 9; p++, n_digits++)
    whole = whole * 10 + (*p - '0');
  if (n_digits == 0 || g_ascii_isdigit (*p))
    return FALSE;
  if (*p == ',' || *p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        if (++n_frac > 3)
          return FALSE;
        frac = frac * 10 + (*p - '0');
        frac_scale *= 10;
      }

  rest = g_strdup (p);
  g_strstrip (rest);
  /* "6 x 1 L": a case of six bottles; what a bottle holds is not ours. */
  if ((rest[0] == 'x' || rest[0] == '*') && rest[1] != '\0' && n_frac == 0)
    {
      *out_milli = whole * 1000;
      return whole > 0;
    }
  /* "pcs.", "u v c": the letters alone. */
  {
    char *out = rest;

    for (const char *q = rest; *q; q++)
      if (!g_ascii_isspace (*q) && *q != '.')
        *out++ = *q;
    *out = '\0';
  }
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_equal (rest, units[i].suffix))
      {
        gint64 milli = whole * units[i].scale + frac * units[i].scale / frac_scale;

        /* 2,5 g is not a pack: a milli-unit is the finest there is. */
        if ((frac * units[i].scale) % frac_scale != 0 || milli <= 0)
          return FALSE;
        *out_milli = milli;
        return TRUE;
      }
  return FALSE;
}

/* "2,35", "2.3500", "1 234,5 €", "0,4583 € HT": wholesalers give up to
 * four decimals; the price is kept to the cent, half away from zero. */
static gboolean
parse_price (const char *text,
             gint64     *out_cents)
{
  g_autofree char *folded = comptoir_text_fold (text);
  GString *digits = g_string_new (NULL);
  g_autofree char *clean = NULL;
  gint64 units = 0, frac = 0;
  guint n_frac = 0, n_units = 0;
  const char *p;
  gboolean ok = TRUE;

  /* Spaces (thousands), the euro sign and "HT" are decoration. */
  for (p = folded; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (digits, *p);
  clean = g_string_free (digits, FALSE);
  if (g_str_has_suffix (clean, "ht"))
    clean[strlen (clean) - 2] = '\0';
  if (g_str_has_suffix (clean, "eur"))
    clean[strlen (clean) - 3] = '\0';
  else if (g_str_has_suffix (clean, "euros"))
    clean[strlen (clean) - 5] = '\0';

  for (p = clean; g_ascii_isdigit (*p) && n_units < 9; p++, n_units++)
    units = units * 10 + (*p - '0');
  if (*p == ',' || *p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        ok &= ++n_frac <= 4;
        frac = frac * 10 + (*p - '0');
      }
  if (!ok || n_units == 0 || *p != '\0')
    return FALSE;
  for (; n_frac < 4; n_frac++)
    frac *= 10;
  *out_cents = units * 100 + comptoir_money_div_round (frac, 100);
  return TRUE;
}

/* One line of the file on its way to the supplier's catalogue. */
typedef struct {
  guint                    line;
  char                    *cells[COMPTOIR_SUPPLIER_N_COLS];  /* trimmed; NULL: no column or blank */
  GPtrArray               *messages;
  ComptoirSupplierProduct *existing;   /* borrowed from import->existing */
  ComptoirSupplierProduct  product;    /* as it will be saved */
} Row;

static void
row_clear (Row *row)
{
  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    g_free (row->cells[c]);
  g_clear_pointer (&row->messages, g_ptr_array_unref);
  comptoir_supplier_product_clear (&row->product);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static void
row_error (Row  *row,
           char *message)
{
  g_ptr_array_add (row->messages, message);
}

static void
reject (Import *import,
        Row    *row)
{
  g_autofree char *reason = NULL;

  g_ptr_array_add (row->messages, NULL);
  reason = g_strjoinv (" ", (char **) row->messages->pdata);
  g_ptr_array_set_size (row->messages, row->messages->len - 1);
  _comptoir_import_report_add_rejection (import->report->lines, row->line, reason);
}

static void
read_cells (Import             *import,
            Row                *row,
            const char * const *fields,
            guint               n_fields)
{
  char *shifted;

  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    if (import->columns[c] >= 0 && (guint) import->columns[c] < n_fields)
      row->cells[c] = comptoir_text_clean (fields[import->columns[c]]);

  /* A value holding the separator unquoted shifts the cells after it:
   * "2,35" in a comma-separated file. */
  shifted = comptoir_import_check_field_count (fields, n_fields, import->n_header_fields,
                                               comptoir_import_report_get_delimiter (import->report->lines));
  if (shifted != NULL)
    row_error (row, shifted);
}

/* Reads the values of the cells into row->product; every problem of the
 * line is noted, so that it is fixed in one go. */
static void
parse_cells (Import *import,
             Row    *row)
{
  ComptoirSupplierProduct *product = &row->product;
  const char *ref = row->cells[COMPTOIR_SUPPLIER_COL_REF];
  const char *barcode = row->cells[COMPTOIR_SUPPLIER_COL_BARCODE];
  const char *name = row->cells[COMPTOIR_SUPPLIER_COL_NAME];
  const char *pack = row->cells[COMPTOIR_SUPPLIER_COL_PACK];
  const char *price = row->cells[COMPTOIR_SUPPLIER_COL_PRICE];
  const char *pack_price = row->cells[COMPTOIR_SUPPLIER_COL_PACK_PRICE];
  const char *vat = row->cells[COMPTOIR_SUPPLIER_COL_VAT];
  g_autofree char *normal = NULL;
  gint64 cents;
  int vat_bp;
  guint first;

  if (barcode != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (g_ascii_isdigit (barcode[0]) && (strstr (barcode, "E+") != NULL || strstr (barcode, "e+") != NULL))
        row_error (row, g_strdup_printf (_("The barcode “%s” was turned into a rounded number by the "
                                           "spreadsheet. Format the barcode column as text, type the "
                                           "barcodes again, then save the file again."),
                                         barcode));
      else if ((normal = comptoir_barcode_normalize (barcode, &error)) == NULL)
        row_error (row, g_strdup (error->message));
      else if ((first = comptoir_import_note_repeat (import->barcodes_seen, normal, row->line)) != 0)
        row_error (row, g_strdup_printf (_("The barcode %s is also on line %u. Keep only one of the two lines."),
                                         normal, first));
    }

  /* A producer's list without references: the barcode stands for one. */
  if (ref == NULL)
    ref = normal;
  if (ref == NULL)
    {
      row_error (row, g_strdup (_("Give this line the supplier’s reference, so that it can be ordered.")));
      return;
    }
  if ((first = comptoir_import_note_repeat (import->refs_seen, ref, row->line)) != 0)
    {
      row_error (row, g_strdup_printf (_("The reference “%s” is also on line %u. Keep only one of the two lines."),
                                       ref, first));
      return;
    }

  row->existing = g_hash_table_lookup (import->existing, ref);
  comptoir_supplier_product_init (product);
  if (row->existing != NULL)
    {
      product->id = g_strdup (row->existing->id);
      product->product_id = g_strdup (row->existing->product_id);
      product->barcode = g_strdup (row->existing->barcode);
      product->name = g_strdup (row->existing->name);
      product->pack_milli = row->existing->pack_milli;
      product->price_cents = row->existing->price_cents;
      product->vat_bp = row->existing->vat_bp;
    }
  product->supplier_id = g_strdup (import->supplier_id);
  product->supplier_ref = g_strdup (ref);
  /* On the supplier's list again: orderable again. */
  product->active = TRUE;

  /* Blank cells leave the catalogue's value as it is. */
  if (normal != NULL)
    {
      g_free (product->barcode);
      product->barcode = g_strdup (normal);
    }
  if (name != NULL)
    {
      g_free (product->name);
      product->name = g_strdup (name);
    }
  else if (row->existing == NULL)
    row_error (row, g_strdup (_("Give the name of this product, as on the supplier’s catalogue.")));

  if (pack != NULL && !parse_pack (pack, &product->pack_milli))
    row_error (row, g_strdup_printf (_("The pack size “%s” is not understood. Write how many units a case "
                                       "holds, such as 6, or what it weighs, such as 5 kg."),
                                     pack));

  if (price != NULL)
    {
      if (parse_price (price, &cents))
        product->price_cents = cents;
      else
        row_error (row, g_strdup_printf (_("The price “%s” is not an amount in euros excluding VAT. "
                                           "Write it like 2.35."),
                                         price));
    }
  else if (pack_price != NULL)
    {
      /* The price of a case, shared by what it holds. */
      if (parse_price (pack_price, &cents))
        product->price_cents = comptoir_money_div_round (cents * 1000, product->pack_milli);
      else
        row_error (row, g_strdup_printf (_("The price of a case “%s” is not an amount in euros excluding VAT. "
                                           "Write it like 14.10."),
                                         pack_price));
    }
  else if (row->existing == NULL)
    row_error (row, g_strdup (_("Give the purchase price excluding VAT of this product, such as 2.35.")));

  if (vat != NULL)
    {
      if (comptoir_import_parse_vat (vat, &vat_bp))
        product->vat_bp = vat_bp;
      else
        row_error (row, g_strdup_printf (_("The VAT rate “%s” is not a French rate. Write 20, 10, 5.5 or 2.1."),
                                         vat));
    }
}

/* A line not linked yet whose barcode is one of our products' is about
 * that product: the receiver will scan the same barcode. */
static gboolean
link_by_barcode (Import  *import,
                 Row     *row,
                 GError **error)
{
  if (row->product.product_id != NULL || row->product.barcode == NULL)
    return TRUE;
  if (!_comptoir_db_lookup_text (import->db,
                                 "SELECT product_id FROM product_barcode WHERE barcode = ?1 AND product_id IS NOT NULL",
                                 row->product.barcode, NULL, &row->product.product_id, error))
    return FALSE;
  if (row->product.product_id != NULL)
    import->report->n_linked++;
  return TRUE;
}

static gboolean
lines_equal (const ComptoirSupplierProduct *a,
             const ComptoirSupplierProduct *b)
{
  return g_strcmp0 (a->product_id, b->product_id) == 0 &&
         g_strcmp0 (a->barcode, b->barcode) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         a->pack_milli == b->pack_milli &&
         a->price_cents == b->price_cents &&
         a->vat_bp == b->vat_bp &&
         a->active == b->active;
}

static gboolean
note_price_change (Import  *import,
                   Row     *row,
                   GError **error)
{
  ComptoirPurchasePriceChange change = { 0 };
  gint64 old = row->existing->price_cents, new = row->product.price_cents;

  if (old < 0 || new < 0 || old == new)
    return TRUE;

  change.supplier_ref = g_strdup (row->product.supplier_ref);
  change.product_id = g_strdup (row->product.product_id);
  change.old_cents = old;
  change.new_cents = new;
  change.change_bp = old > 0 ? (int) comptoir_money_div_round ((new - old) * 10000, old) : 0;
  if (change.product_id != NULL &&
      !_comptoir_db_lookup_text (import->db, "SELECT name FROM product WHERE id = ?1", change.product_id, NULL,
                                 &change.name, error))
    {
      _comptoir_purchase_price_change_clear (&change);
      return FALSE;
    }
  if (change.name == NULL)
    change.name = g_strdup (row->product.name);
  g_array_append_val (import->report->price_changes, change);
  return TRUE;
}

/* FALSE only when the database fails; a line that cannot be imported is
 * a rejection in the report. */
static gboolean
import_row (Import              *import,
            const char * const  *fields,
            guint                line,
            GError             **error)
{
  guint n_fields = g_strv_length ((char **) fields);
  g_auto (Row) row = { 0 };
  g_autoptr (GError) invalid = NULL;

  if (comptoir_import_is_blank_line (fields, n_fields))
    return TRUE;

  row.line = line;
  row.messages = g_ptr_array_new_with_free_func (g_free);
  read_cells (import, &row, fields, n_fields);
  if (row.messages->len == 0)
    parse_cells (import, &row);
  if (row.messages->len > 0)
    {
      reject (import, &row);
      return TRUE;
    }

  if (!link_by_barcode (import, &row, error))
    return FALSE;
  if (!_comptoir_supplier_product_validate (import->db, &row.product, &invalid))
    {
      if (!g_error_matches (invalid, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&invalid));
          return FALSE;
        }
      row_error (&row, g_strdup (invalid->message));
      reject (import, &row);
      return TRUE;
    }

  if (row.existing != NULL && lines_equal (row.existing, &row.product))
    {
      _comptoir_import_report_add_unchanged (import->report->lines);
      return TRUE;
    }
  if (row.existing != NULL && !note_price_change (import, &row, error))
    return FALSE;
  if (!_comptoir_supplier_product_write (import->db, &row.product, error))
    return FALSE;
  if (row.existing != NULL)
    _comptoir_import_report_add_updated (import->report->lines);
  else
    _comptoir_import_report_add_created (import->report->lines);
  return TRUE;
}

static gboolean
import_rows (Import       *import,
             ComptoirCsv  *table,
             GError      **error)
{
  guint n_records = comptoir_csv_get_n_records (table);

  if (!load_existing (import, error))
    return FALSE;
  for (guint i = 1; i < n_records; i++)
    if (!import_row (import, comptoir_csv_get_record (table, i), comptoir_csv_get_line (table, i), error))
      return FALSE;
  return TRUE;
}

ComptoirSupplierImportReport *
comptoir_supplier_import (ComptoirDb                    *db,
                          const char                    *supplier_id,
                          GBytes                        *csv,
                          const ComptoirSupplierMapping *mapping,
                          gboolean                       dry_run,
                          GError                       **error)
{
  g_auto (Import) import = { 0 };
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_autoptr (ComptoirCsv) table = NULL;
  const char * const *header;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (supplier_id != NULL && csv != NULL, NULL);

  if (!comptoir_supplier_load (db, supplier_id, &supplier, error))
    return NULL;
  table = comptoir_csv_parse (csv, error);
  if (table == NULL)
    return NULL;
  header = comptoir_csv_get_record (table, 0);

  import.db = db;
  import.supplier_id = supplier_id;
  import.report = g_new0 (ComptoirSupplierImportReport, 1);
  import.report->lines = _comptoir_import_report_new (dry_run, comptoir_csv_get_encoding (table),
                                                      comptoir_csv_get_delimiter (table));
  _comptoir_import_report_set_saved_message (import.report->lines,
                                             _("The supplier’s catalogue is saved, with its columns for the "
                                               "next import."));
  import.report->price_changes = g_array_new (FALSE, TRUE, sizeof (ComptoirPurchasePriceChange));
  g_array_set_clear_func (import.report->price_changes, _comptoir_purchase_price_change_clear);
  import.refs_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.barcodes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!choose_mapping (&import, header, mapping, error) || !resolve_columns (&import, header, error))
    return NULL;

  if (!comptoir_db_begin (db, error))
    return NULL;
  if (!import_rows (&import, table, error))
    goto fail;

  /* All or nothing: the file is fixed and imported again. */
  if (dry_run || comptoir_import_report_get_n_rejected (import.report->lines) > 0)
    comptoir_db_rollback (db);
  else
    {
      g_autofree char *json = comptoir_supplier_mapping_to_json (import.report->mapping);

      if (!_comptoir_supplier_set_import_mapping (db, supplier_id, json, error))
        goto fail;
      if (!comptoir_db_commit (db, error))
        return NULL;
      _comptoir_import_report_set_committed (import.report->lines, TRUE);
    }
  return g_steal_pointer (&import.report);

fail:
  comptoir_db_rollback (db);
  return NULL;
}
