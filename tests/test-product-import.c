/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

/* Valid EAN-13s (check digit right). */
#define EAN_PATES  "3017620422003"
#define EAN_JUS    "3560070123452"
#define EAN_OEUFS  "3760012345670"
#define EAN_SEL    "2000000000015"

static ComptoirImportReport *
import_text (Fixture     *fixture,
             const char  *text,
             gboolean     dry_run,
             GError     **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  return comptoir_product_import (fixture->catalog, bytes, dry_run, error);
}

static ComptoirImportReport *
import_ok (Fixture    *fixture,
           const char *text,
           gboolean    dry_run)
{
  g_autoptr (GError) error = NULL;
  ComptoirImportReport *report = import_text (fixture, text, dry_run, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gint64
count_products (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gint64 n = comptoir_catalog_count_products (fixture->catalog, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
query_count (Fixture    *fixture,
             const char *sql,
             const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (comptoir_db_get_handle (fixture->db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gint64
count_log (Fixture    *fixture,
           const char *row_id)
{
  if (row_id == NULL)
    return query_count (fixture, "SELECT count(*) FROM change_log", NULL);
  return query_count (fixture, "SELECT count(*) FROM change_log WHERE row_id = ?1", row_id);
}

static ComptoirProduct *
get_product (Fixture    *fixture,
             const char *code_or_barcode)
{
  g_autoptr (GError) error = NULL;
  ComptoirProduct *product;

  /* comptoir_catalog_lookup() warns when it finds a barcode. */
  if (comptoir_barcode_classify (code_or_barcode) != COMPTOIR_BARCODE_INVALID)
    product = comptoir_catalog_lookup_barcode (fixture->catalog, code_or_barcode, &error);
  else
    product = comptoir_catalog_lookup (fixture->catalog, code_or_barcode, &error);

  g_assert_no_error (error);
  g_assert_nonnull (product);
  return product;
}

static void
assert_counts (ComptoirImportReport *report,
               guint                 created,
               guint                 updated,
               guint                 unchanged,
               guint                 rejected)
{
  g_assert_cmpuint (comptoir_import_report_get_n_created (report), ==, created);
  g_assert_cmpuint (comptoir_import_report_get_n_updated (report), ==, updated);
  g_assert_cmpuint (comptoir_import_report_get_n_unchanged (report), ==, unchanged);
  g_assert_cmpuint (comptoir_import_report_get_n_rejected (report), ==, rejected);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static const char *semicolon_file =
  "Code;Libellé;EAN;Prix TTC;TVA;Unité;Rayon;Bio;Origine;Poids\n"
  "EPI-001;Pâtes complètes;" EAN_PATES ";2,35 €;5,5;pièce;Épicerie;oui;Italie;500 g\n"
  "FL-010;Pommes Golden;;3,20;5,5 %;kg;Fruits et légumes;x;France;\n"
  "BOI-002;Jus d'orange;" EAN_JUS ";2,95;20;u;Boissons;non;Espagne;1 L\n";

static void
test_semicolon (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report = import_ok (fixture, semicolon_file, FALSE);
  g_autoptr (ComptoirProduct) pates = NULL;
  g_autoptr (ComptoirProduct) pommes = NULL;
  g_autoptr (ComptoirProduct) jus = NULL;
  g_autofree char *text = NULL;
  const char * const *ignored;

  assert_counts (report, 3, 0, 0, 0);
  g_assert_true (comptoir_import_report_get_committed (report));
  g_assert_false (comptoir_import_report_get_dry_run (report));
  g_assert_cmpstr (comptoir_import_report_get_encoding (report), ==, "UTF-8");
  g_assert_cmpint (comptoir_import_report_get_delimiter (report), ==, ';');
  ignored = comptoir_import_report_get_ignored_columns (report);
  g_assert_cmpuint (g_strv_length ((char **) ignored), ==, 1);
  g_assert_cmpstr (ignored[0], ==, "Poids");
  g_assert_cmpint (count_products (fixture), ==, 3);

  pates = get_product (fixture, EAN_PATES);
  g_assert_cmpstr (comptoir_product_get_code (pates), ==, "EPI-001");
  g_assert_cmpstr (comptoir_product_get_name (pates), ==, "Pâtes complètes");
  g_assert_cmpint (comptoir_product_get_price_cents (pates), ==, 235);
  g_assert_cmpint (comptoir_product_get_vat_bp (pates), ==, 550);
  g_assert_cmpint (comptoir_product_get_unit (pates), ==, COMPTOIR_UNIT_PIECE);
  g_assert_cmpstr (comptoir_product_get_category_name (pates), ==, "Épicerie");
  g_assert_true (comptoir_product_get_organic (pates));
  g_assert_cmpstr (comptoir_product_get_origin (pates), ==, "Italie");
  g_assert_true (comptoir_product_get_active (pates));

  /* Weighed, ticked organic with an "x", no barcode. */
  pommes = get_product (fixture, "FL-010");
  g_assert_cmpint (comptoir_product_get_unit (pommes), ==, COMPTOIR_UNIT_KG);
  g_assert_cmpint (comptoir_product_get_price_cents (pommes), ==, 320);
  g_assert_true (comptoir_product_get_organic (pommes));
  g_assert_cmpuint (g_strv_length ((char **) comptoir_product_get_barcodes (pommes)), ==, 0);

  jus = get_product (fixture, "BOI-002");
  g_assert_cmpint (comptoir_product_get_vat_bp (jus), ==, 2000);
  g_assert_false (comptoir_product_get_organic (jus));

  text = comptoir_import_report_format (report);
  assert_contains (text, "3 created, 0 updated, 0 unchanged, 0 rejected.");
  assert_contains (text, "“Poids”");
}

static void
test_comma (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report =
    import_ok (fixture,
               "sku,name,barcode,price,vat,unit,organic,active\r\n"
               "R-1,\"Riz, long grain\"," EAN_SEL ",1.10,5.5,piece,no,yes\r\n"
               "R-2,\"Huile d'olive \"\"vierge\"\"\",,7.90,20,litre,yes,no\r\n",
               FALSE);
  g_autoptr (ComptoirProduct) riz = NULL;
  g_autoptr (ComptoirProduct) huile = NULL;

  assert_counts (report, 2, 0, 0, 0);
  g_assert_cmpint (comptoir_import_report_get_delimiter (report), ==, ',');

  riz = get_product (fixture, EAN_SEL);
  g_assert_cmpstr (comptoir_product_get_name (riz), ==, "Riz, long grain");
  g_assert_cmpint (comptoir_product_get_price_cents (riz), ==, 110);
  g_assert_cmpint (comptoir_product_get_vat_bp (riz), ==, 550);

  huile = get_product (fixture, "R-2");
  g_assert_cmpstr (comptoir_product_get_name (huile), ==, "Huile d'olive \"vierge\"");
  g_assert_cmpint (comptoir_product_get_unit (huile), ==, COMPTOIR_UNIT_LITRE);
  g_assert_true (comptoir_product_get_organic (huile));
  g_assert_false (comptoir_product_get_active (huile));
}

static void
test_windows_1252 (Fixture       *fixture,
                   gconstpointer  data)
{
  /* As French Excel writes it: "Pâtes" with â = 0xE2, "€" = 0x80,
   * "Libellé" with é = 0xE9. */
  static const char file[] =
    "Libell\xe9;EAN;Prix;TVA\r\n"
    "P\xe2tes;" EAN_PATES ";2,35 \x80;5,5\r\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (file, sizeof file - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirImportReport) report = comptoir_product_import (fixture->catalog, bytes, FALSE, &error);
  g_autoptr (ComptoirProduct) pates = NULL;

  g_assert_no_error (error);
  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpstr (comptoir_import_report_get_encoding (report), ==, "Windows-1252");

  pates = get_product (fixture, EAN_PATES);
  g_assert_cmpstr (comptoir_product_get_name (pates), ==, "Pâtes");
  g_assert_cmpint (comptoir_product_get_price_cents (pates), ==, 235);
  /* No code column: the barcode is the code. */
  g_assert_cmpstr (comptoir_product_get_code (pates), ==, EAN_PATES);
}

static void
test_fixture_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "products-excel-fr.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_autoptr (ComptoirImportReport) report = NULL;
  g_autoptr (ComptoirProduct) jus = NULL;
  g_autoptr (ComptoirProduct) oeufs = NULL;
  g_autoptr (GPtrArray) categories = NULL;

  g_assert_no_error (error);
  report = comptoir_product_import (fixture->catalog, bytes, FALSE, &error);
  g_assert_no_error (error);
  assert_counts (report, 4, 0, 0, 0);
  g_assert_cmpstr (comptoir_import_report_get_encoding (report), ==, "Windows-1252");

  jus = get_product (fixture, EAN_JUS);
  g_assert_cmpstr (comptoir_product_get_name (jus), ==, "Jus d'orange; pur jus");
  oeufs = get_product (fixture, "CRE-004");
  g_assert_cmpstr (comptoir_product_get_name (oeufs), ==, "Œufs frais x6");
  g_assert_cmpint (comptoir_product_get_price_cents (oeufs), ==, 310);

  /* Categories are created once each, with the rate of their first line. */
  categories = comptoir_catalog_list_categories (fixture->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 4);
  for (guint i = 0; i < categories->len; i++)
    g_assert_cmpint (((ComptoirCategory *) g_ptr_array_index (categories, i))->default_vat_bp, ==, 550);
}

static void
test_bom (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report =
    import_ok (fixture, "\xef\xbb\xbf" "nom;prix;tva;ean\nSel de Guérande;2,10;5,5;" EAN_SEL "\n", FALSE);

  /* Without stripping the BOM, "nom" would not be recognised. */
  assert_counts (report, 1, 0, 0, 0);
  g_assert_null (comptoir_import_report_get_ignored_columns (report)[0]);
}

static void
test_line_numbers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report =
    import_ok (fixture,
               "code;nom;prix;tva;ean\n"
               "A1;\"Pâtes; complètes\nsans gluten\";2,35;5,5;\n"
               "A2;Riz;1,10;5,5;\n"
               "A3;\"Thé \"\"vert\"\"\";4,50;5,5;3017620422004\n",
               FALSE);
  g_autofree char *text = comptoir_import_report_format (report);

  assert_counts (report, 2, 0, 0, 1);
  /* The record starts on line 5: line 2 holds a line break. */
  g_assert_cmpuint (comptoir_import_report_get_rejected_line (report, 0), ==, 5);
  assert_contains (comptoir_import_report_get_rejected_reason (report, 0), "3017620422004");
  assert_contains (text, "Line 5: ");
}

static void
test_reimport_updates (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) first = import_ok (fixture, semicolon_file, FALSE);
  g_autoptr (ComptoirImportReport) second = NULL;
  g_autoptr (ComptoirProduct) before = get_product (fixture, "EPI-001");
  g_autoptr (ComptoirProduct) after = NULL;
  g_autoptr (GString) changed = g_string_new (semicolon_file);
  gint64 log_product, log_total;
  g_autofree char *text = NULL;

  assert_counts (first, 3, 0, 0, 0);
  log_product = count_log (fixture, comptoir_product_get_id (before));
  log_total = count_log (fixture, NULL);

  g_assert_cmpuint (g_string_replace (changed, ";2,35 €;", ";2,49 €;", 1), ==, 1);
  second = import_ok (fixture, changed->str, FALSE);
  assert_counts (second, 0, 1, 2, 0);
  g_assert_true (comptoir_import_report_get_committed (second));

  after = get_product (fixture, "EPI-001");
  g_assert_cmpstr (comptoir_product_get_id (after), ==, comptoir_product_get_id (before));
  g_assert_cmpint (comptoir_product_get_price_cents (after), ==, 249);
  /* Exactly one change, for that product: the price. */
  g_assert_cmpint (count_log (fixture, comptoir_product_get_id (after)), ==, log_product + 1);
  g_assert_cmpint (query_count (fixture,
                                "SELECT count(*) FROM change_log WHERE row_id = ?1 "
                                "AND payload = '{\"price_cents\":249}'",
                                comptoir_product_get_id (after)), ==, 1);
  /* and the price change, dated, as a fact of its own. */
  g_assert_cmpint (count_log (fixture, NULL), ==, log_total + 2);
  g_assert_cmpint (query_count (fixture,
                                "SELECT count(*) FROM price_change WHERE product_id = ?1 AND old_cents = 235 "
                                "AND new_cents = 249 AND reason = 'import' AND purchase_price_cents IS NULL",
                                comptoir_product_get_id (after)), ==, 1);
  g_assert_cmpint (count_products (fixture), ==, 3);

  text = comptoir_import_report_format (second);
  assert_contains (text, "0 created, 1 updated, 2 unchanged, 0 rejected.");
}

static void
test_update_only_present_columns (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) first = import_ok (fixture, semicolon_file, FALSE);
  g_autoptr (ComptoirImportReport) second = NULL;
  g_autoptr (ComptoirImportReport) third = NULL;
  g_autoptr (ComptoirProduct) pates = NULL;
  const char * const *barcodes;

  /* No origin, unit, category nor organic column: those stay. */
  second = import_ok (fixture,
                      "ref;designation;pvc;tva\n"
                      "EPI-001;Pâtes complètes bio;2,35;5,5\n",
                      FALSE);
  assert_counts (second, 0, 1, 0, 0);
  pates = get_product (fixture, "EPI-001");
  g_assert_cmpstr (comptoir_product_get_name (pates), ==, "Pâtes complètes bio");
  g_assert_cmpstr (comptoir_product_get_origin (pates), ==, "Italie");
  g_assert_cmpstr (comptoir_product_get_category_name (pates), ==, "Épicerie");
  g_assert_true (comptoir_product_get_organic (pates));
  g_clear_object (&pates);

  /* Found by barcode (no code column); a new barcode is added, the old one kept. */
  third = import_ok (fixture,
                     "gtin;nom;prix;tva\n"
                     EAN_PATES " | " EAN_OEUFS ";Pâtes complètes bio;2,35;5,5\n",
                     FALSE);
  assert_counts (third, 0, 1, 0, 0);
  pates = get_product (fixture, EAN_OEUFS);
  g_assert_cmpstr (comptoir_product_get_code (pates), ==, "EPI-001");
  barcodes = comptoir_product_get_barcodes (pates);
  g_assert_cmpuint (g_strv_length ((char **) barcodes), ==, 2);
  g_assert_true (g_strv_contains (barcodes, EAN_PATES));
  g_assert_true (g_strv_contains (barcodes, EAN_OEUFS));
  g_assert_cmpint (count_products (fixture), ==, 3);
}

static void
test_bad_ean_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  report = import_ok (fixture,
                      "code;nom;ean;prix;tva;rayon\n"
                      "A1;Pâtes;" EAN_PATES ";2,35;5,5;Épicerie\n"
                      "A2;Jus;3560070123453;2,95;5,5;Boissons\n"
                      "A3;Sel;" EAN_SEL ";2,10;5,5;Épicerie\n",
                      FALSE);

  assert_counts (report, 2, 0, 0, 1);
  g_assert_false (comptoir_import_report_get_committed (report));
  g_assert_cmpuint (comptoir_import_report_get_rejected_line (report, 0), ==, 3);
  assert_contains (comptoir_import_report_get_rejected_reason (report, 0),
                   "The barcode “3560070123453” is not valid: its last digit should be 2.");

  /* All or nothing: not the good lines, not their categories, no log. */
  g_assert_cmpint (count_products (fixture), ==, 0);
  g_assert_cmpint (count_log (fixture, NULL), ==, 0);
  categories = comptoir_catalog_list_categories (fixture->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 0);

  text = comptoir_import_report_format (report);
  assert_contains (text, "2 created, 0 updated, 0 unchanged, 1 rejected.");
  assert_contains (text, "Line 3: The barcode “3560070123453” is not valid");
  g_assert_true (g_str_has_suffix (text, "Nothing was imported: fix the rejected lines and import the file again.\n"));

  /* The database is still usable: the transaction was closed. */
  g_clear_pointer (&report, comptoir_import_report_free);
  report = import_ok (fixture, semicolon_file, FALSE);
  assert_counts (report, 3, 0, 0, 0);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report = import_ok (fixture, semicolon_file, TRUE);
  g_autofree char *text = comptoir_import_report_format (report);

  assert_counts (report, 3, 0, 0, 0);
  g_assert_true (comptoir_import_report_get_dry_run (report));
  g_assert_false (comptoir_import_report_get_committed (report));
  g_assert_cmpint (count_products (fixture), ==, 0);
  g_assert_cmpint (count_log (fixture, NULL), ==, 0);
  assert_contains (text, "Trial run: nothing was written.");
  assert_contains (text, "3 created, 0 updated, 0 unchanged, 0 rejected.");

  /* Against existing products too. */
  g_clear_pointer (&report, comptoir_import_report_free);
  report = import_ok (fixture, semicolon_file, FALSE);
  g_clear_pointer (&report, comptoir_import_report_free);
  report = import_ok (fixture, "code;nom;prix;tva\nEPI-001;Pâtes;9,99;5,5\nNEW-1;Nouveau;1;20\n", TRUE);
  assert_counts (report, 1, 1, 0, 0);
  g_assert_cmpint (count_products (fixture), ==, 3);
  {
    g_autoptr (ComptoirProduct) pates = get_product (fixture, "EPI-001");
    g_assert_cmpint (comptoir_product_get_price_cents (pates), ==, 235);
  }
}

static void
test_missing_columns (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirImportReport) report = NULL;

  report = import_text (fixture, "code;ean;libellé;tva\nA1;;Riz;5,5\n", FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS);
  assert_contains (error->message, "no column for: price.");
  g_clear_error (&error);

  report = import_text (fixture, "ean;prix\n" EAN_SEL ";2\n", FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS);
  assert_contains (error->message, "name");
  assert_contains (error->message, "VAT rate");
  assert_contains (error->message, "import it again");
  g_clear_error (&error);

  report = import_text (fixture, "nom;prix;tva\nRiz;2;5,5\n", FALSE, &error);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS);
  assert_contains (error->message, "code or barcode");
  g_clear_error (&error);

  report = import_text (fixture, "code;nom;prix;prix ttc;tva\n", FALSE, &error);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_AMBIGUOUS_COLUMNS);
  assert_contains (error->message, "“prix” and “prix ttc”");
  g_clear_error (&error);

  report = import_text (fixture, "code;nom;prix;tva\nA1;\"Riz;1;5,5\n", FALSE, &error);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MALFORMED);
  assert_contains (error->message, "Line 2:");
  g_clear_error (&error);

  g_assert_cmpint (count_products (fixture), ==, 0);
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report =
    import_ok (fixture,
               "code;nom;ean;prix;tva\n"
               "A1;Pâtes;" EAN_PATES ";2,35;5,5\n"
               "A2;Riz;;1,10;5,5\n"
               "A3;Pâtes bis;" EAN_PATES ";2,40;5,5\n"
               "A2;Riz encore;;1,20;5,5\n",
               FALSE);

  assert_counts (report, 2, 0, 0, 2);
  g_assert_false (comptoir_import_report_get_committed (report));
  g_assert_cmpuint (comptoir_import_report_get_rejected_line (report, 0), ==, 4);
  g_assert_cmpstr (comptoir_import_report_get_rejected_reason (report, 0), ==,
                   "The barcode " EAN_PATES " is also on line 2. Keep only one of the two lines.");
  g_assert_cmpuint (comptoir_import_report_get_rejected_line (report, 1), ==, 5);
  g_assert_cmpstr (comptoir_import_report_get_rejected_reason (report, 1), ==,
                   "The code “A2” is also on line 3. Keep only one of the two lines.");
  g_assert_cmpint (count_products (fixture), ==, 0);
}

