/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-receiving-page.h"
#include "comptoir-resources.h"
#include "comptoir-window.h"
#include "test-ui.h"

/* The real window on a demo shop, under the Xvfb the test runner starts:
 * a receiver starts the receipt of an order, scans with a scanner (a
 * real burst of keys), a case, a count typed as 3*code, an unknown
 * barcode linked on the spot, takes a scan back, and validates: the
 * stock and the differences kept for the claim are checked in the
 * database, as the core stored them. */

typedef struct {
  char *id;
  char *barcode;
  char *code;
} Item;

static void
item_clear (Item *item)
{
  g_free (item->id);
  g_free (item->barcode);
  g_free (item->code);
}

/* The n-th piece product with a 13-digit barcode. */
static void
pick_item (Fixture *f,
           guint    n,
           Item    *out)
{
  g_autofree char *where = g_strdup_printf ("FROM product p JOIN product_barcode b ON b.product_id = p.id "
                                            "WHERE p.unit = 'piece' AND p.active AND length (b.barcode) = 13 "
                                            "ORDER BY b.barcode LIMIT 1 OFFSET %u", n);
  g_autofree char *id_sql = g_strconcat ("SELECT p.id ", where, NULL);
  g_autofree char *barcode_sql = g_strconcat ("SELECT b.barcode ", where, NULL);
  g_autofree char *code_sql = g_strconcat ("SELECT p.code ", where, NULL);

  out->id = fixture_query_text (f->db, id_sql);
  out->barcode = fixture_query_text (f->db, barcode_sql);
  out->code = fixture_query_text (f->db, code_sql);
}

static char *
add_catalogue_item (Fixture    *f,
                    const char *supplier_id,
                    const char *ref,
                    const Item *item,
                    const char *case_barcode,
                    gint64      pack_milli)
{
  g_autoptr (GError) error = NULL;
  ComptoirSupplierProduct product;
  char *id;

  comptoir_supplier_product_init (&product);
  product.supplier_id = g_strdup (supplier_id);
  product.product_id = g_strdup (item->id);
  product.supplier_ref = g_strdup (ref);
  product.barcode = g_strdup (case_barcode);
  product.name = g_strdup (ref);
  product.pack_milli = pack_milli;
  product.price_cents = 120;
  product.active = TRUE;
  g_assert_true (comptoir_supplier_product_save (f->db, &product, &error));
  g_assert_no_error (error);
  id = g_strdup (product.id);
  comptoir_supplier_product_clear (&product);
  return id;
}

static GtkWidget *
find_label_class (GtkWidget  *widget,
                  const char *css_class)
{
  return find_with_class (widget, GTK_TYPE_LABEL, css_class);
}

static const char *
last_count (GtkWidget *page)
{
  return gtk_label_get_label (GTK_LABEL (find_label_class (page, "receiving-last-count")));
}

static gint64
stock_of (Fixture    *f,
          const char *product_id)
{
  g_autoptr (GError) error = NULL;
  ComptoirStock stock;

  g_assert_true (comptoir_stock_get (f->db, product_id, &stock, &error));
  g_assert_no_error (error);
  return stock.quantity_milli;
}

static gboolean
receipt_shown (gpointer page)
{
  return comptoir_receiving_page_get_receipt_id (page) != NULL;
}

