/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

#define EAN_MUESLI "3760012345014"
#define EAN_JUS    "3760012345021"

static GBytes *
load_data (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* The file with each `from` replaced by `to`, byte for byte. */
static GBytes *
edit_data (const char  *name,
           const char **pairs)
{
  g_autoptr (GBytes) bytes = load_data (name);
  g_autoptr (GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (guint i = 0; pairs[i] != NULL; i += 2)
    g_assert_cmpuint (g_string_replace (text, pairs[i], pairs[i + 1], 1), ==, 1);
  return g_bytes_new (text->str, text->len);
}

static char *
add_supplier (Fixture    *f,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };

  comptoir_supplier_init (&supplier);
  supplier.name = g_strdup (name);
  g_assert_true (comptoir_supplier_save (f->db, &supplier, &error));
  g_assert_no_error (error);
  return g_strdup (supplier.id);
}

static char *
add_product (Fixture    *f,
             const char *code,
             const char *name,
             const char *barcode)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = fixture_product (code, name, 350, 550, barcode);

  g_assert_true (comptoir_catalog_save_product (f->catalog, product, &error));
  g_assert_no_error (error);
  return g_strdup (comptoir_product_get_id (product));
}

static ComptoirSupplierImportReport *
import_ok (Fixture                       *f,
           const char                    *supplier_id,
           GBytes                        *bytes,
           const ComptoirSupplierMapping *mapping,
           gboolean                       dry_run)
{
  g_autoptr (GError) error = NULL;
  ComptoirSupplierImportReport *report = comptoir_supplier_import (f->db, supplier_id, bytes, mapping, dry_run, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_counts (ComptoirSupplierImportReport *report,
               guint                         created,
               guint                         updated,
               guint                         unchanged,
               guint                         rejected)
{
  ComptoirImportReport *lines = comptoir_supplier_import_report_get_lines (report);

  g_assert_cmpuint (comptoir_import_report_get_n_created (lines), ==, created);
  g_assert_cmpuint (comptoir_import_report_get_n_updated (lines), ==, updated);
  g_assert_cmpuint (comptoir_import_report_get_n_unchanged (lines), ==, unchanged);
  g_assert_cmpuint (comptoir_import_report_get_n_rejected (lines), ==, rejected);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
get_line (Fixture                 *f,
          const char              *supplier_id,
          const char              *ref,
          ComptoirSupplierProduct *out)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_supplier_product_find_ref (f->db, supplier_id, ref, out, &error));
  g_assert_no_error (error);
}

static gint64
count_lines (Fixture *f)
{
  return fixture_query_int (f->db, "SELECT count(*) FROM supplier_product");
}

/* A wholesaler's export from Excel: Windows-1252, ';', decimal commas,
 * four decimals, pack sizes written "x6", an extra column. */
static void
test_wholesaler (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *supplier = add_supplier (f, "Relais Vert");
  g_autofree char *muesli = add_product (f, "MUE", "Muesli croustillant", EAN_MUESLI);
  g_autofree char *jus = add_product (f, "JUS", "Jus de pomme", EAN_JUS);
  g_autoptr (GBytes) bytes = load_data ("supplier-relais-vert-1252.csv");
  g_autoptr (ComptoirSupplierImportReport) trial = NULL;
  g_autoptr (ComptoirSupplierImportReport) report = NULL;
  g_autoptr (ComptoirSupplierMapping) saved = NULL;
  g_autoptr (GError) error = NULL;
  const ComptoirSupplierMapping *mapping;
  ComptoirImportReport *lines;
  g_autofree char *text = NULL;
  gint64 log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");

  trial = import_ok (f, supplier, bytes, NULL, TRUE);
  assert_counts (trial, 5, 0, 0, 0);
  g_assert_false (comptoir_import_report_get_committed (comptoir_supplier_import_report_get_lines (trial)));
  g_assert_cmpuint (comptoir_supplier_import_report_get_n_linked (trial), ==, 2);
  g_assert_cmpint (count_lines (f), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before);
  g_assert_null (comptoir_supplier_load_mapping (f->db, supplier, &error));
  g_assert_no_error (error);
  text = comptoir_supplier_import_report_format (trial);
  assert_contains (text, "Trial run");
  assert_contains (text, "Import the file again without the trial run");
  g_clear_pointer (&text, g_free);

  report = import_ok (f, supplier, bytes, NULL, FALSE);
  lines = comptoir_supplier_import_report_get_lines (report);
  assert_counts (report, 5, 0, 0, 0);
  g_assert_true (comptoir_import_report_get_committed (lines));
  g_assert_cmpstr (comptoir_import_report_get_encoding (lines), ==, "Windows-1252");
  g_assert_cmpint (comptoir_import_report_get_delimiter (lines), ==, ';');
  g_assert_cmpstr (comptoir_import_report_get_ignored_columns (lines)[0], ==, "Origine");
  g_assert_null (comptoir_import_report_get_ignored_columns (lines)[1]);
  g_assert_cmpint (comptoir_supplier_import_report_get_mapping_source (report), ==, COMPTOIR_SUPPLIER_MAPPING_GUESSED);
  mapping = comptoir_supplier_import_report_get_mapping (report);
  g_assert_cmpstr (mapping->headers[COMPTOIR_SUPPLIER_COL_REF], ==, "Code article");
  g_assert_cmpstr (mapping->headers[COMPTOIR_SUPPLIER_COL_NAME], ==, "Désignation");
  g_assert_cmpstr (mapping->headers[COMPTOIR_SUPPLIER_COL_BARCODE], ==, "EAN");
  g_assert_cmpstr (mapping->headers[COMPTOIR_SUPPLIER_COL_PACK], ==, "Colisage");
  g_assert_cmpstr (mapping->headers[COMPTOIR_SUPPLIER_COL_PRICE], ==, "Prix HT (€)");
  g_assert_cmpstr (mapping->headers[COMPTOIR_SUPPLIER_COL_VAT], ==, "TVA");
  g_assert_null (mapping->headers[COMPTOIR_SUPPLIER_COL_PACK_PRICE]);
  g_assert_cmpuint (comptoir_supplier_import_report_get_n_linked (report), ==, 2);
  g_assert_cmpuint (comptoir_supplier_import_report_get_n_price_changes (report), ==, 0);
  text = comptoir_supplier_import_report_format (report);
  assert_contains (text, "Columns recognised from their names: ref=Code article, barcode=EAN, name=Désignation, "
                         "pack=Colisage, price=Prix HT (€), vat=TVA.");
  assert_contains (text, "5 created, 0 updated, 0 unchanged, 0 rejected.");
  assert_contains (text, "2 lines linked to our products by their barcode.");
  assert_contains (text, "The supplier’s catalogue is saved");

  /* Five lines and the mapping, each one entry of the change log. */
  g_assert_cmpint (count_lines (f), ==, 5);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 6);
  saved = comptoir_supplier_load_mapping (f->db, supplier, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->headers[COMPTOIR_SUPPLIER_COL_PRICE], ==, "Prix HT (€)");

  {
    g_auto (ComptoirSupplierProduct) line = { 0 };

    /* 2,4450 € is 2.45 €: kept to the cent, half away from zero. */
    get_line (f, supplier, "RV-100", &line);
    g_assert_cmpstr (line.name, ==, "Muesli croustillant 500 g");
    g_assert_cmpstr (line.barcode, ==, EAN_MUESLI);
    g_assert_cmpstr (line.product_id, ==, muesli);
    g_assert_cmpint (line.pack_milli, ==, 6000);
    g_assert_cmpint (line.price_cents, ==, 245);
    g_assert_cmpint (line.vat_bp, ==, 550);
    comptoir_supplier_product_clear (&line);

    get_line (f, supplier, "RV-200", &line);
    g_assert_cmpstr (line.product_id, ==, jus);
    comptoir_supplier_product_clear (&line);

    get_line (f, supplier, "RV-300", &line);
    g_assert_cmpstr (line.name, ==, "Pâtes complètes 500 g");
    g_assert_null (line.barcode);
    g_assert_null (line.product_id);
    g_assert_cmpint (line.pack_milli, ==, 12000);
    g_assert_cmpint (line.price_cents, ==, 99);
    comptoir_supplier_product_clear (&line);

    get_line (f, supplier, "RV-400", &line);
    g_assert_cmpstr (line.name, ==, "Savon de Marseille « extra pur »");
    g_assert_cmpint (line.pack_milli, ==, 24000);
    g_assert_cmpint (line.price_cents, ==, 110);
    g_assert_cmpint (line.vat_bp, ==, 2000);
    comptoir_supplier_product_clear (&line);

    /* "6 x 250 g": six packets. */
    get_line (f, supplier, "RV-500", &line);
    g_assert_cmpint (line.pack_milli, ==, 6000);
    g_assert_cmpint (line.price_cents, ==, 312);
  }
}