static void
test_units (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct {
    const char  *code;
    ComptoirUnit unit;
  } expected[] = {
    { "V1", COMPTOIR_UNIT_KG }, { "V2", COMPTOIR_UNIT_KG }, { "V3", COMPTOIR_UNIT_KG },
    { "V4", COMPTOIR_UNIT_LITRE }, { "V5", COMPTOIR_UNIT_LITRE }, { "V6", COMPTOIR_UNIT_PIECE },
    { "V7", COMPTOIR_UNIT_PIECE }, { "V8", COMPTOIR_UNIT_PIECE },
  };
  g_autoptr (ComptoirImportReport) report =
    import_ok (fixture,
               "code;nom;prix;tva;unité\n"
               "V1;Lentilles vrac;4,20;5,5;kg\n"
               "V2;Farine vrac;1,90;5,5;Au kilo\n"
               "V3;Tomates;3,50;5,5;KILO\n"
               "V4;Huile vrac;9,80;5,5;l\n"
               "V5;Vinaigre vrac;3,10;5,5;Litre\n"
               "V6;Savon;2,50;20;pièce\n"
               "V7;Bougie;4,00;20;U\n"
               "V8;Éponge;1,00;20;\n",
               FALSE);
  g_autoptr (ComptoirImportReport) bad = NULL;

  assert_counts (report, G_N_ELEMENTS (expected), 0, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (ComptoirProduct) product = get_product (fixture, expected[i].code);
      g_assert_cmpint (comptoir_product_get_unit (product), ==, expected[i].unit);
    }

  bad = import_ok (fixture, "code;nom;prix;tva;unité\nV9;Sac;1;20;sac\n", FALSE);
  assert_counts (bad, 0, 0, 0, 1);
  assert_contains (comptoir_import_report_get_rejected_reason (bad, 0), "“sac” is unknown");
}

