/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-products-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-product-editor.h"
#include "comptoir-products-page.h"

struct _ComptoirProductsPage
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkWidget           *import_button;
  GtkStack            *view_stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkColumnViewColumn *code_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *unit_column;
  GtkColumnViewColumn *price_column;
  GtkColumnViewColumn *vat_column;
  GtkColumnViewColumn *active_column;

  ComptoirCatalog     *catalog;
  ComptoirProductList *list;
  GtkSingleSelection  *selection;
  GSettings           *settings;
  GFile               *import_file;   /* checked, waiting for the person's go */

  /* Which column is sorted, read back from the view (see on_sort_changed). */
  GtkColumnViewColumn *columns[COMPTOIR_N_PRODUCT_SORTS];
  ComptoirProduct     *probe_low;
  ComptoirProduct     *probe_high[COMPTOIR_N_PRODUCT_SORTS];
  ComptoirProductSort  sort;
  gboolean             descending;
  gboolean             resetting_sort;
};

G_DEFINE_FINAL_TYPE (ComptoirProductsPage, comptoir_products_page, GTK_TYPE_WIDGET)

static const char *sort_names[COMPTOIR_N_PRODUCT_SORTS] = {
  "name", "code", "price", "vat", "category", "unit", "active",
};

static int
compare_by_key (gconstpointer a,
                gconstpointer b,
                gpointer      key)
{
  ComptoirProduct *pa = (ComptoirProduct *) a, *pb = (ComptoirProduct *) b;

  switch ((ComptoirProductSort) GPOINTER_TO_INT (key))
    {
    case COMPTOIR_PRODUCT_SORT_NAME:
      return g_strcmp0 (comptoir_product_get_name (pa), comptoir_product_get_name (pb));
    case COMPTOIR_PRODUCT_SORT_CODE:
      return g_strcmp0 (comptoir_product_get_code (pa), comptoir_product_get_code (pb));
    case COMPTOIR_PRODUCT_SORT_CATEGORY:
      return g_strcmp0 (comptoir_product_get_category_name (pa), comptoir_product_get_category_name (pb));
    case COMPTOIR_PRODUCT_SORT_PRICE:
      return (comptoir_product_get_price_cents (pa) > comptoir_product_get_price_cents (pb)) -
             (comptoir_product_get_price_cents (pa) < comptoir_product_get_price_cents (pb));
    case COMPTOIR_PRODUCT_SORT_VAT:
      return comptoir_product_get_vat_bp (pa) - comptoir_product_get_vat_bp (pb);
    case COMPTOIR_PRODUCT_SORT_UNIT:
      return (int) comptoir_product_get_unit (pa) - (int) comptoir_product_get_unit (pb);
    case COMPTOIR_PRODUCT_SORT_ACTIVE:
      return comptoir_product_get_active (pa) - comptoir_product_get_active (pb);
    case COMPTOIR_N_PRODUCT_SORTS:
    default:
      g_assert_not_reached ();
    }
}

static void
make_probes (ComptoirProductsPage *self)
{
  self->probe_low = comptoir_product_new ();
  comptoir_product_set_name (self->probe_low, "a");
  comptoir_product_set_code (self->probe_low, "a");
  comptoir_product_set_category (self->probe_low, NULL, "a");
  comptoir_product_set_active (self->probe_low, FALSE);

  for (guint k = 0; k < COMPTOIR_N_PRODUCT_SORTS; k++)
    {
      ComptoirProduct *high = comptoir_product_copy (self->probe_low);

      switch ((ComptoirProductSort) k)
        {
        case COMPTOIR_PRODUCT_SORT_NAME: comptoir_product_set_name (high, "b"); break;
        case COMPTOIR_PRODUCT_SORT_CODE: comptoir_product_set_code (high, "b"); break;
        case COMPTOIR_PRODUCT_SORT_CATEGORY: comptoir_product_set_category (high, NULL, "b"); break;
        case COMPTOIR_PRODUCT_SORT_PRICE: comptoir_product_set_price_cents (high, 1); break;
        case COMPTOIR_PRODUCT_SORT_VAT: comptoir_product_set_vat_bp (high, 2100); break;
        case COMPTOIR_PRODUCT_SORT_UNIT: comptoir_product_set_unit (high, COMPTOIR_UNIT_KG); break;
        case COMPTOIR_PRODUCT_SORT_ACTIVE: comptoir_product_set_active (high, TRUE); break;
        case COMPTOIR_N_PRODUCT_SORTS:
        default: g_assert_not_reached ();
        }
      self->probe_high[k] = high;
    }
}

