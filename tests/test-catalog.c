/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

static void
save_ok (ComptoirCatalog *catalog,
         ComptoirProduct *product)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_catalog_save_product (catalog, product, &error));
  g_assert_no_error (error);
}

static void
test_create_and_get (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) p = fixture_product ("EP-1", "  Pâtes penne complètes bio 500 g ", 235, 550, "3017620422003");
  g_autoptr (ComptoirProduct) got = NULL;
  g_autoptr (ComptoirProduct) by_code = NULL;
  g_autoptr (ComptoirProduct) by_upc = NULL;
  g_autofree char *category = comptoir_catalog_ensure_category (f->catalog, "Épicerie", 550, &error);
  g_autofree char *same_category = comptoir_catalog_ensure_category (f->catalog, "epicerie", 550, &error);
  const char *barcodes[] = { "3017620422003", "036000291452", NULL };

  g_assert_cmpstr (category, ==, same_category);
  comptoir_product_set_category (p, category, "Épicerie");
  comptoir_product_set_organic (p, TRUE);
  comptoir_product_set_origin (p, "Italie");
  comptoir_product_set_barcodes (p, barcodes);
  save_ok (f->catalog, p);

  g_assert_true (comptoir_uuid7_is_valid (comptoir_product_get_id (p)));
  g_assert_cmpint (comptoir_product_get_rowid (p), >, 0);
  g_assert_cmpstr (comptoir_product_get_name (p), ==, "Pâtes penne complètes bio 500 g");
  /* The UPC-A is stored as the EAN-13 it also is. */
  g_assert_cmpstr (comptoir_product_get_barcodes (p)[1], ==, "0036000291452");

  got = comptoir_catalog_lookup_barcode (f->catalog, "3017620422003", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_product_get_id (got), ==, comptoir_product_get_id (p));
  g_assert_cmpstr (comptoir_product_get_category_name (got), ==, "Épicerie");
  g_assert_cmpint (comptoir_product_get_price_cents (got), ==, 235);
  g_assert_cmpint (comptoir_product_get_vat_bp (got), ==, 550);
  g_assert_true (comptoir_product_get_organic (got));
  g_assert_cmpstr (comptoir_product_get_origin (got), ==, "Italie");
  g_assert_cmpuint (g_strv_length ((GStrv) comptoir_product_get_barcodes (got)), ==, 2);

  by_upc = comptoir_catalog_lookup_barcode (f->catalog, "036000291452", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_product_get_id (by_upc), ==, comptoir_product_get_id (p));

  by_code = comptoir_catalog_lookup (f->catalog, "EP-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_product_get_id (by_code), ==, comptoir_product_get_id (p));

  g_assert_null (comptoir_catalog_lookup_barcode (f->catalog, "5449000000996", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (comptoir_catalog_lookup_barcode (f->catalog, "5449000000997", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
}

static gboolean
has_error_on (GPtrArray  *errors,
              const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    if (g_str_equal (((ComptoirFieldError *) g_ptr_array_index (errors, i))->field, field))
      return TRUE;
  return FALSE;
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) first = fixture_product ("EP-1", "Pâtes", 235, 550, "3017620422003");
  g_autoptr (ComptoirProduct) bad = fixture_product ("EP-1", "   ", -5, 1960, "3017620422004");
  g_autoptr (ComptoirProduct) stolen = fixture_product ("EP-2", "Riz", 300, 550, "3017620422003");
  g_autoptr (GPtrArray) errors = NULL;
  g_autoptr (GPtrArray) stolen_errors = NULL;
  gint64 log_before;

  save_ok (f->catalog, first);
  log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");

  errors = comptoir_catalog_validate_product (f->catalog, bad);
  g_assert_true (has_error_on (errors, "name"));
  g_assert_true (has_error_on (errors, "code"));          /* EP-1 taken */
  g_assert_true (has_error_on (errors, "price-cents"));
  g_assert_true (has_error_on (errors, "vat-bp"));
  g_assert_true (has_error_on (errors, "barcodes"));      /* check digit */
  g_assert_cmpuint (errors->len, ==, 5);

  g_assert_false (comptoir_catalog_save_product (f->catalog, bad, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (comptoir_product_get_id (bad));

  stolen_errors = comptoir_catalog_validate_product (f->catalog, stolen);
  g_assert_cmpuint (stolen_errors->len, ==, 1);
  g_assert_nonnull (strstr (((ComptoirFieldError *) g_ptr_array_index (stolen_errors, 0))->message, "Pâtes"));
  g_assert_false (comptoir_catalog_save_product (f->catalog, stolen, &error));
  g_clear_error (&error);

  /* Nothing half-written. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM product"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before);
}

static void
test_code_from_barcode (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) scanned = fixture_product ("", "Savon d'Alep", 450, 2000, "3017620422003");
  g_autoptr (ComptoirProduct) bare = fixture_product ("  ", "Savon noir", 550, 2000, NULL);
  g_autoptr (GPtrArray) errors = NULL;

  save_ok (f->catalog, scanned);
  g_assert_cmpstr (comptoir_product_get_code (scanned), ==, "3017620422003");

  errors = comptoir_catalog_validate_product (f->catalog, bare);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_true (has_error_on (errors, "code"));
  g_assert_false (comptoir_catalog_save_product (f->catalog, bare, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
}

static void
test_edit_barcodes_and_deactivate (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) a = fixture_product ("A", "Lait entier 1 L", 129, 550, "3017620422003");
  g_autoptr (ComptoirProduct) b = fixture_product ("B", "Lait demi-écrémé 1 L", 119, 550, NULL);
  g_autoptr (ComptoirProduct) moved = NULL;
  g_autoptr (GArray) found = NULL;
  const char *b_codes[] = { "3017620422003", NULL };
  gint64 log_before;

  save_ok (f->catalog, a);
  save_ok (f->catalog, b);

  /* Move the barcode from A to B: unlink, then link. */
  comptoir_product_set_barcodes (a, NULL);
  save_ok (f->catalog, a);
  comptoir_product_set_barcodes (b, b_codes);
  save_ok (f->catalog, b);
  moved = comptoir_catalog_lookup_barcode (f->catalog, "3017620422003", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_product_get_code (moved), ==, "B");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM product_barcode"), ==, 1);

  /* The search index follows barcode moves. */
  found = comptoir_catalog_search (f->catalog, "30176204", COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, comptoir_product_get_rowid (b));

  /* Deactivating is an edit, logged as one field. */
  log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");
  comptoir_product_set_active (a, FALSE);
  save_ok (f->catalog, a);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT json_extract (payload, '$.active') FROM change_log "
                                             "ORDER BY seq DESC LIMIT 1"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT active FROM product WHERE code = 'A'"), ==, 0);
}

static GArray *
search (Fixture             *f,
        const char          *text,
        ComptoirProductSort  sort,
        gboolean             descending)
{
  g_autoptr (GError) error = NULL;
  GArray *rowids = comptoir_catalog_search (f->catalog, text, sort, descending, &error);

  g_assert_no_error (error);
  return rowids;
}

static char *
name_at (Fixture *f,
         GArray  *rowids,
         guint    i)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) p = comptoir_catalog_get_by_rowid (f->catalog, g_array_index (rowids, gint64, i), &error);

  g_assert_no_error (error);
  return g_strdup (comptoir_product_get_name (p));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  static const struct { const char *code, *name; gint64 price; const char *barcode; } products[] = {
    { "EP-1", "Pâtes penne complètes", 235, "3017620422003" },
    { "EP-2", "Pâté de campagne", 410, NULL },
    { "EP-3", "Épinards en branches surgelés", 299, NULL },
    { "EP-4", "Riz basmati", 320, "5449000000996" },
    { "VR-1", "Patate douce au kilo", 450, NULL },
    { "EP-5", "Œufs frais x6", 280, NULL },
  };
  g_autoptr (GArray) all = NULL;
  g_autoptr (GArray) pate = NULL;
  g_autoptr (GArray) by_price = NULL;
  g_autoptr (GArray) by_barcode = NULL;
  g_autoptr (GArray) by_code = NULL;
  g_autoptr (GArray) two_words = NULL;
  g_autoptr (GArray) hostile = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *cheapest = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      g_autoptr (ComptoirProduct) p = fixture_product (products[i].code, products[i].name, products[i].price,
                                                       550, products[i].barcode);
      save_ok (f->catalog, p);
    }

  all = search (f, "", COMPTOIR_PRODUCT_SORT_NAME, FALSE);
  g_assert_cmpuint (all->len, ==, 6);
  first = name_at (f, all, 0);
  second = name_at (f, all, 1);
  g_assert_cmpstr (first, ==, "Épinards en branches surgelés");  /* É sorts with E */
  g_assert_cmpstr (second, ==, "Œufs frais x6");

  /* Accent-insensitive prefix: "pate" finds Pâtes and Pâté, not Patate. */
  pate = search (f, "pate", COMPTOIR_PRODUCT_SORT_NAME, FALSE);
  g_assert_cmpuint (pate->len, ==, 2);

  by_price = search (f, "pat", COMPTOIR_PRODUCT_SORT_PRICE, FALSE);
  g_assert_cmpuint (by_price->len, ==, 3);
  cheapest = name_at (f, by_price, 0);
  g_assert_cmpstr (cheapest, ==, "Pâtes penne complètes");

  by_barcode = search (f, "544900", COMPTOIR_PRODUCT_SORT_NAME, FALSE);
  g_assert_cmpuint (by_barcode->len, ==, 1);
  by_code = search (f, "VR", COMPTOIR_PRODUCT_SORT_NAME, FALSE);
  g_assert_cmpuint (by_code->len, ==, 1);
  two_words = search (f, "pâtes compl", COMPTOIR_PRODUCT_SORT_NAME, FALSE);
  g_assert_cmpuint (two_words->len, ==, 1);
  hostile = search (f, "\"pa*te OR NEAR(", COMPTOIR_PRODUCT_SORT_NAME, TRUE);
  g_assert_cmpuint (hostile->len, ==, 0);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GArray **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = comptoir_catalog_search_finish (COMPTOIR_CATALOG (source), result, &error);
  g_assert_no_error (error);
}

static void
test_search_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (ComptoirProduct) p = fixture_product ("EP-1", "Pâtes penne", 235, 550, NULL);
  g_autoptr (GArray) result = NULL;

  save_ok (f->catalog, p);
  comptoir_catalog_search_async (f->catalog, "penne", COMPTOIR_PRODUCT_SORT_NAME, FALSE, NULL,
                                 on_search_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (result->len, ==, 1);
  g_assert_cmpint (g_array_index (result, gint64, 0), ==, comptoir_product_get_rowid (p));
}

/* The in-memory ordering must give exactly what SQL's ORDER BY gives. */
static void
test_order_matches_sql (Fixture       *f,
                        gconstpointer  data)
{
  static const char *queries[] = { "", "pâtes", "riz", "bio", "3", "zzz" };
  g_autoptr (GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (42);
  g_autofree char *vrac = comptoir_catalog_ensure_category (f->catalog, "Vrac", 550, &error);
  g_autofree char *cave = comptoir_catalog_ensure_category (f->catalog, "Cave", 2000, &error);

  g_assert_true (comptoir_db_begin (f->db, &error));
  for (guint i = 0; i < 600; i++)
    {
      static const char *words[] = { "Pâtes", "Riz", "Épices", "Œufs", "Vin", "Thé" };
      g_autofree char *code = g_strdup_printf ("C%04u", g_rand_int_range (rand, 0, 10000) * 1000 + i);
      g_autofree char *name = g_strdup_printf ("%s %s %u", words[g_rand_int_range (rand, 0, 6)],
                                               g_rand_boolean (rand) ? "bio" : "nature", g_rand_int_range (rand, 0, 50));
      g_autoptr (ComptoirProduct) p = fixture_product (code, name, g_rand_int_range (rand, 0, 40) * 10,
                                                       g_rand_boolean (rand) ? 550 : 2000, NULL);
      comptoir_product_set_unit (p, g_rand_int_range (rand, 0, 3));
      comptoir_product_set_active (p, g_rand_int_range (rand, 0, 10) > 0);
      if (g_rand_boolean (rand))
        comptoir_product_set_category (p, g_rand_boolean (rand) ? vrac : cave, NULL);
      g_assert_true (comptoir_catalog_save_product (f->catalog, p, &error));
    }
  g_assert_true (comptoir_db_commit (f->db, &error));
  g_rand_free (rand);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint s = 0; s < COMPTOIR_N_PRODUCT_SORTS; s++)
      for (guint d = 0; d < 2; d++)
        {
          g_autoptr (GArray) ours = comptoir_catalog_search (f->catalog, queries[q], s, d, &error);
          g_autofree char *fts = comptoir_text_fts_query (queries[q]);
          g_autofree char *order_by = g_strdup (strstr (comptoir_catalog_get_order_sql (s, d), "ORDER BY"));
          g_autofree char *sql = g_strdup_printf ("SELECT p.rowid FROM product p LEFT JOIN category c ON c.id = p.category_id "
                                                  "%s %s", *fts ? "WHERE p.rowid IN (SELECT rowid FROM product_fts "
                                                  "WHERE product_fts MATCH ?1)" : "", order_by);
          sqlite3_stmt *stmt = NULL;
          guint i = 0;

          g_assert_no_error (error);
          g_assert_cmpint (sqlite3_prepare_v2 (comptoir_db_get_handle (f->db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
          if (*fts)
            sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              g_assert_cmpuint (i, <, ours->len);
              g_assert_cmpint (g_array_index (ours, gint64, i), ==, sqlite3_column_int64 (stmt, 0));
              i++;
            }
          sqlite3_finalize (stmt);
          g_assert_cmpuint (i, ==, ours->len);
        }
}

/* A change, from this connection or another, reorders the next search. */
static void
test_order_follows_changes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) a = fixture_product ("A", "Pain", 100, 550, NULL);
  g_autoptr (ComptoirProduct) b = fixture_product ("B", "Pain complet", 200, 550, NULL);
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) after = NULL;
  g_autoptr (GArray) after_other = NULL;
  g_autoptr (ComptoirDb) other_db = NULL;
  g_autoptr (ComptoirCatalog) other = NULL;

  save_ok (f->catalog, a);
  save_ok (f->catalog, b);
  before = comptoir_catalog_search (f->catalog, "pain", COMPTOIR_PRODUCT_SORT_PRICE, FALSE, &error);
  g_assert_cmpint (g_array_index (before, gint64, 0), ==, comptoir_product_get_rowid (a));

  comptoir_product_set_price_cents (a, 300);
  save_ok (f->catalog, a);
  after = comptoir_catalog_search (f->catalog, "pain", COMPTOIR_PRODUCT_SORT_PRICE, FALSE, &error);
  g_assert_cmpint (g_array_index (after, gint64, 0), ==, comptoir_product_get_rowid (b));

  other_db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  other = comptoir_catalog_new (other_db);
  comptoir_product_set_price_cents (b, 400);
  save_ok (other, b);
  after_other = comptoir_catalog_search (f->catalog, "pain", COMPTOIR_PRODUCT_SORT_PRICE, FALSE, &error);
  g_assert_cmpint (g_array_index (after_other, gint64, 0), ==, comptoir_product_get_rowid (a));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_quick_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) p = fixture_product ("FL-0001", "Pommes Golden au kilo", 290, 550, NULL);
  g_autoptr (ComptoirProduct) copy = NULL;
  g_autoptr (ComptoirProduct) got = NULL;
  g_autoptr (ComptoirProduct) again = NULL;
  gboolean quick = TRUE;
  guint notified = 0;

  g_assert_false (comptoir_product_get_quick (p));
  g_signal_connect (p, "notify::quick", G_CALLBACK (count_notify), &notified);
  comptoir_product_set_quick (p, TRUE);
  comptoir_product_set_quick (p, 2);  /* still true: no second notification */
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (p, "quick", &quick, NULL);
  g_assert_true (quick);
  g_assert_cmpint (comptoir_product_get_quick (p), ==, TRUE);

  copy = comptoir_product_copy (p);
  g_assert_true (comptoir_product_get_quick (copy));

  comptoir_product_set_unit (p, COMPTOIR_UNIT_KG);
  save_ok (f->catalog, p);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT quick FROM product WHERE code = 'FL-0001'"), ==, 1);

  got = comptoir_catalog_get_by_id (f->catalog, comptoir_product_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_product_get_quick (got));
  /* The columns after it are still read from the right place. */
  g_assert_true (comptoir_product_get_active (got));
  g_assert_false (comptoir_product_get_organic (got));
  g_assert_cmpuint (g_strv_length ((GStrv) comptoir_product_get_barcodes (got)), ==, 0);

  g_object_set (got, "quick", FALSE, NULL);
  save_ok (f->catalog, got);
  again = comptoir_catalog_lookup (f->catalog, "FL-0001", &error);
  g_assert_no_error (error);
  g_assert_false (comptoir_product_get_quick (again));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT quick FROM product WHERE code = 'FL-0001'"), ==, 0);
}

