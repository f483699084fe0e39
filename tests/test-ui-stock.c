/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-inventory-view.h"
#include "comptoir-resources.h"
#include "comptoir-stock-page.h"
#include "comptoir-window.h"
#include "test-ui.h"

/* The real window on a demo shop, under the Xvfb the test runner starts:
 * two products were received at a known cost; the stock keeper scans
 * the first on Levels (a real burst of keys) and reads its stock and
 * value, records one broken twice over, sets a minimum above the stock
 * and finds it to reorder, then counts an aisle by scanning and
 * validates.
 * What the screen says is checked against the database, as the core
 * stored it. */

typedef struct {
  char *id;
  char *barcode;
  char *name;
} Item;

/* Money as the stock screens write it: the space before the euro sign
 * does not break. */
#define EUR(amount) amount "\u00a0€"

static void
item_clear (Item *item)
{
  g_free (item->id);
  g_free (item->barcode);
  g_free (item->name);
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
  g_autofree char *name_sql = g_strconcat ("SELECT p.name ", where, NULL);

  out->id = fixture_query_text (f->db, id_sql);
  out->barcode = fixture_query_text (f->db, barcode_sql);
  out->name = fixture_query_text (f->db, name_sql);
}

static void
post_receipt (Fixture    *f,
              const char *product_id,
              gint64      quantity_milli,
              gint64      unit_cost_cents)
{
  g_autoptr (GError) error = NULL;
  ComptoirStockMove move = { product_id, quantity_milli, "receipt", NULL, unit_cost_cents };

  g_assert_true (comptoir_stock_post (f->db, &move, 1, &error));
  g_assert_no_error (error);
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

/* A scanner: a burst of keys ending with Enter, read from the key codes,
 * into the window. */
static void
scan (const char *barcode)
{
  g_autoptr (GString) keys = g_string_new ("key --delay 4");

  for (const char *p = barcode; *p != '\0'; p++)
    g_string_append_printf (keys, " %c", *p);
  g_string_append (keys, " Return");
  xdotool (keys->str);
  settle ();
}

static const char *
label_text (GtkWidget  *widget,
            const char *css_class)
{
  GtkWidget *label = find_with_class (widget, GTK_TYPE_LABEL, css_class);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

/* The label on screen that shows exactly text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
product_shown (gpointer page)
{
  return comptoir_stock_page_get_product_id (page) != NULL;
}

static gboolean
count_shown (gpointer view)
{
  return comptoir_inventory_view_get_count_id (view) != NULL;
}

/* The n-th AdwEntryRow of a dialog, in the order the form shows them. */
static GtkWidget *
entry_row (GtkWidget *widget,
           guint     *n)
{
  if (ADW_IS_ENTRY_ROW (widget))
    {
      if (*n == 0)
        return widget;
      (*n)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = entry_row (child, n);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth_entry_row (GtkWidget *widget,
               guint      n)
{
  GtkWidget *row = entry_row (widget, &n);

  g_assert_nonnull (row);
  return row;
}

static void
test_stock (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  ComptoirDemoOptions options = { .n_products = 80, .n_members = 10, .seed = 3 };
  Item first = { 0 }, second = { 0 };
  g_autofree char *sql = NULL;
  ComptoirWindow *window;
  GtkWidget *page, *view, *row;
  AdwMessageDialog *dialog;
  gint64 minimum = -1;

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  pick_item (f, 0, &first);
  pick_item (f, 1, &second);
  /* 12 of the first at 1.20 € excluding VAT, 5 of the second at 2.00 €. */
  post_receipt (f, first.id, 12000, 120);
  post_receipt (f, second.id, 5000, 200);

  g_settings_set_string (settings, "last-section", "stock");
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);
  page = find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_STOCK_PAGE);
  view = find_descendant (page, COMPTOIR_TYPE_INVENTORY_VIEW);
  settle ();
  /* The valuation line: both products, at cost. */
  g_assert_cmpstr (label_text (page, "stock-valuation"), ==,
                   "Stock value at average cost: " EUR ("24.40") " for 2 products in stock");

  /* Levels: the first scanned, with the focus in the search field. */
  click_widget (GTK_WIDGET (window), find_descendant (page, GTK_TYPE_SEARCH_ENTRY));
  scan (first.barcode);
  wait_for (product_shown, page);
  settle ();
  g_assert_cmpstr (comptoir_stock_page_get_product_id (COMPTOIR_STOCK_PAGE (page)), ==, first.id);
  g_assert_true (shows_label (page, first.name));
  g_assert_true (shows_label (page, "12"));
  g_assert_true (shows_label (page, EUR ("14.40")));
  g_assert_true (shows_label (page, EUR ("1.20")));
  g_assert_true (shows_label (page, "Average Cost per piece"));
  g_assert_true (shows_label (page, "Receipt"));

  /* Two broken, through the dialog: the quantity, the reason, a note,
   * then Enter. */
  click_widget (GTK_WIDGET (window), find_button (page, "Record a L_oss…"));
  dialog = wait_for_message_dialog ();
  settle ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  type_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 0)), "2");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW)), 1);
  type_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 1)), "Dropped on the floor");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  save_screenshot (GTK_WIDGET (dialog), "stock-loss.png");
  gtk_widget_grab_focus (nth_entry_row (GTK_WIDGET (dialog), 0));
  settle ();
  xdotool ("key Return");
  wait_for (no_message_dialog, NULL);
  settle ();
  sql = g_strdup_printf ("SELECT count(*) FROM stock_movement WHERE product_id = '%s' AND reason = 'breakage' "
                         "AND quantity_milli = -2000 AND note = 'Dropped on the floor'", first.id);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
  g_assert_cmpint (stock_of (f, first.id), ==, 10000);
  g_assert_true (shows_label (page, "10"));
  g_assert_true (shows_label (page, EUR ("12.00")));
  g_assert_true (shows_label (page, "Breakage"));
  g_assert_true (shows_label (page, "-2"));

  /* A minimum above the stock: typed on Levels, applied with Enter. */
  row = find_descendant (page, ADW_TYPE_ENTRY_ROW);
  gtk_widget_grab_focus (row);
  settle ();
  type_text (GTK_EDITABLE (row), "15");
  xdotool ("key Return");
  settle ();
  g_assert_true (comptoir_stock_get_minimum (f->db, first.id, &minimum, &error));
  g_assert_no_error (error);
  g_assert_cmpint (minimum, ==, 15000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "15");
  gtk_widget_grab_focus (find_descendant (page, GTK_TYPE_SEARCH_ENTRY));
  settle ();
  save_screenshot (GTK_WIDGET (window), "stock-levels.png");

  /* To Reorder: the first, 10 in stock for a minimum of 15. */
  comptoir_stock_page_set_view (COMPTOIR_STOCK_PAGE (page), "reorder");
  settle ();
  g_assert_true (shows_label (page, first.name));
  g_assert_true (shows_label (page, "15"));
  g_assert_false (shows_label (page, second.name));
  save_screenshot (GTK_WIDGET (window), "stock-reorder.png");
  /* A scan with a row of the list in hand shows what was scanned on
   * Levels: the burst's Enter does not open the row. */
  click_widget (GTK_WIDGET (window), find_label (page, first.name));
  scan (second.barcode);
  g_assert_cmpstr (comptoir_stock_page_get_product_id (COMPTOIR_STOCK_PAGE (page)), ==, second.id);
  g_assert_true (shows_label (page, second.name));
  comptoir_stock_page_set_view (COMPTOIR_STOCK_PAGE (page), "reorder");
  settle ();
  /* Received today: nothing is unsold for 8 weeks, nothing has a date. */
  comptoir_stock_page_set_view (COMPTOIR_STOCK_PAGE (page), "unsold");
  settle ();
  g_assert_true (shows_label (page, "Everything in Stock Sells"));
  comptoir_stock_page_set_view (COMPTOIR_STOCK_PAGE (page), "expiring");
  settle ();
  g_assert_true (shows_label (page, "Nothing About to Expire"));
  save_screenshot (GTK_WIDGET (window), "stock-expiring.png");

  /* Inventory: a count of the aisle, started by name. */
  comptoir_stock_page_set_view (COMPTOIR_STOCK_PAGE (page), "inventory");
  settle ();
  click_widget (GTK_WIDGET (window), find_button (view, "_Start a Count…"));
  dialog = wait_for_message_dialog ();
  settle ();
  type_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 0)), "Aisle 1");
  xdotool ("key Return");
  wait_for (count_shown, view);
  wait_for (no_message_dialog, NULL);
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM inventory_count WHERE label = 'Aisle 1' "
                                             "AND status = 'open'"), ==, 1);

  /* The first scanned twice, the second once. */
  click_widget (GTK_WIDGET (window), find_with_class (view, GTK_TYPE_ENTRY, "receiving-scan-entry"));
  scan (first.barcode);
  g_assert_cmpstr (label_text (view, "receiving-last-name"), ==, first.name);
  g_assert_cmpstr (label_text (view, "receiving-last-count"), ==, "1");
  scan (first.barcode);
  g_assert_cmpstr (label_text (view, "receiving-last-count"), ==, "2");
  g_assert_cmpstr (label_text (view, "receiving-last-message"), ==, "10 expected: 8 still to find, or missing");
  scan (second.barcode);
  g_assert_cmpstr (label_text (view, "receiving-last-name"), ==, second.name);
  g_assert_cmpstr (label_text (view, "receiving-last-count"), ==, "1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_with_class (view, GTK_TYPE_ENTRY,
                                                                         "receiving-scan-entry"))), ==, "");
  g_assert_true (shows_label (view, "-8"));
  g_assert_true (shows_label (view, "-4"));
  /* The scan field keeps the focus, scan after scan. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         find_with_class (view, GTK_TYPE_ENTRY, "receiving-scan-entry")));
  save_screenshot (GTK_WIDGET (window), "stock-inventory.png");

  /* Validate: the differences and their value, then posted. */
  click_widget (GTK_WIDGET (window), find_button (view, "_Validate…"));
  dialog = wait_for_message_dialog ();
  settle ();
  save_screenshot (GTK_WIDGET (dialog), "stock-inventory-validate.png");
  adw_message_dialog_response (dialog, "validate");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (comptoir_inventory_view_get_count_id (COMPTOIR_INVENTORY_VIEW (view)));
  g_free (sql);
  sql = g_strdup_printf ("SELECT quantity_milli FROM stock_movement WHERE product_id = '%s' AND reason = 'inventory'",
                         first.id);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, -8000);
  g_free (sql);
  sql = g_strdup_printf ("SELECT quantity_milli FROM stock_movement WHERE product_id = '%s' AND reason = 'inventory'",
                         second.id);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, -4000);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement WHERE reason = 'inventory'"), ==, 2);
  g_assert_cmpint (stock_of (f, first.id), ==, 2000);
  g_assert_cmpint (stock_of (f, second.id), ==, 1000);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM inventory_count WHERE status = 'validated'"), ==, 1);
  g_assert_true (shows_label (view, "Past Counts"));
  save_screenshot (GTK_WIDGET (window), "stock-counts.png");
  /* 2 of the first at 1.20 € and 1 of the second at 2.00 €. */
  g_assert_cmpstr (label_text (page, "stock-valuation"), ==,
                   "Stock value at average cost: " EUR ("4.40") " for 2 products in stock");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  item_clear (&first);
  item_clear (&second);
}

