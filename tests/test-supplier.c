/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-fixture.h"

#define EAN_MUESLI "3760012345014"
#define EAN_JUS    "3760012345021"
#define EAN_CASE   "3760012345038"

static void
test_weekdays (void)
{
  static const struct { const char *text; ComptoirWeekdays days; } good[] = {
    { "lundi, jeudi", COMPTOIR_WEEKDAY_BIT (1) | COMPTOIR_WEEKDAY_BIT (4) },
    { "mon,thu", COMPTOIR_WEEKDAY_BIT (1) | COMPTOIR_WEEKDAY_BIT (4) },
    { "1,4", COMPTOIR_WEEKDAY_BIT (1) | COMPTOIR_WEEKDAY_BIT (4) },
    { "Lundi et Jeudi", COMPTOIR_WEEKDAY_BIT (1) | COMPTOIR_WEEKDAY_BIT (4) },
    { "Mardi;VENDREDI", COMPTOIR_WEEKDAY_BIT (2) | COMPTOIR_WEEKDAY_BIT (5) },
    { "Sunday", COMPTOIR_WEEKDAY_BIT (7) },
    { "sam. dim.", COMPTOIR_WEEKDAY_BIT (6) | COMPTOIR_WEEKDAY_BIT (7) },
    { "", 0 },
    { "  ", 0 },
  };
  static const char *bad[] = { "funday", "8", "lun-ven", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      ComptoirWeekdays days = 0xffff;

      g_assert_true (comptoir_weekdays_parse (good[i].text, &days, &error));
      g_assert_no_error (error);
      g_assert_cmphex (days, ==, good[i].days);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      ComptoirWeekdays days;

      g_assert_false (comptoir_weekdays_parse (bad[i], &days, &error));
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "mon,thu"));
    }

  {
    g_autofree char *stored = comptoir_weekdays_to_string (COMPTOIR_WEEKDAY_BIT (4) | COMPTOIR_WEEKDAY_BIT (1));
    g_autofree char *shown = comptoir_weekdays_format (COMPTOIR_WEEKDAY_BIT (4) | COMPTOIR_WEEKDAY_BIT (1));
    g_autofree char *none = comptoir_weekdays_format (0);

    g_assert_cmpstr (stored, ==, "1,4");
    g_assert_cmpstr (shown, ==, "Monday, Thursday");
    g_assert_cmpstr (none, ==, "any day");
  }
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

