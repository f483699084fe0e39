/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

#define N_PRODUCTS 3000
#define N_MEMBERS  200
#define SEED       G_GUINT64_CONSTANT (20240611)

typedef struct {
  char       *dir;
  ComptoirDb *db;
  GArray     *progress;  /* guint done, one per call */
  guint       progress_total;
} DemoFixture;

static gboolean
count_status (const ComptoirMemberStatus *status,
              gpointer                    user_data)
{
  ((guint *) user_data)[status->kind]++;
  return TRUE;
}

static ComptoirDb *
open_db (DemoFixture    *fixture,
         const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  ComptoirDb *db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
record_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  DemoFixture *fixture = user_data;

  g_array_append_val (fixture->progress, done);
  fixture->progress_total = total;
}

static void
demo_set_up (DemoFixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("comptoir-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = open_db (fixture, "shop.db");
  fixture->progress = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
demo_tear_down (DemoFixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->progress, g_array_unref);
  fixture_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
generate (DemoFixture    *fixture,
          ComptoirDb *db,
          guint       n_products,
          guint       n_members,
          guint64     seed)
{
  g_autoptr (GError) error = NULL;
  ComptoirDemoOptions options = { n_products, n_members, seed };
  gboolean ok;

  ok = comptoir_demo_generate (db, &options, record_progress, fixture, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static gint64
query_int (ComptoirDb *db,
           const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Every row of a query, one line each, columns separated by tabs. */
static char *
query_text (ComptoirDb *db,
            const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, &error);
  GString *out = g_string_new (NULL);
  int rc;

  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%s%s", i > 0 ? "\t" : "", text != NULL ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);

  return g_string_free (out, FALSE);
}

/* What must not change from one run to the next: everything but the
 * time-based row ids. */
static char *
snapshot (ComptoirDb *db)
{
  g_autofree char *products =
    query_text (db,
                "SELECT p.code, p.name, p.price_cents, p.vat_bp, p.unit, c.name, p.supplier_ref, "
                "p.origin, p.organic, p.active, p.quick, "
                "(SELECT group_concat (barcode, ' ') FROM "
                " (SELECT barcode FROM product_barcode b WHERE b.product_id = p.id ORDER BY b.rowid)) "
                "FROM product p LEFT JOIN category c ON c.id = p.category_id ORDER BY p.code");
  g_autofree char *members =
    query_text (db,
                "SELECT number, first_name, last_name, email, phone, join_date "
                "FROM member ORDER BY number");

  return g_strconcat (products, "--\n", members, NULL);
}

static void
test_demo_generate (DemoFixture       *fixture,
                    gconstpointer  data)
{
  ComptoirDb *db = fixture->db;
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
  g_autoptr (GError) error = NULL;
  gint64 n_barcodes, n_categories, n_organic, n_inactive, n_quick, n_entries, n_records, n_checkins, n_supplier_rows;
  gint64 n_shift_rows;

  generate (fixture, db, N_PRODUCTS, N_MEMBERS, SEED);

  /* How many rows, and that each one went through the write API. */
  g_assert_cmpint (comptoir_catalog_count_products (catalog, &error), ==, N_PRODUCTS);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM member"), ==, N_MEMBERS);
  n_barcodes = query_int (db, "SELECT count(*) FROM product_barcode");
  n_categories = query_int (db, "SELECT count(*) FROM category");
  g_assert_cmpint (n_categories, ==, 14);
  g_assert_cmpint (n_barcodes, >, N_PRODUCTS / 2);
  /* The shop's name and address, and its three staff. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM setting"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM staff WHERE active"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM staff WHERE role = 'manager'"), ==, 1);
  /* Members 53, 106… missed three shifts, 29, 58… one. */
  n_entries = query_int (db, "SELECT count(*) FROM counter_entry WHERE kind <> 'shift_done'");
  g_assert_cmpint (n_entries, ==, 3 * (N_MEMBERS / 53) + (N_MEMBERS / 29 - N_MEMBERS / (29 * 53)));
  /* The week's shifts already over when the demo was made were worked:
   * each check-in is an attendance and a ledger entry, logged together. */
  n_checkins = query_int (db, "SELECT count(*) FROM shift_attendance WHERE outcome = 'present'");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM counter_entry WHERE kind = 'shift_done'"), ==, n_checkins);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shift_attendance"), ==, n_checkins);
  /* Every member subscribed 1 to 3 shares on joining and paid for
   * them, but a few who still owe one; some have a household. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM share_movement WHERE kind = 'subscribe'"), ==, N_MEMBERS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM share_movement s JOIN member m ON m.id = s.member_id "
                                  "WHERE s.on_day IS NOT m.join_date OR s.n_shares NOT BETWEEN 1 AND 3"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM share_movement s WHERE s.n_shares * s.unit_value > "
                                  "(SELECT coalesce (sum (amount), 0) FROM share_payment p "
                                  "WHERE p.member_id = s.member_id)"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM member_person"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM member WHERE birth_date IS NOT NULL"), >, N_MEMBERS / 3);
  n_records = query_int (db, "SELECT (SELECT count(*) FROM member_person) + (SELECT count(*) FROM share_movement) "
                             "+ (SELECT count(*) FROM share_payment)");
  /* The planning: templates, squads, trainings, slots, and one entry
   * per squad seat (a claim with its decision). */
  n_shift_rows = query_int (db, "SELECT (SELECT count(*) FROM shift_template) + (SELECT count(*) FROM shift_squad) "
                                "+ (SELECT count(*) FROM member_role) + (SELECT count(*) FROM shift_slot) "
                                "+ (SELECT count(*) FROM shift_claim)");
  /* Two suppliers, the wholesaler's catalogue, an order of eight lines,
   * sent (its row changed once more). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM supplier"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM supplier_product WHERE product_id IS NOT NULL"), ==, 40);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM supplier_product WHERE pack_milli = 6000 "
                                  "AND barcode LIKE '376999%'"), ==, 14);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM purchase_order WHERE status = 'sent'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM purchase_order_line WHERE packs > 0"), ==, 8);
  n_supplier_rows = query_int (db, "SELECT (SELECT count(*) FROM supplier) + (SELECT count(*) FROM supplier_product) "
                                   "+ (SELECT count(*) FROM purchase_order) "
                                   "+ (SELECT count(*) FROM purchase_order_line)");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log"), ==,
                   N_PRODUCTS + n_barcodes + n_categories + N_MEMBERS + n_entries + n_records + 2 + 3 + n_shift_rows
                   + n_checkins + n_supplier_rows + 1);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT row_id) FROM change_log"), ==,
                   N_PRODUCTS + n_barcodes + n_categories + N_MEMBERS + n_entries + n_records + 2 + 3 + n_shift_rows
                   + n_checkins + n_supplier_rows);
  /* Four weeks of sixty shifts, Monday to Saturday, from this week's
   * Monday; nine members in ten with a seat in one of them, the till's
   * seats for the trained only. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shift_template"), ==, 240);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shift_slot"), ==, 240);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT day) FROM shift_slot"), ==, 24);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shift_slot WHERE strftime ('%w', day) = '0'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shift_squad"), ==, N_MEMBERS - N_MEMBERS / 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shift_claim WHERE kind = 'squad'"), ==,
                   N_MEMBERS - N_MEMBERS / 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shift_slot s WHERE (SELECT count(*) FROM shift_claim c "
                                  "WHERE c.slot_id = s.id) > s.capacity"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shift_claim c JOIN shift_slot s ON s.id = c.slot_id "
                                  "WHERE s.required_role = 'cashier' AND NOT EXISTS (SELECT 1 FROM member_role r "
                                  "WHERE r.member_id = c.member_id AND r.role = 'cashier')"), ==, 0);
  /* Every member has a card, and a few may not shop. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT card_barcode) FROM member"), ==, N_MEMBERS);
  {
    guint counts[COMPTOIR_MEMBER_UNSUBSCRIBED + 1] = { 0 };

    g_assert_true (comptoir_member_status_compute_all (db, comptoir_day_today (), count_status, counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts[COMPTOIR_MEMBER_SUSPENDED], ==, N_MEMBERS / 53);
    g_assert_cmpuint (counts[COMPTOIR_MEMBER_ALERT], ==, N_MEMBERS / 29);
    g_assert_cmpuint (counts[COMPTOIR_MEMBER_UP_TO_DATE], ==, N_MEMBERS - N_MEMBERS / 53 - N_MEMBERS / 29);
  }

  /* Progress after each batch of 2,000, up to the total. */
  g_assert_cmpuint (fixture->progress_total, ==, N_PRODUCTS + N_MEMBERS);
  g_assert_cmpuint (fixture->progress->len, ==, 3);
  g_assert_cmpuint (g_array_index (fixture->progress, guint, 0), ==, 2000);
  g_assert_cmpuint (g_array_index (fixture->progress, guint, 1), ==, N_PRODUCTS);
  g_assert_cmpuint (g_array_index (fixture->progress, guint, 2), ==, N_PRODUCTS + N_MEMBERS);

  /* Every barcode valid, French (300–379), and unique. */
  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT barcode FROM product_barcode", &error);
    g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    guint n_ean8 = 0;

    g_assert_no_error (error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *barcode = (const char *) sqlite3_column_text (stmt, 0);
        ComptoirBarcodeKind kind = comptoir_barcode_classify (barcode);
        guint prefix = (barcode[0] - '0') * 100 + (barcode[1] - '0') * 10 + (barcode[2] - '0');

        g_assert_cmpint (kind, !=, COMPTOIR_BARCODE_INVALID);
        g_assert_true (kind == COMPTOIR_BARCODE_EAN13 || kind == COMPTOIR_BARCODE_EAN8);
        g_assert_cmpuint (prefix, >=, 300);
        g_assert_cmpuint (prefix, <=, 379);
        g_assert_true (g_hash_table_add (seen, g_strdup (barcode)));
        if (kind == COMPTOIR_BARCODE_EAN8)
          n_ean8++;
      }
    g_assert_cmpuint (n_ean8, >, 0);
  }
  /* About 5 % have a second barcode. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT product_id FROM product_barcode "
                                  "GROUP BY product_id HAVING count(*) = 2)"), >, N_PRODUCTS / 100);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT product_id FROM product_barcode "
                                  "GROUP BY product_id HAVING count(*) > 2)"), ==, 0);

  /* Weighed goods: kg or litre, an internal code, no barcode; packaged
   * goods: by the piece, with one. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product WHERE unit = 'kg'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product WHERE unit = 'litre'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p WHERE unit IN ('kg', 'litre') "
                                  "AND EXISTS (SELECT 1 FROM product_barcode b WHERE b.product_id = p.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p WHERE unit = 'piece' "
                                  "AND NOT EXISTS (SELECT 1 FROM product_barcode b WHERE b.product_id = p.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE c.name = 'Vrac' AND p.unit = 'piece'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product WHERE unit IN ('kg', 'litre') "
                                  "AND code NOT GLOB '[A-Z][A-Z]-[0-9][0-9][0-9][0-9]'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product WHERE unit = 'piece' "
                                  "AND code NOT GLOB '[A-Z][A-Z]-[0-9][0-9][0-9][0-9][0-9][0-9]'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE c.name = 'Fruits et légumes' AND p.unit = 'kg' "
                                  "AND (p.price_cents < 150 OR p.price_cents > 990 OR p.name NOT LIKE '% au kilo')"), ==, 0);

  /* VAT: the four French rates, each where it belongs. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT vat_bp) FROM product"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE c.name = 'Cave'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE c.name = 'Cave' AND p.vat_bp <> 2000"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE c.name = 'Presse' AND p.vat_bp <> 210"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE p.vat_bp = 210 AND c.name <> 'Presse'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE p.vat_bp = 1000 AND c.name <> 'Boulangerie'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE c.name IN ('Fruits et légumes', 'Frais', 'Fromagerie', 'Surgelés') "
                                  "AND p.vat_bp <> 550"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE c.name = 'Entretien' AND p.vat_bp <> 2000"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT default_vat FROM category WHERE name = 'Cave'"), ==, 2000);
  g_assert_cmpint (query_int (db, "SELECT default_vat FROM category WHERE name = 'Presse'"), ==, 210);
  g_assert_cmpint (query_int (db, "SELECT default_vat FROM category WHERE name = 'Épicerie'"), ==, 550);

  /* Names: short enough for a receipt, "bio" exactly when organic,
   * hardly ever a twin. */
  g_assert_cmpint (query_int (db, "SELECT max(length(name)) FROM product"), <=, 120);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product "
                                  "WHERE organic <> (' ' || name || ' ' LIKE '% bio %')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT name) FROM product"), ==, N_PRODUCTS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product WHERE name LIKE '%(variante %'"), <, N_PRODUCTS / 100);
  n_organic = query_int (db, "SELECT count(*) FROM product WHERE organic");
  g_assert_cmpint (n_organic, >, N_PRODUCTS * 20 / 100);
  g_assert_cmpint (n_organic, <, N_PRODUCTS * 40 / 100);
  n_inactive = query_int (db, "SELECT count(*) FROM product WHERE NOT active");
  g_assert_cmpint (n_inactive, >, 0);
  g_assert_cmpint (n_inactive, <, N_PRODUCTS * 3 / 100);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product WHERE price_cents <= 0 OR price_cents > 9999999"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product WHERE supplier_ref NOT GLOB 'SUP-[0-9][0-9][0-9][0-9][0-9]'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id "
                                  "WHERE c.name = 'Fruits et légumes' AND p.origin IS NULL"), ==, 0);

  /* The till's grid of quick buttons: 8 to 15 in each category of goods
   * sold without a barcode, each of a different kind, all on sale. */
  n_quick = query_int (db, "SELECT count(*) FROM product WHERE quick");
  g_assert_cmpint (n_quick, >=, 3 * 8);
  g_assert_cmpint (n_quick, <=, 3 * 15);
  g_assert_cmpint (query_int (db, "SELECT min (n) FROM (SELECT count(*) AS n FROM product p "
                                  "JOIN category c ON c.id = p.category_id WHERE p.quick GROUP BY c.name)"), >=, 8);
  g_assert_cmpint (query_int (db, "SELECT max (n) FROM (SELECT count(*) AS n FROM product p "
                                  "JOIN category c ON c.id = p.category_id WHERE p.quick GROUP BY c.name)"), <=, 15);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product p WHERE quick AND (NOT active OR unit = 'piece' "
                                  "OR EXISTS (SELECT 1 FROM product_barcode b WHERE b.product_id = p.id))"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT substr (name, 1, instr (name || ' ', ' '))) "
                                  "FROM product WHERE quick"), >, n_quick * 3 / 4);
  {
    g_autoptr (GPtrArray) quick = comptoir_catalog_list_quick (catalog, NULL, &error);
    g_autoptr (GPtrArray) categories = comptoir_catalog_list_quick_categories (catalog, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (quick->len, ==, n_quick);
    g_assert_cmpuint (categories->len, ==, 3);
    g_assert_cmpstr (((ComptoirCategory *) g_ptr_array_index (categories, 0))->name, ==, "Fromagerie");
    g_assert_cmpstr (((ComptoirCategory *) g_ptr_array_index (categories, 1))->name, ==, "Fruits et légumes");
    g_assert_cmpstr (((ComptoirCategory *) g_ptr_array_index (categories, 2))->name, ==, "Vrac");
  }

  /* Members: numbered 1..n, unique ASCII addresses, mobile numbers, and
   * joined over the five years before the demo's fixed "today". */
  g_assert_cmpint (query_int (db, "SELECT min(number) FROM member"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT max(number) FROM member"), ==, N_MEMBERS);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT email) FROM member"), ==, N_MEMBERS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM member WHERE email NOT LIKE '%_._%@example.org'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM member "
                                  "WHERE phone NOT GLOB '06 [0-9][0-9] [0-9][0-9] [0-9][0-9] [0-9][0-9]'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM member WHERE date (join_date) IS NOT join_date "
                                  "OR join_date < '2020-06-30' OR join_date > '2025-06-30'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM member a JOIN member b ON b.number = a.number + 1 "
                                  "WHERE b.join_date < a.join_date"), ==, 0);
  {
    g_autofree char *emails = query_text (db, "SELECT email FROM member");
    g_assert_true (g_str_is_ascii (emails));
  }
}