static void
test_organic (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct {
    const char *code;
    gboolean    organic;
  } expected[] = {
    { "B1", TRUE }, { "B2", TRUE }, { "B3", TRUE }, { "B4", TRUE },
    { "B5", FALSE }, { "B6", FALSE }, { "B7", FALSE },
  };
  g_autoptr (ComptoirImportReport) report =
    import_ok (fixture,
               "code;nom;prix;tva;bio\n"
               "B1;Quinoa;6,50;5,5;oui\n"
               "B2;Avoine;2,10;5,5; Oui \n"
               "B3;Miel;8,00;5,5;x\n"
               "B4;Thé;4,00;5,5;1\n"
               "B5;Sucre;1,50;5,5;non\n"
               "B6;Sel;1,00;5,5;\n"
               "B7;Poivre;3,00;5,5;false\n",
               FALSE);
  g_autoptr (ComptoirImportReport) bad = NULL;

  assert_counts (report, G_N_ELEMENTS (expected), 0, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (ComptoirProduct) product = get_product (fixture, expected[i].code);
      g_assert_cmpint (comptoir_product_get_organic (product), ==, expected[i].organic);
    }

  bad = import_ok (fixture, "code;nom;prix;tva;bio\nB8;Café;5;5,5;peut-être\n", FALSE);
  assert_counts (bad, 0, 0, 0, 1);
  assert_contains (comptoir_import_report_get_rejected_reason (bad, 0), "Write yes or no");
}

