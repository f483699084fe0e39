/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-fixture.h"
#include "test-receipt-shop.h"

static void
assert_rows_fit (GPtrArray *rows,
                 guint      columns)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const ComptoirReceiptRow *row = g_ptr_array_index (rows, i);
      guint limit = row->style == COMPTOIR_RECEIPT_STYLE_TITLE ? columns / 2 : columns;

      g_assert_true (g_utf8_validate (row->text, -1, NULL));
      if (g_utf8_strlen (row->text, -1) > limit)
        g_error ("row %u is %ld characters wide, more than %u: “%s”", i,
                 g_utf8_strlen (row->text, -1), limit, row->text);
      for (const char *p = row->text; *p != '\0'; p++)
        g_assert_cmpint ((guchar) *p, >=, ' ');
    }
}

static void
assert_text_fits (const char *text,
                  guint       columns)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_utf8_strlen (lines[i], -1) > columns)
      g_error ("line %u is wider than %u columns: “%s”", i + 1, columns, lines[i]);
}

static void
test_golden_48 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  g_autofree char *text = comptoir_receipt_format_text (receipt, 48);
  g_autoptr (GPtrArray) rows = comptoir_receipt_layout (receipt, 48);

  assert_rows_fit (rows, 48);
  assert_text_fits (text, 48);
  receipt_shop_assert_golden ("receipt-48.txt", text, strlen (text));
  g_assert_null (strstr (text, "DUPLICATE"));
}