static void
test_demo_deterministic (DemoFixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (ComptoirDb) first = open_db (fixture, "first.db");
  g_autoptr (ComptoirDb) second = open_db (fixture, "second.db");
  g_autoptr (ComptoirDb) other = open_db (fixture, "other.db");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *other_text = NULL;

  /* More than one batch, so that the batches do not change the data. */
  generate (fixture, first, 2500, 150, SEED);
  generate (fixture, second, 2500, 150, SEED);
  generate (fixture, other, 2500, 150, SEED + 1);

  first_text = snapshot (first);
  second_text = snapshot (second);
  other_text = snapshot (other);

  g_assert_cmpuint (strlen (first_text), >, 2500 * 40);
  g_assert_true (g_str_equal (first_text, second_text));
  g_assert_false (g_str_equal (first_text, other_text));

  /* Different row ids all the same: they are made from the clock. */
  g_assert_cmpint (query_int (first, "SELECT count(*) FROM product"), ==, 2500);
  {
    g_autofree char *first_ids = query_text (first, "SELECT id FROM product ORDER BY code LIMIT 10");
    g_autofree char *second_ids = query_text (second, "SELECT id FROM product ORDER BY code LIMIT 10");
    g_assert_false (g_str_equal (first_ids, second_ids));
  }
}