/* The next catalogue changes two prices: shown side by side before they
 * are applied, with the saved mapping. */
static void
test_price_changes (Fixture       *f,
                    gconstpointer  data)
{
  static const char *edits[] = { ";2,4450;", ";2,5625;", ";1,80;", ";1,71;", NULL };
  g_autofree char *supplier = add_supplier (f, "Relais Vert");
  g_autofree char *muesli = add_product (f, "MUE", "Muesli croustillant", EAN_MUESLI);
  g_autoptr (GBytes) first = load_data ("supplier-relais-vert-1252.csv");
  g_autoptr (GBytes) second = edit_data ("supplier-relais-vert-1252.csv", edits);
  g_autoptr (ComptoirSupplierImportReport) report = NULL;
  g_autoptr (ComptoirSupplierImportReport) trial = NULL;
  g_autoptr (ComptoirSupplierImportReport) applied = NULL;
  const ComptoirPurchasePriceChange *change;
  g_autofree char *text = NULL;
  g_auto (ComptoirSupplierProduct) line = { 0 };

  report = import_ok (f, supplier, first, NULL, FALSE);
  assert_counts (report, 5, 0, 0, 0);

  trial = import_ok (f, supplier, second, NULL, TRUE);
  assert_counts (trial, 0, 2, 3, 0);
  g_assert_cmpint (comptoir_supplier_import_report_get_mapping_source (trial), ==, COMPTOIR_SUPPLIER_MAPPING_SAVED);
  g_assert_cmpuint (comptoir_supplier_import_report_get_n_price_changes (trial), ==, 2);
  change = comptoir_supplier_import_report_get_price_change (trial, 0);
  g_assert_cmpstr (change->supplier_ref, ==, "RV-100");
  g_assert_cmpstr (change->name, ==, "Muesli croustillant");  /* ours, linked */
  g_assert_cmpstr (change->product_id, ==, muesli);
  g_assert_cmpint (change->old_cents, ==, 245);
  g_assert_cmpint (change->new_cents, ==, 256);
  g_assert_cmpint (change->change_bp, ==, 449);
  change = comptoir_supplier_import_report_get_price_change (trial, 1);
  g_assert_cmpstr (change->supplier_ref, ==, "RV-200");
  g_assert_cmpstr (change->name, ==, "Jus de pomme 1 L");  /* the supplier's, not linked */
  g_assert_null (change->product_id);
  g_assert_cmpint (change->change_bp, ==, -500);

  text = comptoir_supplier_import_report_format (trial);
  assert_contains (text, "Columns saved at the last import:");
  assert_contains (text, "Purchase prices excluding VAT that change (old → new):\n"
                         "  RV-100  Muesli croustillant: 2.45 € → 2.56 € (+4.5 %)\n"
                         "  RV-200  Jus de pomme 1 L: 1.80 € → 1.71 € (−5.0 %)\n");
  get_line (f, supplier, "RV-100", &line);
  g_assert_cmpint (line.price_cents, ==, 245);
  comptoir_supplier_product_clear (&line);

  applied = import_ok (f, supplier, second, NULL, FALSE);
  assert_counts (applied, 0, 2, 3, 0);
  g_assert_cmpuint (comptoir_supplier_import_report_get_n_price_changes (applied), ==, 2);
  get_line (f, supplier, "RV-100", &line);
  g_assert_cmpint (line.price_cents, ==, 256);
  /* The price alone changed: one field in the log. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log, json_each (payload) "
                                             "WHERE tbl = 'supplier_product' AND seq = "
                                             "(SELECT max (seq) FROM change_log WHERE tbl = 'supplier_product')"),
                   ==, 1);
}

/* A producer's own list: a comma-separated UTF-8 file whose columns for
 * the crate and its price are named as nobody else does. */
static void
test_producer_mapping (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *farm = add_supplier (f, "Ferme des Quatre Vents");
  g_autoptr (GBytes) bytes = load_data ("supplier-ferme-utf8.csv");
  g_autoptr (GBytes) other = load_data ("supplier-relais-vert-1252.csv");
  g_autoptr (ComptoirSupplierMapping) given = NULL;
  g_autoptr (ComptoirSupplierMapping) wrong = NULL;
  g_autoptr (ComptoirSupplierImportReport) report = NULL;
  g_autoptr (ComptoirSupplierImportReport) again = NULL;
  g_autoptr (ComptoirSupplierImportReport) guessed = NULL;
  g_autoptr (GError) error = NULL;
  const ComptoirSupplierMapping *used;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_auto (ComptoirSupplierProduct) line = { 0 };

  g_assert_null (comptoir_supplier_import (f->db, farm, bytes, NULL, FALSE, &error));
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS);
  assert_contains (error->message, "unit price excluding VAT");
  assert_contains (error->message, "ref=Réf,name=Désignation,price=Prix HT");
  g_clear_error (&error);

  g_assert_null (comptoir_supplier_mapping_parse ("prix=Prix", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  wrong = comptoir_supplier_mapping_parse ("pack=Cagette, price=Prix HT", &error);
  g_assert_no_error (error);
  g_assert_null (comptoir_supplier_import (f->db, farm, bytes, wrong, FALSE, &error));
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS);
  assert_contains (error->message, "“Prix HT”");
  g_clear_error (&error);
  g_assert_cmpint (count_lines (f), ==, 0);

  given = comptoir_supplier_mapping_parse ("pack=cagette,pack-price=Prix cagette HT", &error);
  g_assert_no_error (error);
  report = import_ok (f, farm, bytes, given, FALSE);
  assert_counts (report, 3, 0, 0, 0);
  g_assert_cmpstr (comptoir_import_report_get_encoding (comptoir_supplier_import_report_get_lines (report)), ==, "UTF-8");
  g_assert_cmpint (comptoir_import_report_get_delimiter (comptoir_supplier_import_report_get_lines (report)), ==, ',');
  g_assert_cmpint (comptoir_supplier_import_report_get_mapping_source (report), ==, COMPTOIR_SUPPLIER_MAPPING_GIVEN);
  used = comptoir_supplier_import_report_get_mapping (report);
  /* Completed by guessing what was not given. */
  g_assert_cmpstr (used->headers[COMPTOIR_SUPPLIER_COL_NAME], ==, "Produit");
  g_assert_cmpstr (used->headers[COMPTOIR_SUPPLIER_COL_REF], ==, "Code");
  json = comptoir_supplier_mapping_to_json (used);
  g_assert_cmpstr (json, ==, "{\"ref\":\"Code\",\"name\":\"Produit\",\"pack\":\"cagette\","
                             "\"pack-price\":\"Prix cagette HT\"}");
  g_assert_cmpstr (comptoir_import_report_get_ignored_columns (comptoir_supplier_import_report_get_lines (report))[0],
                   ==, "Remarque");

  /* 12,50 € the 5 kg crate: 2.50 € a kg. */
  get_line (f, farm, "POM-G", &line);
  g_assert_cmpstr (line.name, ==, "Pommes Golden");
  g_assert_cmpint (line.pack_milli, ==, 5000);
  g_assert_cmpint (line.price_cents, ==, 250);
  g_assert_cmpint (line.vat_bp, ==, 0);
  comptoir_supplier_product_clear (&line);
  get_line (f, farm, "OEU-6", &line);
  g_assert_cmpstr (line.name, ==, "Œufs plein air");
  g_assert_cmpint (line.pack_milli, ==, 30000);
  g_assert_cmpint (line.price_cents, ==, 33);

  /* Next time the saved mapping is proposed. */
  again = import_ok (f, farm, bytes, NULL, FALSE);
  assert_counts (again, 0, 0, 3, 0);
  g_assert_cmpint (comptoir_supplier_import_report_get_mapping_source (again), ==, COMPTOIR_SUPPLIER_MAPPING_SAVED);

  /* A file without the saved columns is read by their names, and the
   * report says why. */
  guessed = import_ok (f, farm, other, NULL, TRUE);
  g_assert_cmpint (comptoir_supplier_import_report_get_mapping_source (guessed), ==, COMPTOIR_SUPPLIER_MAPPING_GUESSED);
  text = comptoir_supplier_import_report_format (guessed);
  assert_contains (text, "The columns saved at the last import are not all in this file.");
}

/* Every problem of every line, and nothing written. */
static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *supplier = add_supplier (f, "Biocoop Grossiste");
  g_autoptr (GBytes) bytes = load_data ("supplier-errors.csv");
  g_autoptr (ComptoirSupplierImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSupplierMapping) saved = NULL;
  ComptoirImportReport *lines;
  g_autofree char *text = NULL;
  gint64 log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");

  report = import_ok (f, supplier, bytes, NULL, FALSE);
  lines = comptoir_supplier_import_report_get_lines (report);
  assert_counts (report, 1, 0, 0, 3);
  g_assert_false (comptoir_import_report_get_committed (lines));
  g_assert_cmpuint (comptoir_import_report_get_rejected_line (lines, 0), ==, 3);
  g_assert_cmpuint (comptoir_import_report_get_rejected_line (lines, 1), ==, 4);
  g_assert_cmpuint (comptoir_import_report_get_rejected_line (lines, 2), ==, 5);
  assert_contains (comptoir_import_report_get_rejected_reason (lines, 0), "3760012345060");
  assert_contains (comptoir_import_report_get_rejected_reason (lines, 1), "Give the name of this product");
  assert_contains (comptoir_import_report_get_rejected_reason (lines, 1), "The price “abc”");
  assert_contains (comptoir_import_report_get_rejected_reason (lines, 1), "The VAT rate “7”");
  assert_contains (comptoir_import_report_get_rejected_reason (lines, 2), "“E-1” is also on line 2");

  g_assert_cmpint (count_lines (f), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before);
  saved = comptoir_supplier_load_mapping (f->db, supplier, &error);
  g_assert_no_error (error);
  g_assert_null (saved);
  text = comptoir_supplier_import_report_format (report);
  assert_contains (text, "Line 3: ");
  assert_contains (text, "Nothing was imported: fix the rejected lines and import the file again.");
}