static void
test_golden_32_duplicate (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  g_autoptr (ComptoirReceipt) again = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (receipt->copy, ==, 1);
  g_assert_true (comptoir_receipt_record_print (receipt, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (receipt->copy, ==, 2);

  /* A reprint loaded afresh, as the till does, is the first duplicate. */
  again = comptoir_receipt_load (f->db, receipt->ticket_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->copy, ==, 2);
  receipt_shop_fix_date (again);

  rows = comptoir_receipt_layout (again, 32);
  assert_rows_fit (rows, 32);
  text = comptoir_receipt_rows_to_text (rows, 32);
  assert_text_fits (text, 32);
  receipt_shop_assert_golden ("receipt-32.txt", text, strlen (text));
  g_assert_nonnull (strstr (text, "DUPLICATE no. 1"));
}

static void
test_duplicate_counter (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);

  for (guint copy = 1; copy <= 3; copy++)
    {
      g_autoptr (ComptoirReceipt) loaded = comptoir_receipt_load (f->db, receipt->ticket_id, &error);
      g_autofree char *text = NULL;
      g_autofree char *expected = g_strdup_printf ("DUPLICATE no. %u", copy - 1);

      g_assert_no_error (error);
      g_assert_cmpuint (loaded->copy, ==, copy);
      text = comptoir_receipt_format_text (loaded, 48);
      g_assert_true ((strstr (text, expected) != NULL) == (copy > 1));
      g_assert_true (comptoir_receipt_record_print (loaded, f->db, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM receipt_print"), ==, 3);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT group_concat (copy) = '1,2,3' FROM "
                                             "(SELECT copy FROM receipt_print ORDER BY copy)"), ==, 1);
  /* Each print is in the change log, to replicate like any fact. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE tbl = 'receipt_print'"),
                   ==, 3);

  /* Facts are never changed, not even by SQL typed in a shell. */
  {
    sqlite3 *handle = comptoir_db_get_handle (f->db);
    g_assert_cmpint (sqlite3_exec (handle, "UPDATE receipt_print SET copy = 1", NULL, NULL, NULL), !=, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM receipt_print", NULL, NULL, NULL), !=, SQLITE_OK);
    g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM receipt_print"), ==, 3);
  }
}

static void
test_vat_adds_up (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  gint64 sum = 0;

  g_assert_cmpuint (receipt->vat.n_rates, ==, 2);
  g_assert_cmpint (receipt->vat.rates[0].rate_bp, ==, 2000);
  g_assert_cmpint (receipt->vat.rates[1].rate_bp, ==, 550);
  for (guint i = 0; i < receipt->vat.n_rates; i++)
    {
      g_assert_cmpint (receipt->vat.rates[i].base_cents + receipt->vat.rates[i].vat_cents,
                       ==, receipt->vat.rates[i].total_cents);
      sum += receipt->vat.rates[i].total_cents;
    }
  g_assert_cmpint (sum, ==, receipt->total_cents);
  g_assert_cmpint (receipt->vat.total_cents, ==, receipt->total_cents);
  g_assert_cmpint (receipt->change_cents, ==, 5000 - receipt->total_cents);
}

static void
test_lookup_barcode (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  g_autoptr (ComptoirReceipt) by_number = NULL;
  g_autofree char *id = NULL;
  g_autofree char *none = NULL;

  g_assert_cmpstr (receipt->barcode, ==, "T-1-1");
  id = comptoir_receipt_lookup_barcode (f->db, receipt->barcode, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, receipt->ticket_id);

  none = comptoir_receipt_lookup_barcode (f->db, "T-1-2", &error);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);
  g_assert_null (comptoir_receipt_lookup_barcode (f->db, "3017620422003", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  by_number = comptoir_receipt_load_by_number (f->db, "T-1", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_number->ticket_id, ==, receipt->ticket_id);
  g_assert_null (comptoir_receipt_load_by_number (f->db, "T-1", 7, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
}

static void
test_training_and_refund (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) original = receipt_shop_sell (f);
  g_autoptr (ComptoirSale) refund = comptoir_sale_new ();
  g_autoptr (ComptoirSale) training = comptoir_sale_new ();
  g_auto (ComptoirCommittedTicket) refunded = { 0 };
  g_auto (ComptoirCommittedTicket) trained = { 0 };
  g_autofree char *till = comptoir_till_ensure (f->db, "T-1", &error);
  g_autoptr (ComptoirReceipt) refund_receipt = NULL;
  g_autoptr (ComptoirReceipt) training_receipt = NULL;
  g_autofree char *refund_text = NULL;
  g_autofree char *training_text = NULL;
  g_auto (GStrv) training_lines = NULL;

  comptoir_sale_set_refund_of (refund, original->ticket_id);
  comptoir_sale_add_line (refund, NULL, "Savon de Marseille", -1000, 450, 2000);
  comptoir_sale_add_payment (refund, "cash", -450);
  g_assert_true (comptoir_sale_commit (refund, f->db, till, &refunded, &error));
  g_assert_no_error (error);
  refund_receipt = comptoir_receipt_load (f->db, refunded.id, &error);
  g_assert_no_error (error);
  refund_text = comptoir_receipt_format_text (refund_receipt, 32);
  assert_text_fits (refund_text, 32);
  g_assert_nonnull (strstr (refund_text, "REFUND"));
  g_assert_nonnull (strstr (refund_text, "Refund of ticket 1, till T-1"));
  g_assert_nonnull (strstr (refund_text, "-4.50 €"));
  g_assert_nonnull (strstr (refund_text, "-1 × 4.50 €"));

  comptoir_sale_set_training (training, TRUE);
  comptoir_sale_add_line (training, NULL, "Café", 1000, 120, 550);
  comptoir_sale_add_payment (training, "card", 120);
  g_assert_true (comptoir_sale_commit (training, f->db, till, &trained, &error));
  training_receipt = comptoir_receipt_load (f->db, trained.id, &error);
  g_assert_no_error (error);
  training_text = comptoir_receipt_format_text (training_receipt, 48);
  training_lines = g_strsplit (training_text, "\n", -1);
  /* At the top, before the first separator, and at the very bottom,
   * where a torn-off end would be. */
  {
    guint i = 0;
    while (training_lines[i] != NULL && training_lines[i][0] != '-' &&
           strstr (training_lines[i], "Training — not a sale") == NULL)
      i++;
    g_assert_nonnull (training_lines[i]);
    g_assert_nonnull (strstr (training_lines[i], "Training — not a sale"));
  }
  g_assert_nonnull (strstr (training_lines[g_strv_length (training_lines) - 2], "Training — not a sale"));
  g_assert_null (strstr (training_text, "Change"));
}

/* Labels as a shop really types them, and worse: long words, accents,
 * tabs and escape characters, at every width a printer can have. */
static void
test_never_overflows (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
  g_auto (ComptoirCommittedTicket) ticket = { 0 };
  g_autofree char *till = comptoir_till_ensure (f->db, "CAISSE-PRINCIPAL", &error);
  g_autoptr (ComptoirReceipt) receipt = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  static const char *words[] = {
    "Œufs", "frais", "plein-air", "Crème", "fraîche", "épaisse", "d'Isigny", "AOP", "bio",
    "Pâtisserie\tmaison", "très", "longue-désignation-sans-aucune-espace-qui-déborde",
    "\x1b@", "«", "»", "€", "ÇÀÉÈÊËÎÏÔÙÛÜŸ", "—",
  };

  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_SHOP_NAME,
                                        "Épicerie coopérative et participative du quartier des Canaux", &error));
  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_RECEIPT_FOOTER,
                                        "Merci de votre visite ! Les bénévoles vous remercient chaleureusement.",
                                        &error));
  comptoir_sale_set_cashier (sale, "Marie-Françoise de La Tour d'Auvergne-Lauraguais");
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr (GString) label = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 12);

      for (guint k = 0; k < n; k++)
        {
          if (k > 0)
            g_string_append_c (label, ' ');
          g_string_append (label, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      comptoir_sale_add_line (sale, NULL, label->str, g_rand_int_range (rand, 1, 40) * 1000,
                              g_rand_int_range (rand, 1, 9999999), i % 2 ? 550 : 2000);
    }
  comptoir_sale_add_payment (sale, "cash", comptoir_sale_get_total (sale) + 12345);
  g_assert_true (comptoir_sale_commit (sale, f->db, till, &ticket, &error));
  g_assert_no_error (error);
  receipt = comptoir_receipt_load (f->db, ticket.id, &error);
  g_assert_no_error (error);

  for (guint columns = 24; columns <= 80; columns++)
    {
      g_autoptr (GPtrArray) rows = comptoir_receipt_layout (receipt, columns);
      g_autofree char *text = comptoir_receipt_rows_to_text (rows, columns);

      assert_rows_fit (rows, columns);
      assert_text_fits (text, columns);
      g_assert_null (strchr (text, '\x1b'));
      g_assert_null (strchr (text, '\t'));
    }
}

static void
test_document_layout (void)
{
  const char *report =
    "Daily closure (Z) — till T1\n"
    "By VAT rate (base, VAT, incl. VAT)\n"
    "  5.5 %          1234.56      67.90      1302.46 €\n"
    "  Perpetual total                     123456789.00 €\n"
    "\n"
    "Unbreakablewordthatislongerthanthirtytwocolumnsforsure\n";
  g_autoptr (GPtrArray) rows = comptoir_receipt_layout_document (report, 32);
  g_autofree char *text = comptoir_receipt_rows_to_text (rows, 32);

  assert_rows_fit (rows, 32);
  assert_text_fits (text, 32);
  g_assert_cmpstr (text, ==,
                   "Daily closure (Z) — till T1\n"
                   "By VAT rate (base, VAT, incl.\n"
                   "VAT)\n"
                   "  5.5 %          1234.56\n"
                   "67.90      1302.46 €\n"
                   "  Perpetual total\n"
                   "123456789.00 €\n"
                   "\n"
                   "Unbreakablewordthatislongerthant\n"
                   "hirtytwocolumnsforsure\n");
}

int
main (int    argc,
      char **argv)
{
  receipt_shop_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/comptoir/core/receipt/golden-48", Fixture, NULL, fixture_set_up, test_golden_48, fixture_tear_down);
  g_test_add ("/comptoir/core/receipt/golden-32-duplicate", Fixture, NULL, fixture_set_up,
              test_golden_32_duplicate, fixture_tear_down);
  g_test_add ("/comptoir/core/receipt/duplicate-counter", Fixture, NULL, fixture_set_up,
              test_duplicate_counter, fixture_tear_down);
  g_test_add ("/comptoir/core/receipt/vat-adds-up", Fixture, NULL, fixture_set_up, test_vat_adds_up,
              fixture_tear_down);
  g_test_add ("/comptoir/core/receipt/lookup-barcode", Fixture, NULL, fixture_set_up, test_lookup_barcode,
              fixture_tear_down);
  g_test_add ("/comptoir/core/receipt/training-and-refund", Fixture, NULL, fixture_set_up,
              test_training_and_refund, fixture_tear_down);
  g_test_add ("/comptoir/core/receipt/never-overflows", Fixture, NULL, fixture_set_up, test_never_overflows,
              fixture_tear_down);
  g_test_add_func ("/comptoir/core/receipt/document", test_document_layout);
  return g_test_run ();
}