static void
run_query (ComptoirProductsPage *self)
{
  comptoir_product_list_query (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                               self->sort, self->descending);
}

/* The rows live in SQLite, so the database sorts them, not a
 * GtkSortListModel (which would build all 100,000 objects). GTK 4.8 has no
 * getter for the column the person clicked (it came in 4.10), so we ask the
 * view's sorter to compare probe products that differ in one key only: the
 * keys it does not find equal are the sorted ones. The view is then reset to
 * that single column so that at most two keys are ever in its chain. */
static void
on_sort_changed (ComptoirProductsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  ComptoirProductSort found[COMPTOIR_N_PRODUCT_SORTS];
  gboolean descending[COMPTOIR_N_PRODUCT_SORTS];
  guint n_found = 0, pick = 0;

  if (self->resetting_sort)
    return;

  for (guint k = 0; k < COMPTOIR_N_PRODUCT_SORTS; k++)
    {
      GtkOrdering order;

      if (self->columns[k] == NULL)
        continue;
      order = gtk_sorter_compare (sorter, self->probe_low, self->probe_high[k]);
      if (order == GTK_ORDERING_EQUAL)
        continue;
      found[n_found] = k;
      descending[n_found] = order == GTK_ORDERING_LARGER;
      n_found++;
    }

  g_debug ("Sort changed: %u sorted keys", n_found);
  if (n_found == 0)
    return;
  for (guint i = 0; i < n_found; i++)
    if (found[i] != self->sort)
      pick = i;

  if (n_found > 1)
    {
      self->resetting_sort = TRUE;
      gtk_column_view_sort_by_column (self->column_view, self->columns[found[pick]],
                                      descending[pick] ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      self->resetting_sort = FALSE;
    }

  if (found[pick] == self->sort && descending[pick] == self->descending)
    return;

  self->sort = found[pick];
  self->descending = descending[pick];
  g_debug ("Sorting by %s%s", sort_names[self->sort], self->descending ? ", descending" : "");
  g_settings_set_string (self->settings, "products-sort-column", sort_names[self->sort]);
  g_settings_set_boolean (self->settings, "products-sort-descending", self->descending);
  run_query (self);
}

static void
update_state (ComptoirProductsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  const char *text = comptoir_product_list_get_text (self->list);
  g_autofree char *count = NULL;

  if (comptoir_product_list_get_loading (self->list) && n == 0)
    return;

  if (*text == '\0')
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u product", "%'u products", n), n);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u found", "%'u found", n), n);
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->view_stack, "list");
      return;
    }

  if (*text == '\0')
    {
      adw_status_page_set_title (self->empty_page, _("No products yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Create one with New Product, or import a supplier file "
                                         "with “comptoir-cli product import”."));
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("No product matches “%s”"), text);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page,
                                       _("Check the spelling, or search by code or barcode."));
    }
  gtk_stack_set_visible_child_name (self->view_stack, "empty");
}

static void show_toast (ComptoirProductsPage *self,
                        const char           *message);

static void
on_query_failed (ComptoirProductsPage *self,
                 GError               *error)
{
  show_toast (self, error->message);
  g_warning ("Product query failed: %s", error->message);
}

static void
on_search_changed (ComptoirProductsPage *self)
{
  run_query (self);
}

