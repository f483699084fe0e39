/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-resources.h"
#include "comptoir-supplier-editor.h"
#include "comptoir-suppliers-page.h"
#include "comptoir-window.h"
#include "test-ui.h"

/* The Suppliers section on a demo shop, in the real window under the
 * Xvfb the test runner starts: a supplier added through the form (and
 * what the core refuses said in it), their catalogue imported from
 * their Windows-1252 CSV file after a trial run, a second file whose
 * purchase price change is shown side by side before it is imported,
 * the sale prices set from the purchase prices, an order made from the
 * suggestion with one line amended, its packs changed, marked sent and
 * exported as CSV read back. */

#define EAN_MUESLI "3760012345014"
#define EAN_CAFE   "3760012345052"

static GtkWidget *
find_toplevel (GType       type,
               const char *css_class)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (css_class == NULL || gtk_widget_has_css_class (GTK_WIDGET (window), css_class)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
has_editor (gpointer unused)
{
  return find_toplevel (COMPTOIR_TYPE_SUPPLIER_EDITOR, NULL) != NULL;
}

static gboolean
no_editor (gpointer unused)
{
  return find_toplevel (COMPTOIR_TYPE_SUPPLIER_EDITOR, NULL) == NULL;
}

static gboolean
has_suggestion (gpointer unused)
{
  return find_toplevel (ADW_TYPE_WINDOW, "order-suggestion") != NULL;
}

static gboolean
no_suggestion (gpointer unused)
{
  return find_toplevel (ADW_TYPE_WINDOW, "order-suggestion") == NULL;
}

static gboolean
revealed (gpointer revealer)
{
  return gtk_revealer_get_child_revealed (revealer);
}

static gboolean
shows_text (gpointer data)
{
  return shows_label (((gpointer *) data)[0], ((gpointer *) data)[1]);
}

static void
wait_for_label (GtkWidget  *widget,
                const char *text)
{
  wait_for (shows_text, (gpointer[]) { widget, (gpointer) text });
}

/* The text of the mapped label with that class inside widget. */
static const char *
label_with_class (GtkWidget  *widget,
                  const char *css_class)
{
  GtkWidget *label = find_with_class (widget, GTK_TYPE_LABEL, css_class);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

static char *
add_product (Fixture    *f,
             const char *code,
             const char *name,
             gint64      price_cents,
             const char *barcode)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = fixture_product (code, name, price_cents, 550, barcode);

  g_assert_true (comptoir_catalog_save_product (f->catalog, product, &error));
  g_assert_no_error (error);
  return g_strdup (comptoir_product_get_id (product));
}

/* What the till writes when it sells: stock movements 'sale', after a
 * delivery that left a little in stock. */
static void
sell (Fixture    *f,
      const char *product_id,
      gint64      received_milli,
      gint64      sold_milli)
{
  g_autoptr (GError) error = NULL;
  ComptoirStockMove moves[] = {
    { product_id, received_milli, "receipt", NULL, 200 },
    { product_id, -sold_milli, "sale", NULL, -1 },
  };

  g_assert_true (comptoir_stock_post (f->db, moves, G_N_ELEMENTS (moves), &error));
  g_assert_no_error (error);
}

static AdwMessageDialog *
import_and_wait (GtkWidget  *page,
                 const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  comptoir_suppliers_page_import_file (COMPTOIR_SUPPLIERS_PAGE (page), file);
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  g_test_message ("%s\n%s\n%s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog),
                  label_with_class (GTK_WIDGET (dialog), "supplier-import-report"));
  return dialog;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (no_message_dialog, NULL);
  settle ();
}

static char *
euros (gint64 cents)
{
  g_autofree char *amount = comptoir_money_format_local (cents);

  return g_strdup_printf ("%s €", amount);
}

static void
show_tab (GtkWidget  *page,
          const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_descendant (page, ADW_TYPE_VIEW_STACK)), name);
  settle ();
}