static void
test_category_vat (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = comptoir_catalog_ensure_category (fixture->catalog, "Crèmerie", 550, &error);
  g_autoptr (ComptoirImportReport) report = NULL;
  g_autoptr (ComptoirProduct) beurre = NULL;

  g_assert_no_error (error);

  /* No VAT column: the category gives the rate. */
  report = import_ok (fixture, "code;nom;prix;rayon\nC1;Beurre doux;2,90;CREMERIE\n", FALSE);
  assert_counts (report, 1, 0, 0, 0);
  beurre = get_product (fixture, "C1");
  g_assert_cmpint (comptoir_product_get_vat_bp (beurre), ==, 550);
  g_assert_cmpstr (comptoir_product_get_category_id (beurre), ==, id);

  /* A new category has no rate to give. */
  g_clear_pointer (&report, comptoir_import_report_free);
  report = import_ok (fixture, "code;nom;prix;rayon\nD1;Savon;2,50;Droguerie\n", FALSE);
  assert_counts (report, 0, 0, 0, 1);
  assert_contains (comptoir_import_report_get_rejected_reason (report, 0), "“Droguerie” is new");
}

static void
test_row_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report =
    import_ok (fixture,
               "code,nom,prix,tva\n"
               "A1,Riz,1,10,5.5\n"
               "A2,,abc,7\n"
               "A3,Sel,,20\n"
               "A4,Thé,0.055,0.055\n"
               ",Poivre,2,20\n",
               FALSE);

  assert_counts (report, 0, 0, 0, 5);
  /* "1,10" unquoted in a comma-separated file. */
  assert_contains (comptoir_import_report_get_rejected_reason (report, 0), "separator “,”");
  assert_contains (comptoir_import_report_get_rejected_reason (report, 1), "The price “abc” is not an amount");
  assert_contains (comptoir_import_report_get_rejected_reason (report, 1), "The VAT rate “7” is not a French rate");
  assert_contains (comptoir_import_report_get_rejected_reason (report, 1), "Give the product a name");
  assert_contains (comptoir_import_report_get_rejected_reason (report, 2), "Give the price of this new product");
  assert_contains (comptoir_import_report_get_rejected_reason (report, 3), "The price “0.055”");
  assert_contains (comptoir_import_report_get_rejected_reason (report, 4), "code or a barcode");
  g_assert_cmpuint (comptoir_import_report_get_rejected_line (report, 4), ==, 6);
}