static void
on_stop_search (ComptoirProductsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_product_saved (ComptoirProductsPage *self,
                  ComptoirProduct      *product,
                  gboolean              created)
{
  guint position = comptoir_product_list_refresh (self->list, product);
  g_autofree char *message = NULL;

  gtk_single_selection_set_selected (self->selection, position);
  if (created)
    {
      /* New products are put first: bring the top into view. */
      GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->column_view), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment, 0);
      message = g_strdup_printf (_("“%s” created"), comptoir_product_get_name (product));
    }
  else
    message = g_strdup_printf (_("“%s” saved"), comptoir_product_get_name (product));

  update_state (self);
  show_toast (self, message);
}

static GtkWidget *
open_editor (ComptoirProductsPage *self,
             ComptoirProduct      *product)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ComptoirProductEditor *editor;

  editor = comptoir_product_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->catalog, product);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_product_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WIDGET (editor);
}

GtkWidget *
comptoir_products_page_edit_product (ComptoirProductsPage *self,
                                     guint                 position)
{
  g_autoptr (ComptoirProduct) product = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (product == NULL)
    return NULL;
  return open_editor (self, product);
}

static void
on_row_activated (ComptoirProductsPage *self,
                  guint                 position)
{
  comptoir_products_page_edit_product (self, position);
}

/* Enter in the search field opens the product found, so a barcode
 * scanned into the search opens its product at once. */
static void
on_search_activate (ComptoirProductsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;
  comptoir_products_page_edit_product (self, position == GTK_INVALID_LIST_POSITION ? 0 : position);
}