static void
test_supplier_save (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_auto (ComptoirSupplier) loaded = { 0 };
  g_auto (ComptoirSupplier) found = { 0 };
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *other = NULL;
  gint64 log_before;

  comptoir_supplier_init (&supplier);
  g_assert_cmpint (supplier.lead_days, ==, 2);
  g_assert_true (supplier.active);

  /* A name is needed, said so. */
  supplier.name = g_strdup ("   ");
  g_assert_false (comptoir_supplier_save (f->db, &supplier, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Give the supplier a name"));
  g_clear_error (&error);
  g_assert_null (supplier.id);

  g_free (supplier.name);
  supplier.name = g_strdup ("  Relais Vert  ");
  supplier.email = g_strdup ("commandes at relais-vert");
  g_assert_false (comptoir_supplier_save (f->db, &supplier, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not an e-mail address"));
  g_clear_error (&error);

  supplier.lead_days = 91;
  g_free (supplier.email);
  supplier.email = g_strdup ("commandes@relais-vert.example");
  g_assert_false (comptoir_supplier_save (f->db, &supplier, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM supplier"), ==, 0);

  supplier.lead_days = 3;
  g_assert_true (comptoir_weekdays_parse ("lundi, jeudi", &supplier.order_days, &error));
  supplier.min_order_cents = 15000;
  supplier.franco_cents = 30000;
  supplier.phone = g_strdup ("04 00 00 00 00");
  log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");
  g_assert_true (comptoir_supplier_save (f->db, &supplier, &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_uuid7_is_valid (supplier.id));
  g_assert_cmpstr (supplier.name, ==, "Relais Vert");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log WHERE tbl = 'supplier' "
                                             "AND json_extract (payload, '$.order_days') = '1,4'"), ==, 1);

  g_assert_true (comptoir_supplier_load (f->db, supplier.id, &loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (loaded.name, ==, "Relais Vert");
  g_assert_cmpstr (loaded.email, ==, "commandes@relais-vert.example");
  g_assert_cmphex (loaded.order_days, ==, COMPTOIR_WEEKDAY_BIT (1) | COMPTOIR_WEEKDAY_BIT (4));
  g_assert_cmpint (loaded.lead_days, ==, 3);
  g_assert_cmpint (loaded.min_order_cents, ==, 15000);
  g_assert_cmpint (loaded.franco_cents, ==, 30000);
  g_assert_null (loaded.contact);

  /* An edit logs what changed, alone. */
  log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");
  loaded.lead_days = 4;
  g_assert_true (comptoir_supplier_save (f->db, &loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log, json_each (payload) "
                                             "WHERE seq = (SELECT max (seq) FROM change_log)"), ==, 1);

  /* Found by name whatever the case and accents, and by id. */
  g_assert_true (comptoir_supplier_find (f->db, "relais VERT", &found, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (found.id, ==, supplier.id);
  comptoir_supplier_clear (&found);
  g_assert_true (comptoir_supplier_find (f->db, supplier.id, &found, &error));
  g_assert_cmpint (found.lead_days, ==, 4);
  comptoir_supplier_clear (&found);
  g_assert_false (comptoir_supplier_find (f->db, "Nobody", &found, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Two suppliers with one name could not be told apart. */
  {
    g_auto (ComptoirSupplier) twin = { 0 };

    comptoir_supplier_init (&twin);
    twin.name = g_strdup ("RELAIS vért");
    g_assert_false (comptoir_supplier_save (f->db, &twin, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "already called"));
    g_clear_error (&error);
  }

  other = add_supplier (f, "Ferme des Quatre Vents");
  list = comptoir_supplier_list (f->db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((ComptoirSupplier *) g_ptr_array_index (list, 0))->name, ==, "Ferme des Quatre Vents");
  g_assert_cmpstr (((ComptoirSupplier *) g_ptr_array_index (list, 1))->name, ==, "Relais Vert");

  /* Only through the write API. */
  g_assert_false (comptoir_db_exec (f->db, "UPDATE supplier SET lead_days = 1", &error));
  g_assert_nonnull (error);
}

static char *
save_product (Fixture    *f,
              const char *code,
              const char *name,
              const char *barcode)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = fixture_product (code, name, 250, 550, barcode);

  g_assert_true (comptoir_catalog_save_product (f->catalog, product, &error));
  g_assert_no_error (error);
  return g_strdup (comptoir_product_get_id (product));
}

static char *
save_line (Fixture    *f,
           const char *supplier_id,
           const char *ref,
           const char *name,
           const char *barcode,
           gint64      pack_milli,
           gint64      price_cents)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplierProduct) line = { 0 };

  comptoir_supplier_product_init (&line);
  line.supplier_id = g_strdup (supplier_id);
  line.supplier_ref = g_strdup (ref);
  line.name = g_strdup (name);
  line.barcode = g_strdup (barcode);
  line.pack_milli = pack_milli;
  line.price_cents = price_cents;
  g_assert_true (comptoir_supplier_product_save (f->db, &line, &error));
  g_assert_no_error (error);
  return g_strdup (line.id);
}

static void
test_supplier_products (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *relais = add_supplier (f, "Relais Vert");
  g_autofree char *ferme = add_supplier (f, "Ferme des Quatre Vents");
  g_autofree char *muesli = save_product (f, "MUE-1", "Muesli croustillant", EAN_MUESLI);
  g_autofree char *jus = save_product (f, "JUS-1", "Jus de pomme", EAN_JUS);
  g_autofree char *line_muesli = save_line (f, relais, "RV-100", "MUESLI CROUST 500G", EAN_CASE, 6000, 245);
  g_autofree char *line_jus = save_line (f, relais, "RV-200", "JUS POMME 1L", NULL, 6000, 180);
  g_autofree char *line_ferme = save_line (f, ferme, "F-1", "Jus de pomme fermier", EAN_JUS, 12000, 150);
  g_auto (ComptoirSupplierProduct) found = { 0 };
  g_autoptr (GPtrArray) lines = NULL;

  /* A reference is unique within a supplier's catalogue only. */
  {
    g_auto (ComptoirSupplierProduct) line = { 0 };

    comptoir_supplier_product_init (&line);
    line.supplier_id = g_strdup (relais);
    line.supplier_ref = g_strdup (" RV-100 ");
    line.name = g_strdup ("Doublon");
    g_assert_false (comptoir_supplier_product_save (f->db, &line, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
    g_free (line.supplier_id);
    line.supplier_id = g_strdup (ferme);
    line.barcode = g_strdup ("3760012345015");
    g_assert_false (comptoir_supplier_product_save (f->db, &line, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_pointer (&line.barcode, g_free);
    line.pack_milli = 0;
    g_assert_false (comptoir_supplier_product_save (f->db, &line, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (comptoir_supplier_product_find_ref (f->db, relais, "RV-200", &found, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (found.id, ==, line_jus);
  g_assert_cmpint (found.pack_milli, ==, 6000);
  g_assert_cmpint (found.price_cents, ==, 180);
  g_assert_null (found.product_id);
  comptoir_supplier_product_clear (&found);
  g_assert_false (comptoir_supplier_product_find_ref (f->db, ferme, "RV-200", &found, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Linking, then unlinking. */
  g_assert_true (comptoir_supplier_product_link (f->db, line_muesli, muesli, &error));
  g_assert_true (comptoir_supplier_product_link (f->db, line_jus, jus, &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_supplier_product_link (f->db, line_jus, "0190b7a0-0000-7000-8000-000000000000", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* By the supplier's barcode on the case. */
  g_assert_true (comptoir_supplier_product_find_barcode (f->db, relais, EAN_CASE, &found, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (found.id, ==, line_muesli);
  g_assert_cmpstr (found.product_id, ==, muesli);
  comptoir_supplier_product_clear (&found);
  /* By our product's barcode, for the supplier asked about. */
  g_assert_true (comptoir_supplier_product_find_barcode (f->db, relais, EAN_MUESLI, &found, &error));
  g_assert_cmpstr (found.id, ==, line_muesli);
  comptoir_supplier_product_clear (&found);
  g_assert_true (comptoir_supplier_product_find_barcode (f->db, relais, EAN_JUS, &found, &error));
  g_assert_cmpstr (found.id, ==, line_jus);
  comptoir_supplier_product_clear (&found);
  /* The farm's own barcode is ours too: its line first for any supplier. */
  g_assert_true (comptoir_supplier_product_find_barcode (f->db, NULL, EAN_JUS, &found, &error));
  g_assert_cmpstr (found.id, ==, line_ferme);
  comptoir_supplier_product_clear (&found);
  g_assert_false (comptoir_supplier_product_find_barcode (f->db, ferme, EAN_MUESLI, &found, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (comptoir_supplier_product_find_barcode (f->db, NULL, "12345", &found, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* What a receiver types: a barcode or a reference. */
  g_assert_true (comptoir_supplier_product_lookup (f->db, relais, EAN_MUESLI, &found, &error));
  g_assert_cmpstr (found.id, ==, line_muesli);
  comptoir_supplier_product_clear (&found);
  g_assert_true (comptoir_supplier_product_lookup (f->db, relais, "RV-200", &found, &error));
  g_assert_cmpstr (found.id, ==, line_jus);
  comptoir_supplier_product_clear (&found);

  g_assert_true (comptoir_supplier_product_link (f->db, line_jus, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_supplier_product_find_barcode (f->db, relais, EAN_JUS, &found, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  lines = comptoir_supplier_product_list (f->db, relais, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (((ComptoirSupplierProduct *) g_ptr_array_index (lines, 0))->supplier_ref, ==, "RV-100");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log WHERE tbl = 'supplier_product'"),
                   ==, 3 + 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comptoir/core/supplier/weekdays", test_weekdays);
  g_test_add ("/comptoir/core/supplier/save", Fixture, NULL, fixture_set_up, test_supplier_save, fixture_tear_down);
  g_test_add ("/comptoir/core/supplier/products", Fixture, NULL, fixture_set_up, test_supplier_products,
              fixture_tear_down);

  return g_test_run ();
}