static void
test_suppliers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  ComptoirDemoOptions options = { .n_products = 30, .n_members = 5, .seed = 5 };
  g_autofree char *muesli = NULL;
  g_autofree char *cafe = NULL;
  g_autofree char *supplier_id = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "supplier-relais-vert-1252.csv", NULL);
  g_autofree char *second = g_build_filename (f->dir, "relais-vert-avril.csv", NULL);
  g_autofree char *export_path = g_build_filename (f->dir, "order.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  g_autofree char *number = NULL;
  g_autoptr (GPtrArray) proposals = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  const ComptoirPurchaseOrderLine *line;
  gint64 muesli_price = -1, muesli_packs, cafe_suggested_packs, n_suppliers;
  gsize length;
  ComptoirWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *page, *editor, *row, *revealer, *grid, *suggestion, *spin;

  g_autofree char *lines_sql = NULL;
  g_autofree char *price_sql = NULL;

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Two of our products carry the barcodes of the supplier's file: the
   * import links those lines to them. Both sold lately. */
  muesli = add_product (f, "MUE", "Muesli croustillant", 450, EAN_MUESLI);
  cafe = add_product (f, "CAF", "Café moulu", 520, EAN_CAFE);
  sell (f, muesli, 10000, 40000);
  sell (f, cafe, 2000, 12000);

  xdotool ("version");
  g_settings_set_string (settings, "last-section", "suppliers");
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);
  page = find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_SUPPLIERS_PAGE);
  g_assert_nonnull (page);
  wait_for (window_mapped, page);
  settle ();
  g_assert_true (shows_label (page, "Choose a Supplier"));
  /* The demo's own suppliers are listed; ours comes on top of them. */
  n_suppliers = fixture_query_int (f->db, "SELECT count (*) FROM supplier");
  g_assert_null (comptoir_suppliers_page_get_supplier (COMPTOIR_SUPPLIERS_PAGE (page)));

  /* New Supplier: typed for real; an e-mail the core refuses is said in
   * the form, which stays open, and nothing is stored. */
  click_widget (GTK_WIDGET (window),
                find_button_with_tooltip (page, "Add a wholesaler or a producer the shop orders from"));
  wait_for (has_editor, NULL);
  editor = find_toplevel (COMPTOIR_TYPE_SUPPLIER_EDITOR, NULL);
  wait_for (window_mapped, editor);
  settle ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Supplier");
  xdotool ("type --delay 20 'Les Jardins de Tain'");
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Name"))), ==, "Les Jardins de Tain");
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, "Contact person")), "Julie Martin");
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, "E-mail")), "commandes at relais");
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, "Phone")), "04 75 00 00 00");
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, "Minimum order")), "150");
  click_widget (editor, find_button_with_tooltip (editor, "Monday"));
  click_widget (editor, find_button_with_tooltip (editor, "Thursday"));
  click_widget (editor, find_row (editor, "Phone"));
  settle ();
  xdotool ("key Return");
  settle ();
  g_assert_true (find_toplevel (COMPTOIR_TYPE_SUPPLIER_EDITOR, NULL) == editor);
  revealer = find_descendant (editor, GTK_TYPE_REVEALER);
  wait_for (revealed, revealer);
  assert_contains (gtk_label_get_label (GTK_LABEL (gtk_revealer_get_child (GTK_REVEALER (revealer)))), "e-mail");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM supplier"), ==, n_suppliers);
  save_screenshot (editor, "suppliers-new-refused.png");

  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, "E-mail")), "commandes@jardins-tain.example");
  click_widget (editor, find_row (editor, "Phone"));
  settle ();
  xdotool ("key Return");
  wait_for (no_editor, NULL);
  settle ();
  supplier_id = fixture_query_text (f->db, "SELECT id FROM supplier WHERE name = 'Les Jardins de Tain'");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM supplier WHERE name = 'Les Jardins de Tain' AND "
                                             "order_days = '1,4' AND lead_days = 2 AND min_order_cents = 15000 "
                                             "AND contact = 'Julie Martin' AND "
                                             "email = 'commandes@jardins-tain.example'"), ==, 1);
  g_assert_cmpstr (comptoir_suppliers_page_get_supplier (COMPTOIR_SUPPLIERS_PAGE (page)), ==, supplier_id);
  lines_sql = g_strdup_printf ("SELECT count (*) FROM supplier_product WHERE supplier_id = '%s'", supplier_id);
  price_sql = g_strdup_printf ("SELECT price_cents FROM supplier_product WHERE supplier_id = '%s' "
                               "AND supplier_ref = 'RV-100'", supplier_id);
  g_assert_true (shows_label (page, "Les Jardins de Tain"));
  g_assert_true (shows_label (page, "Monday, Thursday"));
  g_assert_true (shows_label (page, "150.00 € excl. VAT"));
  g_assert_true (shows_label (page, "Takes orders on Monday, Thursday, delivers 2 days later."));
  wait_for_label (GTK_WIDGET (window), "Les Jardins de Tain added: import their catalogue to order from them");
  save_screenshot (GTK_WIDGET (window), "suppliers.png");

  /* A file with lines to fix: the trial run says which, and Import
   * cannot be pressed (the import is all or nothing). */
  {
    g_autofree char *errors = g_test_build_filename (G_TEST_DIST, "data", "supplier-errors.csv", NULL);

    dialog = import_and_wait (page, errors);
  }
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“supplier-errors.csv” has lines to fix");
  assert_contains (label_with_class (GTK_WIDGET (dialog), "supplier-import-report"),
                   "1 created, 0 updated, 0 unchanged, 3 rejected.");
  assert_contains (label_with_class (GTK_WIDGET (dialog), "supplier-import-report"), "Line 3: ");
  g_assert_true (adw_message_dialog_has_response (dialog, "import"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  save_screenshot (GTK_WIDGET (dialog), "suppliers-import-errors.png");
  respond (dialog, "cancel");
  g_assert_cmpint (fixture_query_int (f->db, lines_sql), ==, 0);

  /* The catalogue: the trial run says how the file was read and what it
   * would do; nothing is written before Import. */
  dialog = import_and_wait (page, source);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import “supplier-relais-vert-1252.csv”?");
  g_assert_cmpstr (label_with_class (GTK_WIDGET (dialog), "supplier-import-source"), ==,
                   "Columns recognised from their names:");
  grid = find_with_class (GTK_WIDGET (dialog), GTK_TYPE_GRID, "supplier-import-columns");
  g_assert_nonnull (grid);
  g_assert_true (shows_label (grid, "“Code article”"));
  g_assert_true (shows_label (grid, "supplier reference"));
  g_assert_true (shows_label (grid, "“Prix HT (€)”"));
  g_assert_true (shows_label (grid, "unit price excluding VAT"));
  assert_contains (label_with_class (GTK_WIDGET (dialog), "supplier-import-report"),
                   "Read as Windows-1252 text, with “;” between the columns.");
  assert_contains (label_with_class (GTK_WIDGET (dialog), "supplier-import-report"),
                   "5 created, 0 updated, 0 unchanged, 0 rejected.");
  assert_contains (label_with_class (GTK_WIDGET (dialog), "supplier-import-report"),
                   "2 lines are linked to our products by their barcode.");
  g_assert_null (find_with_class (GTK_WIDGET (dialog), GTK_TYPE_GRID, "supplier-price-changes"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
  g_assert_cmpint (fixture_query_int (f->db, lines_sql), ==, 0);
  save_screenshot (GTK_WIDGET (dialog), "suppliers-import-check.png");
  respond (dialog, "import");
  wait_for_label (GTK_WIDGET (window), "Catalogue imported: 5 added, 0 updated");
  g_assert_cmpint (fixture_query_int (f->db, lines_sql), ==, 5);
  /* The rows a person reads, linked or not. */
  g_assert_true (shows_label (page, "5 lines, 2 linked to our products"));
  g_assert_true (shows_label (page, "RV-300"));
  g_assert_true (shows_label (page, "Pâtes complètes 500 g"));
  g_assert_true (shows_label (page, "Savon de Marseille « extra pur »"));
  g_assert_true (shows_label (page, "3760012345014"));
  g_assert_true (shows_label (page, "Muesli croustillant"));
  g_assert_true (shows_label (page, "not linked"));
  g_assert_true (shows_label (page, "2.45 €"));
  save_screenshot (GTK_WIDGET (window), "suppliers-catalogue.png");

  /* A new price list: the muesli's purchase price goes up, shown side by
   * side before anything is written. */
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);
  {
    g_autofree char *edited = NULL;
    char *at = strstr (contents, ";2,4450;");

    g_assert_nonnull (at);
    edited = g_strdup_printf ("%.*s;2,5625;%s", (int) (at - contents), contents, at + strlen (";2,4450;"));
    g_assert_true (g_file_set_contents (second, edited, -1, &error));
    g_assert_no_error (error);
  }
  dialog = import_and_wait (page, second);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import “relais-vert-avril.csv”?");
  g_assert_cmpstr (label_with_class (GTK_WIDGET (dialog), "supplier-import-source"), ==,
                   "Columns saved at this supplier’s last import:");
  assert_contains (label_with_class (GTK_WIDGET (dialog), "supplier-import-report"),
                   "0 created, 1 updated, 4 unchanged, 0 rejected.");
  grid = find_with_class (GTK_WIDGET (dialog), GTK_TYPE_GRID, "supplier-price-changes");
  g_assert_nonnull (grid);
  g_assert_true (shows_label (grid, "RV-100"));
  g_assert_true (shows_label (grid, "Muesli croustillant"));
  g_assert_true (shows_label (grid, "2.45 €"));
  g_assert_true (shows_label (grid, "2.56 €"));
  g_assert_true (shows_label (grid, "+4.5 %"));
  g_assert_cmpint (fixture_query_int (f->db, price_sql),
                   ==, 245);
  save_screenshot (GTK_WIDGET (dialog), "suppliers-import-prices.png");
  respond (dialog, "import");
  wait_for_label (GTK_WIDGET (window), "Catalogue imported: 0 added, 1 updated; 1 purchase price changed: "
                                       "Update Sale Prices to follow it");
  g_assert_cmpint (fixture_query_int (f->db, price_sql),
                   ==, 256);
  g_assert_true (shows_label (page, "2.56 €"));

  /* Sale prices from the purchase prices: listed, then applied. */
  proposals = comptoir_pricing_preview (f->db, supplier_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposals->len, ==, 2);
  for (guint i = 0; i < proposals->len; i++)
    {
      const ComptoirPriceProposal *proposal = g_ptr_array_index (proposals, i);

      if (g_str_equal (proposal->product_id, muesli))
        muesli_price = proposal->new_cents;
    }
  g_assert_cmpint (muesli_price, ==, comptoir_pricing_sale_price (256, 2000, 550));
  click_widget (GTK_WIDGET (window), find_button (page, "_Update Sale Prices…"));
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Update Sale Prices?");
  grid = find_with_class (GTK_WIDGET (dialog), GTK_TYPE_GRID, "supplier-price-proposals");
  g_assert_nonnull (grid);
  g_assert_true (shows_label (grid, "Muesli croustillant"));
  g_assert_true (shows_label (grid, "2.56 €"));
  g_assert_true (shows_label (grid, "×1.20"));
  g_assert_true (shows_label (grid, "4.50 €"));
  {
    g_autofree char *price = euros (muesli_price);

    g_assert_true (shows_label (grid, price));
  }
  save_screenshot (GTK_WIDGET (dialog), "suppliers-prices.png");
  respond (dialog, "apply");
  wait_for_label (GTK_WIDGET (window), "2 sale prices updated");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM price_change WHERE product_id = '%s' AND "
                                            "reason = 'markup' AND old_cents = 450 AND new_cents = %lld AND "
                                            "purchase_price_cents = 256", muesli, (long long) muesli_price);
    g_autoptr (ComptoirProduct) product = comptoir_catalog_get_by_id (f->catalog, muesli, &error);

    g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
    g_assert_no_error (error);
    g_assert_cmpint (comptoir_product_get_price_cents (product), ==, muesli_price);
  }

  /* An order from the suggestion: each line says why; the coffee is
   * amended before the order is created. */
  show_tab (page, "orders");
  g_assert_true (shows_label (page, "No Orders Yet"));
  click_widget (GTK_WIDGET (window), find_button_with_tooltip (page, "Start an order from what sold in the last "
                                                                     "weeks, the stock and what is already on order"));
  wait_for (has_suggestion, NULL);
  suggestion = find_toplevel (ADW_TYPE_WINDOW, "order-suggestion");
  wait_for (window_mapped, suggestion);
  settle ();
  row = find_row (suggestion, "Muesli croustillant");
  g_assert_nonnull (row);
  assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Sold 5 a week over the last 8 weeks");
  spin = find_descendant (row, GTK_TYPE_SPIN_BUTTON);
  muesli_packs = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (muesli_packs, >=, 1);
  row = find_row (suggestion, "Café moulu");
  g_assert_nonnull (row);
  assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Sold 1.5 a week over the last 8 weeks");
  spin = find_descendant (row, GTK_TYPE_SPIN_BUTTON);
  cafe_suggested_packs = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  settle ();
  assert_contains (label_with_class (suggestion, "order-suggestion-total"), "2 lines to order, ");
  save_screenshot (suggestion, "suppliers-suggestion.png");
  click_widget (suggestion, find_button (suggestion, "C_reate Order"));
  wait_for (no_suggestion, NULL);
  settle ();
  g_assert_nonnull (comptoir_suppliers_page_get_order (COMPTOIR_SUPPLIERS_PAGE (page)));
  g_assert_true (comptoir_purchase_order_load (f->db, comptoir_suppliers_page_get_order (COMPTOIR_SUPPLIERS_PAGE (page)),
                                               &order, &error));
  g_assert_no_error (error);
  /* Numbered after the demo's orders. */
  g_assert_true (g_str_has_prefix (order.number, "C-"));
  number = g_strdup (order.number);
  g_assert_cmpint (order.status, ==, COMPTOIR_PURCHASE_ORDER_DRAFT);
  g_assert_cmpuint (order.lines->len, ==, 2);
  line = &g_array_index (order.lines, ComptoirPurchaseOrderLine, 0);
  g_assert_cmpstr (line->supplier_ref, ==, "RV-100");
  g_assert_cmpstr (line->label, ==, "Muesli croustillant");
  g_assert_cmpint (line->packs, ==, muesli_packs);
  g_assert_cmpint (line->quantity_milli, ==, muesli_packs * 6000);
  g_assert_cmpint (line->price_cents, ==, 256);
  g_assert_cmpint (line->suggested_milli, ==, muesli_packs * 6000);
  assert_contains (line->explanation, "Sold 5 a week");
  line = &g_array_index (order.lines, ComptoirPurchaseOrderLine, 1);
  g_assert_cmpstr (line->supplier_ref, ==, "RV-500");
  g_assert_cmpint (line->packs, ==, 3);
  /* What the suggestion said stays beside what was decided. */
  g_assert_cmpint (line->suggested_milli, ==, cafe_suggested_packs * line->pack_milli);
  g_assert_nonnull (line->explanation);
  /* The order view: its lines, and the minimum it does not reach. */
  {
    g_autofree char *title = g_strdup_printf ("Order %s", number);

    g_assert_true (shows_label (page, title));
  }
  g_assert_true (shows_label (page, "RV-100"));
  g_assert_true (shows_label (page, "RV-500"));
  assert_contains (label_with_class (page, "order-warning"), "under the minimum order of Les Jardins de Tain of 150.00 €");
  {
    g_autofree char *message = g_strdup_printf ("Order %s created: check it, export it for the supplier, then "
                                                "mark it as sent", number);

    wait_for_label (GTK_WIDGET (window), message);
  }
  save_screenshot (GTK_WIDGET (window), "suppliers-order.png");

  /* One more case of muesli, in the draft: stored at once, the total
   * follows. */
  grid = find_with_class (page, GTK_TYPE_GRID, "order-lines");
  spin = find_descendant (grid, GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) (muesli_packs + 1));
  settle ();
  comptoir_purchase_order_clear (&order);
  g_assert_true (comptoir_purchase_order_find (f->db, number, &order, &error));
  line = &g_array_index (order.lines, ComptoirPurchaseOrderLine, 0);
  g_assert_cmpint (line->packs, ==, muesli_packs + 1);
  g_assert_cmpint (line->suggested_milli, ==, muesli_packs * 6000);
  {
    g_autofree char *total = euros (order.total_cents);
    g_autofree char *text = g_strdup_printf ("Total excl. VAT: %s", total);

    g_assert_true (shows_label (page, text));
  }

  /* Marked sent: under the minimum, the page asks first. */
  click_widget (GTK_WIDGET (window), find_button (page, "_Mark as Sent"));
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  {
    g_autofree char *heading = g_strdup_printf ("Mark Order %s as Sent?", number);

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  }
  assert_contains (adw_message_dialog_get_body (dialog), "minimum order");
  respond (dialog, "send");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM purchase_order WHERE number = '%s' AND "
                                            "status = 'sent' AND sent_at IS NOT NULL", number);

    g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
  }
  g_assert_true (shows_label (page, "sent"));
  /* Sent: its packs no longer change. */
  g_assert_null (find_descendant (find_with_class (page, GTK_TYPE_GRID, "order-lines"), GTK_TYPE_SPIN_BUTTON));
  g_assert_false (gtk_widget_is_sensitive (find_button (page, "_Mark as Sent")));

  /* Exported as CSV, read back. */
  {
    g_autoptr (GFile) file = g_file_new_for_path (export_path);
    g_autofree char *muesli_line = g_strdup_printf ("RV-100;Muesli croustillant;%lld;%lld;2,56\r\n",
                                                    (long long) (muesli_packs + 1),
                                                    (long long) ((muesli_packs + 1) * 6));
    g_autofree char *message = g_strdup_printf ("Order %s saved as “order.csv”", number);

    comptoir_suppliers_page_export_order (COMPTOIR_SUPPLIERS_PAGE (page), file);
    wait_for_label (GTK_WIDGET (window), message);
    g_assert_true (g_file_get_contents (export_path, &written, &length, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (written, "\xef\xbb\xbf" "Supplier reference;Name;Packs;Units;"
                                              "Unit price excl. VAT\r\n"));
    assert_contains (written, muesli_line);
    assert_contains (written, "RV-500;Café moulu;3;");
  }

  /* Back to the list: the order with its status. */
  click_widget (GTK_WIDGET (window), find_button_with_tooltip (page, "Back to the supplier’s orders"));
  settle ();
  g_assert_null (comptoir_suppliers_page_get_order (COMPTOIR_SUPPLIERS_PAGE (page)));
  row = find_row (page, number);
  g_assert_nonnull (row);
  g_assert_true (shows_label (row, "sent"));
  save_screenshot (GTK_WIDGET (window), "suppliers-orders.png");

  /* Cancelled after all: it stays in the list, marked so. */
  g_assert_true (comptoir_suppliers_page_show_order (COMPTOIR_SUPPLIERS_PAGE (page), order.id));
  settle ();
  gtk_widget_activate_action (page, "order.cancel", NULL);
  dialog = wait_for_message_dialog ();
  assert_contains (adw_message_dialog_get_body (dialog), "tell the supplier");
  respond (dialog, "cancel-order");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM purchase_order WHERE number = '%s' AND "
                                            "status = 'cancelled'", number);
    g_autofree char *message = g_strdup_printf ("Order %s cancelled", number);

    g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
    wait_for_label (GTK_WIDGET (window), message);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  comptoir_register_resource ();
  load_app_style ();
  g_test_add ("/comptoir/ui/suppliers", Fixture, NULL, fixture_set_up, test_suppliers, fixture_tear_down);
  return g_test_run ();
}