static void
test_demo_members_independent_of_products (DemoFixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr (ComptoirDb) small = open_db (fixture, "small.db");
  g_autofree char *members = NULL;
  g_autofree char *small_members = NULL;
  const char *sql = "SELECT number, first_name, last_name, email, phone, join_date FROM member ORDER BY number";

  generate (fixture, fixture->db, 50, 100, SEED);
  generate (fixture, small, 0, 100, SEED);

  members = query_text (fixture->db, sql);
  small_members = query_text (small, sql);
  g_assert_true (g_str_equal (members, small_members));
  g_assert_cmpint (query_int (small, "SELECT count(*) FROM product"), ==, 0);
  g_assert_cmpint (query_int (small, "SELECT count(*) FROM category"), ==, 0);
}

static void
test_demo_search (DemoFixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (fixture->db);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rowids = NULL;
  guint n_pates = 0;

  generate (fixture, fixture->db, N_PRODUCTS, 0, SEED);

  rowids = comptoir_catalog_search (catalog, "pate", COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rowids);
  g_assert_cmpuint (rowids->len, >, 0);

  for (guint i = 0; i < rowids->len; i++)
    {
      g_autoptr (ComptoirProduct) product =
        comptoir_catalog_get_by_rowid (catalog, g_array_index (rowids, gint64, i), &error);
      g_autofree char *folded = NULL;

      g_assert_no_error (error);
      folded = comptoir_text_fold (comptoir_product_get_name (product));
      g_assert_nonnull (strstr (folded, "pate"));
      if (strstr (comptoir_product_get_name (product), "Pâtes") != NULL)
        n_pates++;
    }

  g_assert_cmpuint (n_pates, >, 0);
  g_assert_cmpint (n_pates, >=, query_int (fixture->db, "SELECT count(*) FROM product WHERE name LIKE 'Pâtes %'"));
}