static void
test_receiving (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  ComptoirDemoOptions options = { .n_products = 80, .n_members = 10, .seed = 3 };
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  Item yogurt = { 0 }, juice = { 0 }, jam = { 0 }, stranger = { 0 };
  g_autofree char *order_id = NULL;
  g_autofree char *yogurt_line = NULL;
  g_autofree char *juice_line = NULL;
  g_autofree char *jam_line = NULL;
  g_autofree char *burst = NULL;
  g_autofree char *three = NULL;
  gint64 yogurt_before, juice_before, jam_before, stranger_before;
  ComptoirWindow *window;
  GtkWidget *page, *entry;
  AdwMessageDialog *dialog;

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  pick_item (f, 0, &yogurt);
  pick_item (f, 1, &juice);
  pick_item (f, 2, &jam);
  pick_item (f, 3, &stranger);

  /* The order: 2 cases of 6 yogurts (the case has its own barcode), 4
   * juices, 5 jams. */
  comptoir_supplier_init (&supplier);
  supplier.name = g_strdup ("Biocoop Sud");
  g_assert_true (comptoir_supplier_save (f->db, &supplier, &error));
  g_assert_no_error (error);
  yogurt_line = add_catalogue_item (f, supplier.id, "YAO-6", &yogurt, "3760000000017", 6000);
  juice_line = add_catalogue_item (f, supplier.id, "JUS-1", &juice, NULL, 1000);
  jam_line = add_catalogue_item (f, supplier.id, "CONF-1", &jam, NULL, 1000);
  order_id = comptoir_purchase_order_create (f->db, supplier.id, &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_purchase_order_set_line (f->db, order_id, yogurt_line, 2, &error));
  g_assert_true (comptoir_purchase_order_set_line (f->db, order_id, juice_line, 4, &error));
  g_assert_true (comptoir_purchase_order_set_line (f->db, order_id, jam_line, 5, &error));
  g_assert_true (comptoir_purchase_order_send (f->db, order_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_purchase_order_load (f->db, order_id, &order, &error));
  yogurt_before = stock_of (f, yogurt.id);
  juice_before = stock_of (f, juice.id);
  jam_before = stock_of (f, jam.id);
  stranger_before = stock_of (f, stranger.id);

  g_settings_set_string (settings, "last-section", "receiving");
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);
  page = find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_RECEIVING_PAGE);
  settle ();

  /* The orders sent and not received yet are listed, ready to receive:
   * the demo's and ours. */
  g_assert_true (shows_label (page, "Le Relais Vert — order C-0001"));
  g_assert_nonnull (find_button (page, "_Receive"));

  /* Start: the supplier, the order's number, Enter. */
  click_widget (GTK_WIDGET (window), find_button (page, "_Start a Receipt…"));
  dialog = wait_for_message_dialog ();
  entry = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  type_text (GTK_EDITABLE (entry), order.number);
  xdotool ("key Return");
  wait_for (receipt_shown, page);
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM goods_receipt_line"), ==, 3);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (find_with_class (page, GTK_TYPE_ENTRY, "receiving-scan-entry"))) ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         find_with_class (page, GTK_TYPE_ENTRY, "receiving-scan-entry")));

  /* A scanner: a burst of keys ending with Enter, read from the key
   * codes, into the window the receiver last touched. */
  click_widget (GTK_WIDGET (window), find_with_class (page, GTK_TYPE_ENTRY, "receiving-scan-entry"));
  {
    g_autoptr (GString) keys = g_string_new ("key --delay 4");

    for (const char *p = yogurt.barcode; *p != '\0'; p++)
      g_string_append_printf (keys, " %c", *p);
    g_string_append (keys, " Return");
    burst = g_string_free (g_steal_pointer (&keys), FALSE);
  }
  xdotool (burst);
  settle ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_label_class (page, "receiving-last-name"))), !=, "");
  g_assert_cmpstr (last_count (page), ==, "1 / 12 (2 cases)");

  /* The case's barcode: six at once. */
  comptoir_receiving_page_handle_code (COMPTOIR_RECEIVING_PAGE (page), "3760000000017");
  settle ();
  g_assert_cmpstr (last_count (page), ==, "7 (1 case + 1) / 12 (2 cases)");

  /* Three juices typed as 3*code. */
  three = g_strdup_printf ("3*%s", juice.barcode);
  comptoir_receiving_page_handle_code (COMPTOIR_RECEIVING_PAGE (page), three);
  settle ();
  g_assert_true (g_str_has_prefix (last_count (page), "3 / 4"));

  /* A scan too many, taken back. */
  comptoir_receiving_page_handle_code (COMPTOIR_RECEIVING_PAGE (page), juice.barcode);
  settle ();
  g_assert_true (g_str_has_prefix (last_count (page), "4 / 4"));
  click_widget (GTK_WIDGET (window), find_button (page, "_Undo Last Scan"));
  settle ();
  g_assert_true (g_str_has_prefix (last_count (page), "3 / 4"));

  /* A code nobody knows: linked to one of our products on the spot. */
  comptoir_receiving_page_handle_code (COMPTOIR_RECEIVING_PAGE (page), "2000000000015");
  dialog = wait_for_message_dialog ();
  settle ();
  save_screenshot (GTK_WIDGET (dialog), "receiving-unknown.png");
  type_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), stranger.code);
  adw_message_dialog_response (dialog, "link");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM product_barcode WHERE barcode = '2000000000015'"),
                   ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM goods_receipt_line WHERE unexpected = 1"), ==, 1);
  save_screenshot (GTK_WIDGET (window), "receiving.png");

  /* Validate: the jams never came; the unknown item was not ordered. */
  click_widget (GTK_WIDGET (window), find_button (page, "_Validate…"));
  dialog = wait_for_message_dialog ();
  settle ();
  save_screenshot (GTK_WIDGET (dialog), "receiving-validate.png");
  adw_message_dialog_response (dialog, "validate");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (comptoir_receiving_page_get_receipt_id (COMPTOIR_RECEIVING_PAGE (page)));
  g_assert_cmpint (stock_of (f, yogurt.id) - yogurt_before, ==, 7000);
  g_assert_cmpint (stock_of (f, juice.id) - juice_before, ==, 3000);
  g_assert_cmpint (stock_of (f, jam.id) - jam_before, ==, 0);
  g_assert_cmpint (stock_of (f, stranger.id) - stranger_before, ==, 1000);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM goods_receipt_discrepancy WHERE kind = 'missing'"),
                   ==, 3);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM goods_receipt_discrepancy "
                                             "WHERE kind = 'unexpected'"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM goods_receipt WHERE status = 'validated'"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  item_clear (&yogurt);
  item_clear (&juice);
  item_clear (&jam);
  item_clear (&stranger);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  comptoir_register_resource ();
  load_app_style ();
  g_test_add ("/comptoir/ui/receiving", Fixture, NULL, fixture_set_up, test_receiving, fixture_tear_down);
  return g_test_run ();
}