static void
test_header_synonyms (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report =
    import_ok (fixture,
               "Désignation;Code-barres;Référence;PVC (€);Taux TVA %;Famille;Réf. fournisseur;"
               "Pays;Actif;UNITE;BIO;Marge\n"
               "Café moulu;" EAN_OEUFS ";CAF-1;5,90;0,055;Épicerie;SUP-77;Pérou;non;pièce;oui;12\n",
               FALSE);
  g_autoptr (ComptoirProduct) cafe = NULL;
  const char * const *ignored = comptoir_import_report_get_ignored_columns (report);

  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpuint (g_strv_length ((char **) ignored), ==, 1);
  g_assert_cmpstr (ignored[0], ==, "Marge");

  cafe = get_product (fixture, "CAF-1");
  g_assert_cmpstr (comptoir_product_get_name (cafe), ==, "Café moulu");
  g_assert_cmpint (comptoir_product_get_price_cents (cafe), ==, 590);
  /* A percentage cell exported as a fraction. */
  g_assert_cmpint (comptoir_product_get_vat_bp (cafe), ==, 550);
  g_assert_cmpstr (comptoir_product_get_supplier_ref (cafe), ==, "SUP-77");
  g_assert_cmpstr (comptoir_product_get_origin (cafe), ==, "Pérou");
  g_assert_false (comptoir_product_get_active (cafe));
  g_assert_true (comptoir_product_get_organic (cafe));
}