/* The flag replicates like any other field: in the payload of a new
 * product, and alone in the entry of an edit that only changes it. */
static void
test_quick_change_log (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (ComptoirProduct) p = fixture_product ("VR-0001", "Lentilles vertes vrac", 459, 550, NULL);
  gint64 log_before;

  save_ok (f->catalog, p);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT json_extract (payload, '$.quick') FROM change_log "
                                             "WHERE tbl = 'product' ORDER BY seq DESC LIMIT 1"), ==, 0);

  log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");
  comptoir_product_set_quick (p, TRUE);
  save_ok (f->catalog, p);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT json_extract (payload, '$.quick') FROM change_log "
                                             "ORDER BY seq DESC LIMIT 1"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log, json_each (payload) "
                                             "WHERE seq = (SELECT max (seq) FROM change_log)"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT tbl = 'product' AND acked = 0 FROM change_log "
                                             "ORDER BY seq DESC LIMIT 1"), ==, 1);

  /* Saving it unchanged logs nothing. */
  save_ok (f->catalog, p);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 1);
}

static ComptoirProduct *
add_product (Fixture    *f,
             const char *code,
             const char *name,
             const char *category_id,
             gboolean    quick,
             gboolean    active)
{
  ComptoirProduct *p = fixture_product (code, name, 350, 550, NULL);

  comptoir_product_set_category (p, category_id, NULL);
  comptoir_product_set_quick (p, quick);
  comptoir_product_set_active (p, active);
  save_ok (f->catalog, p);
  return p;
}