static void
show_toast (ComptoirProductsPage *self,
            const char           *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void start_import (ComptoirProductsPage *self,
                          gboolean              dry_run);

static void
on_import_response (ComptoirProductsPage *self,
                    const char           *response)
{
  if (g_strcmp0 (response, "import") == 0)
    start_import (self, FALSE);
  else
    g_clear_object (&self->import_file);
}

static AdwMessageDialog *
import_dialog (ComptoirProductsPage *self,
               const char           *heading,
               const char           *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* The check shows what the file would do; only a clean file can be
 * imported, and only when the person says so. */
static void
on_import_checked (ComptoirProductsPage *self,
                   ComptoirImportReport *report)
{
  g_autofree char *details = comptoir_import_report_format_details (report);
  g_autofree char *name = g_file_get_basename (self->import_file);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (comptoir_import_report_get_n_rejected (report) > 0)
    {
      g_autofree char *body = g_strdup_printf ("%s\n%s", details,
                                               _("Nothing was imported. Fix these lines in the file, "
                                                 "save it as CSV and import it again."));
      heading = g_strdup_printf (_("“%s” has lines to fix"), name);
      dialog = import_dialog (self, heading, body);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      return;
    }

  if (comptoir_import_report_get_n_created (report) + comptoir_import_report_get_n_updated (report) == 0)
    {
      heading = g_strdup_printf (_("“%s” changes nothing"), name);
      dialog = import_dialog (self, heading, details);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      return;
    }

  heading = g_strdup_printf (_("Import “%s”?"), name);
  dialog = import_dialog (self, heading, details);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (ComptoirProductsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirImportReport) report =
    comptoir_product_import_file_finish (COMPTOIR_CATALOG (source), result, &error);

  gtk_widget_set_sensitive (self->import_button, TRUE);

  if (report == NULL)
    {
      g_autofree char *name = g_file_get_basename (self->import_file);
      g_autofree char *heading = g_strdup_printf (_("“%s” cannot be imported"), name);
      AdwMessageDialog *dialog = import_dialog (self, heading, error->message);

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      return;
    }

  if (comptoir_import_report_get_dry_run (report))
    {
      on_import_checked (self, report);
      return;
    }

  if (!comptoir_import_report_get_committed (report))
    {
      /* The file changed between the check and the import. */
      on_import_checked (self, report);
      return;
    }

  {
    g_autofree char *message =
      g_strdup_printf (_("Import done: %u created, %u updated"),
                       comptoir_import_report_get_n_created (report),
                       comptoir_import_report_get_n_updated (report));
    show_toast (self, message);
  }
  g_clear_object (&self->import_file);
  run_query (self);
}

static void
start_import (ComptoirProductsPage *self,
              gboolean              dry_run)
{
  gtk_widget_set_sensitive (self->import_button, FALSE);
  comptoir_product_import_file_async (self->catalog, self->import_file, dry_run, NULL,
                                      on_import_done, g_object_ref (self));
}

/* Checks file as a trial run first, then asks before writing anything. */
void
comptoir_products_page_import_file (ComptoirProductsPage *self,
                                    GFile                *file)
{
  g_return_if_fail (COMPTOIR_IS_PRODUCTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->import_file, file);
  start_import (self, TRUE);
}

static void
on_file_chosen (GtkNativeDialog      *chooser,
                int                   response,
                ComptoirProductsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      comptoir_products_page_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_import_clicked (ComptoirProductsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Products"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check File"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files (comma or semicolon)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
comptoir_products_page_dispose (GObject *object)
{
  ComptoirProductsPage *self = COMPTOIR_PRODUCTS_PAGE (object);

  /* Removing the columns on dispose changes the view's sorter. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_PRODUCTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->import_file);
  g_clear_object (&self->probe_low);
  for (guint k = 0; k < COMPTOIR_N_PRODUCT_SORTS; k++)
    g_clear_object (&self->probe_high[k]);

  G_OBJECT_CLASS (comptoir_products_page_parent_class)->dispose (object);
}

static void
comptoir_products_page_class_init (ComptoirProductsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = comptoir_products_page_dispose;

  g_type_ensure (COMPTOIR_TYPE_PRODUCT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-products-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, box);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, code_column);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, category_column);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, unit_column);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, price_column);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, vat_column);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductsPage, active_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
}

static void
comptoir_products_page_init (ComptoirProductsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->columns[COMPTOIR_PRODUCT_SORT_NAME] = self->name_column;
  self->columns[COMPTOIR_PRODUCT_SORT_CODE] = self->code_column;
  self->columns[COMPTOIR_PRODUCT_SORT_PRICE] = self->price_column;
  self->columns[COMPTOIR_PRODUCT_SORT_VAT] = self->vat_column;
  self->columns[COMPTOIR_PRODUCT_SORT_CATEGORY] = self->category_column;
  self->columns[COMPTOIR_PRODUCT_SORT_UNIT] = self->unit_column;
  self->columns[COMPTOIR_PRODUCT_SORT_ACTIVE] = self->active_column;

  for (guint k = 0; k < COMPTOIR_N_PRODUCT_SORTS; k++)
    {
      g_autoptr (GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_by_key, GINT_TO_POINTER (k), NULL);
      gtk_column_view_column_set_sorter (self->columns[k], GTK_SORTER (sorter));
    }
  make_probes (self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/* The list is made here rather than in init because it needs the shop. */
void
comptoir_products_page_set_catalog (ComptoirProductsPage *self,
                                    ComptoirCatalog      *catalog)
{
  g_autofree char *sort_name = NULL;

  g_return_if_fail (COMPTOIR_IS_PRODUCTS_PAGE (self));
  g_return_if_fail (self->catalog == NULL);

  self->catalog = g_object_ref (catalog);
  self->list = comptoir_product_list_new (catalog);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->list, "notify::n-items", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->list, "query-failed", G_CALLBACK (on_query_failed), self);

  sort_name = g_settings_get_string (self->settings, "products-sort-column");
  for (guint k = 0; k < COMPTOIR_N_PRODUCT_SORTS; k++)
    if (g_str_equal (sort_name, sort_names[k]))
      self->sort = k;
  self->descending = g_settings_get_boolean (self->settings, "products-sort-descending");

  self->resetting_sort = TRUE;
  gtk_column_view_sort_by_column (self->column_view, self->columns[self->sort],
                                  self->descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->resetting_sort = FALSE;
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sort_changed), self);

  run_query (self);
}

ComptoirProductList *
comptoir_products_page_get_list (ComptoirProductsPage *self)
{
  return self->list;
}

void
comptoir_products_page_focus_search (ComptoirProductsPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
comptoir_products_page_new_product (ComptoirProductsPage *self)
{
  open_editor (self, NULL);
}