static void
test_demo_refuses_non_empty (DemoFixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ComptoirDemoOptions options = { 100, 10, SEED };
  gint64 n_log;

  generate (fixture, fixture->db, 100, 10, SEED);
  n_log = query_int (fixture->db, "SELECT count(*) FROM change_log");

  g_assert_false (comptoir_demo_generate (fixture->db, &options, NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  options.n_products = 0;
  g_assert_false (comptoir_demo_generate (fixture->db, &options, NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);

  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM product"), ==, 100);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM member"), ==, 10);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM change_log"), ==, n_log);
}

/* A failure in the second batch takes back that batch only: the first
 * stays, whole, and the connection is usable afterwards. */
static void
test_demo_error_rolls_back_batch (DemoFixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ComptoirDemoOptions options = { N_PRODUCTS, N_MEMBERS, SEED };
  gint64 n_barcodes;

  comptoir_db_exec (fixture->db,
                    "CREATE TEMP TRIGGER demo_fail BEFORE INSERT ON main.product "
                    "WHEN (SELECT count(*) FROM main.product) >= 2500 "
                    "BEGIN SELECT RAISE (ABORT, 'disk full, say'); END",
                    &error);
  g_assert_no_error (error);

  g_assert_false (comptoir_demo_generate (fixture->db, &options, record_progress, fixture, &error));
  g_assert_nonnull (error);
  g_test_message ("Error: %s", error->message);
  g_clear_error (&error);

  g_assert_cmpuint (fixture->progress->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->progress, guint, 0), ==, 2000);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM product"), ==, 2000);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM member"), ==, 0);
  n_barcodes = query_int (fixture->db, "SELECT count(*) FROM product_barcode");
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM change_log"), ==, 2000 + n_barcodes + 14);

  /* No transaction left open. */
  g_assert_true (sqlite3_get_autocommit (comptoir_db_get_handle (fixture->db)));
  g_assert_true (comptoir_db_begin (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_db_commit (fixture->db, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/comptoir/core/demo/generate", DemoFixture, NULL,
              demo_set_up, test_demo_generate, demo_tear_down);
  g_test_add ("/comptoir/core/demo/deterministic", DemoFixture, NULL,
              demo_set_up, test_demo_deterministic, demo_tear_down);
  g_test_add ("/comptoir/core/demo/members-independent-of-products", DemoFixture, NULL,
              demo_set_up, test_demo_members_independent_of_products, demo_tear_down);
  g_test_add ("/comptoir/core/demo/search", DemoFixture, NULL,
              demo_set_up, test_demo_search, demo_tear_down);
  g_test_add ("/comptoir/core/demo/refuses-non-empty", DemoFixture, NULL,
              demo_set_up, test_demo_refuses_non_empty, demo_tear_down);
  g_test_add ("/comptoir/core/demo/error-rolls-back-batch", DemoFixture, NULL,
              demo_set_up, test_demo_error_rolls_back_batch, demo_tear_down);

  return g_test_run ();
}