/* A line with a reference: every problem said at once. */
static void
test_line_problems (Fixture       *f,
                    gconstpointer  data)
{
  static const char csv[] =
    "Réf;Désignation;Colisage;Prix HT;TVA\n"
    "A-1;;6 boites;abc;7\n"
    "A-2;Farine T80 1 kg;10;1,25;5,5;;extra\n"
    "A-3;Farine T65 5 kg;2,5;1 234,5;5.5\n";
  g_autofree char *supplier = add_supplier (f, "Moulin");
  g_autoptr (GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr (ComptoirSupplierImportReport) report = import_ok (f, supplier, bytes, NULL, TRUE);
  ComptoirImportReport *lines = comptoir_supplier_import_report_get_lines (report);
  const char *reason;

  assert_counts (report, 1, 0, 0, 2);
  reason = comptoir_import_report_get_rejected_reason (lines, 0);
  assert_contains (reason, "Give the name of this product");
  assert_contains (reason, "The pack size “6 boites” is not understood");
  assert_contains (reason, "The price “abc” is not an amount");
  assert_contains (reason, "The VAT rate “7” is not a French rate");
  assert_contains (comptoir_import_report_get_rejected_reason (lines, 1), "has 7 values");
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ComptoirSupplierImportReport **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = comptoir_supplier_import_file_finish (COMPTOIR_DB (source), result, &error);
  g_assert_no_error (error);
}

/* In a worker, on a connection of its own: the window's sees the result. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *farm = add_supplier (f, "Ferme des Quatre Vents");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "supplier-ferme-utf8.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSupplierMapping) mapping = comptoir_supplier_mapping_parse ("pack=Cagette,pack-price=Prix cagette HT",
                                                                                 &error);
  g_autoptr (ComptoirSupplierImportReport) report = NULL;

  comptoir_supplier_import_file_async (f->db, farm, file, mapping, FALSE, NULL, on_imported, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_counts (report, 3, 0, 0, 0);
  g_assert_cmpint (count_lines (f), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/comptoir/core/supplier-import/" path, Fixture, NULL, \
                                    fixture_set_up, func, fixture_tear_down)
  ADD ("wholesaler-1252", test_wholesaler);
  ADD ("price-changes", test_price_changes);
  ADD ("producer-mapping", test_producer_mapping);
  ADD ("bad-file", test_bad_file);
  ADD ("line-problems", test_line_problems);
  ADD ("async", test_async);
#undef ADD

  return g_test_run ();
}