static void
test_header_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report = import_ok (fixture, "code;nom;prix;tva\r\n;;;\r\n", FALSE);

  assert_counts (report, 0, 0, 0, 0);
  g_assert_true (comptoir_import_report_get_committed (report));
}

static void
test_scientific_barcode (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report =
    import_ok (fixture, "code;nom;ean;prix;tva\nA1;Pâtes;3,01762E+12;2,35;5,5\n", FALSE);

  assert_counts (report, 0, 0, 0, 1);
  assert_contains (comptoir_import_report_get_rejected_reason (report, 0), "Format the barcode column as text");
}

static void
test_barcode_owned_elsewhere (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) first = import_ok (fixture, semicolon_file, FALSE);
  /* Found by its code, BOI-002 would get the barcode of EPI-001. */
  g_autoptr (ComptoirImportReport) second =
    import_ok (fixture, "code;nom;ean;prix;tva\nBOI-002;Jus;" EAN_PATES ";2,95;20\n", FALSE);

  assert_counts (second, 0, 0, 0, 1);
  assert_contains (comptoir_import_report_get_rejected_reason (second, 0),
                   "already belongs to “Pâtes complètes”");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/comptoir/core/product-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("semicolon", test_semicolon);
  ADD ("comma", test_comma);
  ADD ("windows-1252", test_windows_1252);
  ADD ("fixture-file", test_fixture_file);
  ADD ("bom", test_bom);
  ADD ("line-numbers", test_line_numbers);
  ADD ("reimport-updates", test_reimport_updates);
  ADD ("update-only-present-columns", test_update_only_present_columns);
  ADD ("bad-ean-writes-nothing", test_bad_ean_writes_nothing);
  ADD ("dry-run", test_dry_run);
  ADD ("missing-columns", test_missing_columns);
  ADD ("duplicates", test_duplicates);
  ADD ("units", test_units);
  ADD ("organic", test_organic);
  ADD ("category-vat", test_category_vat);
  ADD ("row-errors", test_row_errors);
  ADD ("header-synonyms", test_header_synonyms);
  ADD ("header-only", test_header_only);
  ADD ("scientific-barcode", test_scientific_barcode);
  ADD ("barcode-owned-elsewhere", test_barcode_owned_elsewhere);

#undef ADD

  return g_test_run ();
}