static char *query_text (Fixture *f, const char *format, ...) G_GNUC_PRINTF (2, 3);
static gint64 query_int (Fixture *f, const char *format, ...) G_GNUC_PRINTF (2, 3);

static char *
query_text (Fixture    *f,
            const char *format,
            ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return fixture_query_text (f->db, sql);
}

static gint64
query_int (Fixture    *f,
           const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return fixture_query_int (f->db, sql);
}

static AdwMessageDialog *
open_dialog (GtkWidget  *window,
             GtkWidget  *inside,
             const char *button)
{
  AdwMessageDialog *dialog;

  click_widget (window, find_button (inside, button));
  dialog = wait_for_message_dialog ();
  settle ();
  return dialog;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

/* The other forms: a correction with a cost, a transfer to another
 * product, a weighed product counted by typing its weight, and a count
 * of a whole category that sets what was not counted to 0. */
static void
test_forms (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  ComptoirDemoOptions options = { .n_products = 80, .n_members = 10, .seed = 3 };
  Item first = { 0 }, second = { 0 };
  g_autofree char *category = NULL;
  g_autofree char *neighbour = NULL;
  g_autofree char *weighed = NULL;
  g_autofree char *weighed_code = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *aisle = NULL;
  g_autofree char *four = NULL;
  g_autofree char *less_four = NULL;
  ComptoirWindow *window;
  GtkWidget *page, *view;
  AdwMessageDialog *dialog;
  GtkWidget *zero;

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  pick_item (f, 0, &first);
  pick_item (f, 1, &second);
  category = query_text (f, "SELECT category_id FROM product WHERE id = '%s'", first.id);
  neighbour = query_text (f, "SELECT id FROM product WHERE category_id = '%s' AND id <> '%s' ORDER BY code LIMIT 1",
                          category, first.id);
  weighed = fixture_query_text (f->db, "SELECT id FROM product WHERE unit = 'kg' AND active ORDER BY code LIMIT 1");
  weighed_code = query_text (f, "SELECT code FROM product WHERE id = '%s'", weighed);
  four = g_strdup_printf ("4*%s", first.barcode);
  less_four = g_strdup_printf ("-4*%s", first.barcode);
  post_receipt (f, first.id, 4000, 100);
  post_receipt (f, neighbour, 3000, 250);
  post_receipt (f, weighed, 2000, 900);

  g_settings_set_string (settings, "last-section", "stock");
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);
  page = find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_STOCK_PAGE);
  view = find_descendant (page, COMPTOIR_TYPE_INVENTORY_VIEW);
  settle ();
  g_assert_true (comptoir_stock_page_show_code (COMPTOIR_STOCK_PAGE (page), first.barcode, &error));
  g_assert_no_error (error);
  settle ();

  /* A correction needs its reason; its cost is a price as typed. */
  dialog = open_dialog (GTK_WIDGET (window), page, "_Correct…");
  type_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 0)), "3");
  type_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 1)), "1,50");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "correct"));
  type_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 2)), "Opening stock");
  answer (dialog, "correct");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM stock_movement WHERE product_id = '%s' AND reason = "
                                 "'correction' AND quantity_milli = 3000 AND unit_cost_cents = 150 AND note = "
                                 "'Opening stock'", first.id), ==, 1);
  g_assert_true (shows_label (page, "7"));

  /* A transfer: the other product by its barcode, and what it makes. */
  dialog = open_dialog (GTK_WIDGET (window), page, "_Transfer…");
  type_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 0)), "2");
  type_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 1)), first.barcode);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "transfer"));
  gtk_editable_set_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 1)), second.barcode);
  type_text (GTK_EDITABLE (nth_entry_row (GTK_WIDGET (dialog), 2)), "4");
  save_screenshot (GTK_WIDGET (dialog), "stock-transfer.png");
  answer (dialog, "transfer");
  g_assert_cmpint (stock_of (f, first.id), ==, 5000);
  g_assert_cmpint (stock_of (f, second.id), ==, 4000);
  g_assert_true (shows_label (page, "5"));

  /* A zone: the weighed product scanned by its code, its weight typed. */
  zone = comptoir_inventory_start (f->db, "Cheese counter", NULL, &error);
  g_assert_no_error (error);
  comptoir_stock_page_set_view (COMPTOIR_STOCK_PAGE (page), "inventory");
  settle ();
  g_assert_true (comptoir_inventory_view_open (COMPTOIR_INVENTORY_VIEW (view), zone, &error));
  g_assert_no_error (error);
  comptoir_inventory_view_handle_code (COMPTOIR_INVENTORY_VIEW (view), weighed_code);
  dialog = wait_for_message_dialog ();
  settle ();
  type_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), "1,5");
  answer (dialog, "count");
  g_assert_cmpstr (label_text (view, "receiving-last-count"), ==, "1.500 kg");
  /* Counted twice by mistake: taken back. */
  comptoir_inventory_view_handle_code (COMPTOIR_INVENTORY_VIEW (view), "2*bogus");
  g_assert_true (gtk_widget_has_css_class (find_with_class (view, GTK_TYPE_BOX, "receiving-last"), "error"));
  dialog = open_dialog (GTK_WIDGET (window), view, "_Validate…");
  answer (dialog, "validate");
  g_assert_cmpint (stock_of (f, weighed), ==, 1500);

  /* A whole category: the neighbour, not counted, set to 0 on request. */
  aisle = comptoir_inventory_start (f->db, "Whole category", category, &error);
  g_assert_no_error (error);
  comptoir_inventory_view_reload (COMPTOIR_INVENTORY_VIEW (view));
  settle ();
  click_widget (GTK_WIDGET (window), find_button (view, "Resu_me"));
  settle ();
  g_assert_cmpstr (comptoir_inventory_view_get_count_id (COMPTOIR_INVENTORY_VIEW (view)), ==, aisle);
  /* One, four more, taken back, four again, one too many taken back. */
  comptoir_inventory_view_handle_code (COMPTOIR_INVENTORY_VIEW (view), first.barcode);
  comptoir_inventory_view_handle_code (COMPTOIR_INVENTORY_VIEW (view), four);
  g_assert_cmpstr (label_text (view, "receiving-last-count"), ==, "5");
  click_widget (GTK_WIDGET (window), find_button (view, "_Undo Last Scan"));
  settle ();
  g_assert_cmpstr (label_text (view, "receiving-last-count"), ==, "1");
  comptoir_inventory_view_handle_code (COMPTOIR_INVENTORY_VIEW (view), four);
  comptoir_inventory_view_handle_code (COMPTOIR_INVENTORY_VIEW (view), four);
  comptoir_inventory_view_handle_code (COMPTOIR_INVENTORY_VIEW (view), less_four);
  g_assert_cmpstr (label_text (view, "receiving-last-count"), ==, "5");
  g_assert_cmpstr (label_text (view, "receiving-last-message"), ==, "5 expected: the count matches the stock");
  dialog = open_dialog (GTK_WIDGET (window), view, "_Validate…");
  zero = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (zero);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (zero)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (zero), TRUE);
  settle ();
  save_screenshot (GTK_WIDGET (dialog), "stock-inventory-uncounted.png");
  answer (dialog, "validate");
  g_assert_cmpint (stock_of (f, first.id), ==, 5000);
  g_assert_cmpint (stock_of (f, neighbour), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT quantity_milli FROM stock_movement WHERE product_id = '%s' "
                                 "AND reason = 'inventory'", neighbour), ==, -3000);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  item_clear (&first);
  item_clear (&second);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  comptoir_register_resource ();
  load_app_style ();
  g_test_add ("/comptoir/ui/stock", Fixture, NULL, fixture_set_up, test_stock, fixture_tear_down);
  g_test_add ("/comptoir/ui/stock/forms", Fixture, NULL, fixture_set_up, test_forms, fixture_tear_down);
  return g_test_run ();
}
