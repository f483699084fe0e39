/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-products-page.h"
#include "comptoir-product-editor.h"
#include "comptoir-resources.h"
#include "comptoir-window.h"
#include "test-ui.h"

#define N_PRODUCTS 5000

/* The real window on a real demo shop, under the Xvfb the test runner
 * starts: type a search, sort by a column header, edit a product. */

static gboolean
list_idle (gpointer list)
{
  return !comptoir_product_list_get_loading (list);
}

static gboolean
sorted_by_price (gpointer list)
{
  return comptoir_product_list_get_sort (list) == COMPTOIR_PRODUCT_SORT_PRICE;
}

static gboolean
sorted_descending (gpointer list)
{
  return comptoir_product_list_get_descending (list);
}

/* A real click, through the X server, on the column header titled so:
 * GTK 4.8 gives no way to fake one in-process, and the header click is a
 * different path from gtk_column_view_sort_by_column(). */
static void
click_header (GtkWidget  *window,
              GtkWidget  *column_view,
              const char *title)
{
  GtkWidget *label = NULL;
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  graphene_point_t point;
  g_autofree char *command = NULL;
  int status = -1;

  g_ptr_array_add (stack, column_view);
  while (stack->len > 0 && label == NULL)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
      if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), title) == 0)
        label = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_point (label, window, &GRAPHENE_POINT_INIT (4, 4), &point));

  g_test_message ("clicking %s at %d,%d", title, (int) point.x, (int) point.y);
  command = g_strdup_printf ("xdotool mousemove --window %lu %d %d click 1",
                             (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                             (int) point.x, (int) point.y);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_products_window (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ComptoirDemoOptions options = { .n_products = N_PRODUCTS, .n_members = 10, .seed = 7 };
  g_autoptr (GArray) expected = NULL;
  g_autoptr (ComptoirProduct) first = NULL;
  g_autoptr (ComptoirProduct) second = NULL;
  g_autoptr (ComptoirProduct) edited = NULL;
  g_autoptr (ComptoirProduct) stored = NULL;
  ComptoirWindow *window;
  ComptoirProductsPage *page;
  ComptoirProductList *list;
  ComptoirProductEditor *editor;
  GtkColumnView *view;
  GtkWidget *entry;
  GtkLabel *count;
  g_autofree char *count_text = NULL;
  g_autofree char *edited_id = NULL;

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    g_settings_set_string (settings, "last-section", "products");
  }
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);

  page = COMPTOIR_PRODUCTS_PAGE (find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_PRODUCTS_PAGE));
  list = comptoir_products_page_get_list (page);
  wait_for (list_idle, list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PRODUCTS);

  /* Type a search as a person would, one key at a time. */
  entry = find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_widget_grab_focus (entry);
  type_text (GTK_EDITABLE (entry), "pâtes");
  while (g_strcmp0 (comptoir_product_list_get_text (list), "pâtes") != 0 ||
         comptoir_product_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);

  expected = comptoir_catalog_search (f->catalog, "pates", COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
  for (guint i = 0; i < MIN (expected->len, 20); i++)
    {
      g_autoptr (ComptoirProduct) p = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *folded = comptoir_text_fold (comptoir_product_get_name (p));
      g_assert_nonnull (strstr (folded, "pate"));
    }
  count = GTK_LABEL (find_with_class (GTK_WIDGET (page), GTK_TYPE_LABEL, "dim-label"));
  count_text = g_strdup_printf ("%u found", expected->len);
  settle ();
  g_assert_cmpstr (gtk_label_get_label (count), ==, count_text);
  save_screenshot (GTK_WIDGET (window), "products.png");

  /* Back to the whole catalogue, too long for every row to be on screen. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  while (g_strcmp0 (comptoir_product_list_get_text (list), "") != 0 || comptoir_product_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PRODUCTS);
  settle ();

  /* A click on the Price header sorts in the database, and the rows on
   * screen follow; a second click turns the order round. */
  view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  click_header (GTK_WIDGET (window), GTK_WIDGET (view), "Price");
  wait_for (sorted_by_price, list);
  g_assert_false (comptoir_product_list_get_descending (list));
  wait_for (list_idle, list);
  settle ();
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (comptoir_product_get_price_cents (first), <=, comptoir_product_get_price_cents (second));
  g_assert_true (shows_label (GTK_WIDGET (view), comptoir_product_get_name (first)));

  /* Far enough apart not to be a double click. */
  g_usleep (600 * 1000);
  click_header (GTK_WIDGET (window), GTK_WIDGET (view), "Price");
  wait_for (sorted_descending, list);
  g_assert_cmpint (comptoir_product_list_get_sort (list), ==, COMPTOIR_PRODUCT_SORT_PRICE);
  wait_for (list_idle, list);
  settle ();
  g_clear_object (&first);
  g_clear_object (&second);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (comptoir_product_get_price_cents (first), >=, comptoir_product_get_price_cents (second));
  g_assert_true (shows_label (GTK_WIDGET (view), comptoir_product_get_name (first)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PRODUCTS);
  save_screenshot (GTK_WIDGET (window), "products-by-price.png");

  /* Its category sells at ×1.30: what an empty coefficient means. */
  g_assert_nonnull (comptoir_product_get_category_id (first));
  g_assert_true (comptoir_pricing_set_category_markup (f->db, comptoir_product_get_category_id (first), 3000, &error));
  g_assert_no_error (error);

  /* Edit the first product: a price that is not a number is refused with
   * a message, a good one is saved and shows in the list. */
  editor = COMPTOIR_PRODUCT_EDITOR (comptoir_products_page_edit_product (page, 0));
  g_assert_nonnull (editor);
  wait_for (window_mapped, editor);
  edited_id = g_strdup (comptoir_product_get_id (first));
  {
    GtkWidget *price_row = NULL;
    GtkWidget *error_label;
    GtkWidget *markup_row = find_row (GTK_WIDGET (editor), "Coefficient");
    GtkEntry *markup = GTK_ENTRY (find_descendant (markup_row, GTK_TYPE_ENTRY));
    AdwComboRow *category_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (editor), "Category"));
    guint category;
    GtkWidget *rows = find_descendant (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_PAGE);

    /* The price row is the one titled so. */
    {
      g_autoptr (GPtrArray) stack = g_ptr_array_new ();
      g_ptr_array_add (stack, rows);
      while (stack->len > 0 && price_row == NULL)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
          if (ADW_IS_ENTRY_ROW (w) && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Sale price"))
            price_row = w;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
    }
    g_assert_nonnull (price_row);

    g_assert_false (comptoir_product_editor_get_dirty (editor));
    /* No coefficient of its own: the field says which applies. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (markup)), ==, "");
    g_assert_cmpstr (gtk_entry_get_placeholder_text (markup), ==, "×1.30 (category)");
    category = adw_combo_row_get_selected (category_row);
    adw_combo_row_set_selected (category_row, 0);
    g_assert_cmpstr (gtk_entry_get_placeholder_text (markup), ==, "×1.20 (shop)");
    adw_combo_row_set_selected (category_row, category);
    g_assert_cmpstr (gtk_entry_get_placeholder_text (markup), ==, "×1.30 (category)");
    scroll_to (markup_row);
    save_screenshot (GTK_WIDGET (editor), "product-editor-coefficient.png");

    gtk_editable_set_text (GTK_EDITABLE (price_row), "douze");
    g_assert_true (comptoir_product_editor_get_dirty (editor));

    /* Closing with unsaved edits asks, and the editor stays. */
    gtk_window_close (GTK_WINDOW (editor));
    settle ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
    {
      AdwMessageDialog *ask = wait_for_message_dialog ();

      g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "Discard Changes?");
      adw_message_dialog_response (ask, "cancel");
      gtk_window_destroy (GTK_WINDOW (ask));
      settle ();
    }

    /* A coefficient typed as people say it, refused when it is not one. */
    gtk_editable_set_text (GTK_EDITABLE (markup), "abc");
    g_assert_false (comptoir_product_editor_save (editor));
    error_label = find_descendant (find_descendant (GTK_WIDGET (editor), GTK_TYPE_REVEALER), GTK_TYPE_LABEL);
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "price"));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "“abc” is not a coefficient"));
    g_assert_true (gtk_widget_has_css_class (price_row, "field-error"));
    g_assert_true (gtk_widget_has_css_class (markup_row, "field-error"));
    settle ();
    save_screenshot (GTK_WIDGET (editor), "product-editor-error.png");
    gtk_editable_set_text (GTK_EDITABLE (markup), "1,35");
    g_assert_false (gtk_widget_has_css_class (markup_row, "field-error"));

    gtk_editable_set_text (GTK_EDITABLE (price_row), "1234,56");
    g_assert_true (comptoir_product_editor_save (editor));
  }
  settle ();
  {
    g_autofree char *sql = g_strdup_printf ("SELECT markup_bp FROM product WHERE id = '%s'", edited_id);

    g_assert_cmpint (fixture_query_int (f->db, sql), ==, 3500);
  }

  /* Opened again, the field shows the product's own coefficient;
   * emptied, the category's applies again. */
  editor = COMPTOIR_PRODUCT_EDITOR (comptoir_products_page_edit_product (page, 0));
  wait_for (window_mapped, editor);
  {
    GtkEntry *markup = GTK_ENTRY (find_descendant (find_row (GTK_WIDGET (editor), "Coefficient"), GTK_TYPE_ENTRY));
    g_autofree char *sql = g_strdup_printf ("SELECT markup_bp IS NULL FROM product WHERE id = '%s'", edited_id);
    const char *markup_changes = "SELECT count(*) FROM change_log WHERE payload LIKE '%\"markup_bp\"%'";

    /* The category's and the product's. */
    g_assert_cmpint (fixture_query_int (f->db, markup_changes), ==, 2);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (markup)), ==, "×1.35");
    /* Saved unchanged: the coefficient is not written again. */
    g_assert_true (comptoir_product_editor_save (editor));
    settle ();
    g_assert_cmpint (fixture_query_int (f->db, markup_changes), ==, 2);

    editor = COMPTOIR_PRODUCT_EDITOR (comptoir_products_page_edit_product (page, 0));
    wait_for (window_mapped, editor);
    markup = GTK_ENTRY (find_descendant (find_row (GTK_WIDGET (editor), "Coefficient"), GTK_TYPE_ENTRY));
    gtk_editable_set_text (GTK_EDITABLE (markup), "");
    g_assert_true (comptoir_product_editor_save (editor));
    settle ();
    g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
  }

  edited = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (comptoir_product_get_id (edited), ==, edited_id);
  g_assert_cmpint (comptoir_product_get_price_cents (edited), ==, 123456);
  stored = comptoir_catalog_get_by_id (f->catalog, edited_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comptoir_product_get_price_cents (stored), ==, 123456);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log WHERE tbl = 'product' "
                                             "AND json_extract (payload, '$.price_cents') = 123456"), ==, 1);

  /* Importing a supplier file: checked first, written after the go. */
  {
    g_autofree char *csv_path = g_test_build_filename (G_TEST_DIST, "data", "products-excel-fr.csv", NULL);
    g_autoptr (GFile) csv = g_file_new_for_path (csv_path);
    g_autofree char *bad_path = g_build_filename (f->dir, "bad.csv", NULL);
    g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
    guint before = g_list_model_get_n_items (G_LIST_MODEL (list));
    AdwMessageDialog *ask;

    comptoir_products_page_import_file (page, csv);
    ask = wait_for_message_dialog ();
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (ask), "Import"));
    g_assert_true (adw_message_dialog_has_response (ask, "import"));
    g_assert_cmpint (comptoir_catalog_count_products (f->catalog, NULL), ==, N_PRODUCTS);
    settle ();
    save_screenshot (GTK_WIDGET (ask), "import-check.png");
    adw_message_dialog_response (ask, "import");
    gtk_window_destroy (GTK_WINDOW (ask));
    while (g_list_model_get_n_items (G_LIST_MODEL (list)) == before)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (comptoir_catalog_count_products (f->catalog, NULL), >, N_PRODUCTS);

    g_assert_true (g_file_set_contents (bad_path, "code;nom;prix;tva\nX1;Savon;2,10;19,6\n", -1, NULL));
    comptoir_products_page_import_file (page, bad);
    ask = wait_for_message_dialog ();
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (ask), "lines to fix"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "Line 2"));
    g_assert_false (adw_message_dialog_has_response (ask, "import"));
    adw_message_dialog_response (ask, "close");
    gtk_window_destroy (GTK_WINDOW (ask));
  }

  /* A search that matches nothing says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzzqqq");
  while (g_strcmp0 (comptoir_product_list_get_text (list), "zzzzqqq") != 0 || comptoir_product_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (gtk_widget_get_visible (find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE)));
  g_assert_cmpstr (gtk_label_get_label (count), ==, "0 found");

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
  g_test_add ("/comptoir/ui/products/window", Fixture, NULL, fixture_set_up, test_products_window, fixture_tear_down);
  return g_test_run ();
}