static char *
product_names (GPtrArray *products)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < products->len; i++)
    {
      ComptoirProduct *p = g_ptr_array_index (products, i);

      g_assert_true (COMPTOIR_IS_PRODUCT (p));
      g_assert_true (comptoir_product_get_quick (p));
      g_assert_true (comptoir_product_get_active (p));
      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", comptoir_product_get_name (p));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
category_names (GPtrArray *categories)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < categories->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "|" : "",
                            ((ComptoirCategory *) g_ptr_array_index (categories, i))->name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GPtrArray *
list_quick (Fixture    *f,
            const char *category_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *products = comptoir_catalog_list_quick (f->catalog, category_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (products);
  return products;
}

static GPtrArray *
list_quick_categories (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *categories = comptoir_catalog_list_quick_categories (f->catalog, &error);

  g_assert_no_error (error);
  g_assert_nonnull (categories);
  return categories;
}

static void
test_quick_lists (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fruits = comptoir_catalog_ensure_category (f->catalog, "Fruits et légumes", 550, &error);
  g_autofree char *vrac = comptoir_catalog_ensure_category (f->catalog, "Vrac", 550, &error);
  g_autofree char *epices = comptoir_catalog_ensure_category (f->catalog, "Épices", 550, &error);
  g_autofree char *cave = comptoir_catalog_ensure_category (f->catalog, "Cave", 2000, &error);
  g_autofree char *boulangerie = comptoir_catalog_ensure_category (f->catalog, "Boulangerie", 1000, &error);
  g_autoptr (ComptoirProduct) pommes = add_product (f, "FL-1", "Pommes Gala au kilo", fruits, TRUE, TRUE);
  g_autoptr (ComptoirProduct) epinards = add_product (f, "FL-2", "Épinards au kilo", fruits, TRUE, TRUE);
  g_autoptr (ComptoirProduct) bananes = add_product (f, "FL-3", "Bananes au kilo", fruits, TRUE, TRUE);
  g_autoptr (ComptoirProduct) poires = add_product (f, "FL-4", "Poires au kilo", fruits, FALSE, TRUE);
  g_autoptr (ComptoirProduct) abricots = add_product (f, "FL-5", "Abricots au kilo", fruits, TRUE, FALSE);
  g_autoptr (ComptoirProduct) lentilles = add_product (f, "VR-1", "Lentilles vrac", vrac, TRUE, TRUE);
  g_autoptr (ComptoirProduct) cumin = add_product (f, "EC-1", "Cumin vrac", epices, TRUE, TRUE);
  g_autoptr (ComptoirProduct) vin = add_product (f, "CV-1", "Vin rouge vrac", cave, TRUE, FALSE);
  g_autoptr (ComptoirProduct) oeufs = add_product (f, "XX-1", "Œufs à la pièce", NULL, TRUE, TRUE);
  g_autoptr (ComptoirProduct) pain = add_product (f, "BO-1", "Pain de campagne", boulangerie, FALSE, TRUE);
  g_autoptr (GPtrArray) in_fruits = NULL;
  g_autoptr (GPtrArray) in_cave = NULL;
  g_autoptr (GPtrArray) in_bakery = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) categories_after = NULL;
  g_autofree char *fruit_names = NULL;
  g_autofree char *all_names = NULL;
  g_autofree char *names_after = NULL;
  g_autofree char *category_list = NULL;
  g_autofree char *category_list_after = NULL;
  ComptoirProduct *first;
  gpointer watched;

  g_assert_no_error (error);

  /* One category, by name with accents folded ("Épinards" with the E),
   * without what is not on the grid nor what is withdrawn. */
  in_fruits = list_quick (f, fruits);
  fruit_names = product_names (in_fruits);
  g_assert_cmpstr (fruit_names, ==, "Bananes au kilo|Épinards au kilo|Pommes Gala au kilo");
  first = g_ptr_array_index (in_fruits, 0);
  g_assert_cmpstr (comptoir_product_get_id (first), ==, comptoir_product_get_id (bananes));
  g_assert_cmpstr (comptoir_product_get_category_name (first), ==, "Fruits et légumes");
  g_assert_cmpint (comptoir_product_get_price_cents (first), ==, 350);

  /* Only withdrawn ones, or none at all: an empty grid, not an error. */
  in_cave = list_quick (f, cave);
  g_assert_cmpuint (in_cave->len, ==, 0);
  in_bakery = list_quick (f, boulangerie);
  g_assert_cmpuint (in_bakery->len, ==, 0);

  /* Every category, and products without one. */
  all = list_quick (f, NULL);
  all_names = product_names (all);
  g_assert_cmpstr (all_names, ==,
                   "Bananes au kilo|Cumin vrac|Épinards au kilo|Lentilles vrac|Œufs à la pièce|Pommes Gala au kilo");

  categories = list_quick_categories (f);
  category_list = category_names (categories);
  g_assert_cmpstr (category_list, ==, "Épices|Fruits et légumes|Vrac");
  g_assert_cmpstr (((ComptoirCategory *) g_ptr_array_index (categories, 2))->id, ==, vrac);
  g_assert_cmpint (((ComptoirCategory *) g_ptr_array_index (categories, 2))->default_vat_bp, ==, 550);

  /* The arrays own their products: freeing one finalizes them. */
  watched = g_ptr_array_index (in_fruits, 0);
  g_object_add_weak_pointer (watched, &watched);
  g_clear_pointer (&in_fruits, g_ptr_array_unref);
  g_assert_null (watched);

  /* Withdrawing the only quick product of a category takes the
   * category off the grid; putting one on the grid brings it back. */
  comptoir_product_set_active (lentilles, FALSE);
  save_ok (f->catalog, lentilles);
  comptoir_product_set_quick (pain, TRUE);
  save_ok (f->catalog, pain);
  comptoir_product_set_quick (pommes, FALSE);
  save_ok (f->catalog, pommes);

  after = list_quick (f, NULL);
  names_after = product_names (after);
  g_assert_cmpstr (names_after, ==, "Bananes au kilo|Cumin vrac|Épinards au kilo|Œufs à la pièce|Pain de campagne");
  categories_after = list_quick_categories (f);
  category_list_after = category_names (categories_after);
  g_assert_cmpstr (category_list_after, ==, "Boulangerie|Épices|Fruits et légumes");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/catalog/create-and-get", test_create_and_get);
  ADD ("/comptoir/core/catalog/validation", test_validation);
  ADD ("/comptoir/core/catalog/code-from-barcode", test_code_from_barcode);
  ADD ("/comptoir/core/catalog/edit-barcodes-and-deactivate", test_edit_barcodes_and_deactivate);
  ADD ("/comptoir/core/catalog/search", test_search);
  ADD ("/comptoir/core/catalog/search-async", test_search_async);
  ADD ("/comptoir/core/catalog/order-matches-sql", test_order_matches_sql);
  ADD ("/comptoir/core/catalog/order-follows-changes", test_order_follows_changes);
  ADD ("/comptoir/core/catalog/quick-round-trip", test_quick_round_trip);
  ADD ("/comptoir/core/catalog/quick-change-log", test_quick_change_log);
  ADD ("/comptoir/core/catalog/quick-lists", test_quick_lists);
  return g_test_run ();
}
