/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-stock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-stock-page-private.h"
#include "comptoir-stock-table.h"

/* Levels: one product's stock. It is found the way people have it in
 * hand: scanned (the search field need not have the focus), its code
 * or barcode typed then Enter, or its name searched. What is shown is
 * read again whenever the view is shown, as the tills sell meanwhile. */

#define MAX_RESULTS   50
#define N_MOVEMENTS   20

/* Search ---------------------------------------------------------------------- */

static void
clear_results (ComptoirStockPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static GtkWidget *
result_row_new (ComptoirProduct *product)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), comptoir_product_get_name (product));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), comptoir_product_get_code (product));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "product-id", g_strdup (comptoir_product_get_id (product)), g_free);
  return row;
}

/* Marks the row of the product shown, if the results have it. */
static void
select_shown (ComptoirStockPage *self)
{
  const char *shown = self->product != NULL ? comptoir_product_get_id (self->product) : NULL;

  gtk_list_box_unselect_all (self->results_list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "product-id"), shown) == 0)
      gtk_list_box_select_row (self->results_list, GTK_LIST_BOX_ROW (row));
}

static void
fill_results (ComptoirStockPage *self,
              GArray            *rowids)
{
  clear_results (self);
  for (guint i = 0; i < rowids->len && i < MAX_RESULTS; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ComptoirProduct) product = comptoir_catalog_get_by_rowid (self->catalog,
                                                                          g_array_index (rowids, gint64, i), &error);

      if (product != NULL)
        gtk_list_box_append (self->results_list, result_row_new (product));
    }
  select_shown (self);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (ComptoirStockPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rowids = comptoir_catalog_search_finish (COMPTOIR_CATALOG (source), result, &error);

  /* A newer search (or the page going away) cancelled this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rowids == NULL)
    {
      _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  fill_results (self, rowids);
}

static void
on_search_changed (ComptoirStockPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (self->catalog == NULL || *text == '\0')
    {
      clear_results (self);
      return;
    }
  self->search_cancellable = g_cancellable_new ();
  comptoir_catalog_search_async (self->catalog, text, COMPTOIR_PRODUCT_SORT_NAME, FALSE, self->search_cancellable,
                                 on_search_done, g_object_ref (self));
}

static void
on_stop_search (ComptoirStockPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
show_product (ComptoirStockPage *self,
              ComptoirProduct   *product)
{
  g_set_object (&self->product, product);
  _comptoir_stock_levels_refresh (self);
  select_shown (self);
}

/* Enter: the code or barcode typed, else the first product whose name
 * matches (the search may not have answered yet). */
static void
on_search_activate (ComptoirStockPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) search_error = NULL;
  g_autoptr (GArray) rowids = NULL;
  g_autoptr (ComptoirProduct) first = NULL;

  if (self->catalog == NULL || *text == '\0')
    return;
  if (comptoir_stock_page_show_code (self, text, &error))
    return;
  rowids = comptoir_catalog_search (self->catalog, text, COMPTOIR_PRODUCT_SORT_NAME, FALSE, &search_error);
  if (rowids != NULL && rowids->len > 0)
    first = comptoir_catalog_get_by_rowid (self->catalog, g_array_index (rowids, gint64, 0), NULL);
  if (first == NULL)
    {
      _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  fill_results (self, rowids);
  show_product (self, first);
}

static void
on_result_activated (ComptoirStockPage *self,
                     GtkListBoxRow     *row)
{
  comptoir_stock_page_show_product (self, g_object_get_data (G_OBJECT (row), "product-id"));
}

gboolean
comptoir_stock_page_show_code (ComptoirStockPage  *self,
                               const char         *code,
                               GError            **error)
{
  g_auto (ComptoirScan) scan = { 0 };

  g_return_val_if_fail (COMPTOIR_IS_STOCK_PAGE (self), FALSE);
  g_return_val_if_fail (self->catalog != NULL, FALSE);

  if (!comptoir_scan_resolve (self->catalog, self->rules, code, &scan, error))
    return FALSE;
  if (scan.product == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("%s is a member's card, not a product: scan the product."), code);
      return FALSE;
    }
  show_product (self, scan.product);
  return TRUE;
}

void
comptoir_stock_page_show_product (ComptoirStockPage *self,
                                  const char        *product_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = NULL;

  g_return_if_fail (COMPTOIR_IS_STOCK_PAGE (self));

  product = comptoir_catalog_get_by_id (self->catalog, product_id, &error);
  if (product == NULL)
    {
      _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  show_product (self, product);
}

const char *
comptoir_stock_page_get_product_id (ComptoirStockPage *self)
{
  g_return_val_if_fail (COMPTOIR_IS_STOCK_PAGE (self), NULL);

  return self->product != NULL ? comptoir_product_get_id (self->product) : NULL;
}

void
_comptoir_stock_levels_scan (ComptoirStockPage *self,
                             const char        *code)
{
  g_autoptr (GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = GTK_IS_WINDOW (root) ? gtk_window_get_focus (GTK_WINDOW (root)) : NULL;

  gboolean in_minimum = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->minimum_row));

  if (self->catalog == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), code);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* The burst went to the field that had the focus: the minimum must
   * not be left emptied. */
  if (in_minimum)
    _comptoir_stock_levels_refresh (self);
  if (!comptoir_stock_page_show_code (self, code, &error))
    {
      comptoir_scan_sounds_play (self->sounds, GTK_WIDGET (self), COMPTOIR_SCAN_SOUND_ERROR);
      _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  comptoir_scan_sounds_play (self->sounds, GTK_WIDGET (self), COMPTOIR_SCAN_SOUND_OK);
}

/* The product ------------------------------------------------------------------ */

static char *
subtitle_of (ComptoirProduct *product)
{
  const char * const *barcodes = comptoir_product_get_barcodes (product);
  const char *category = comptoir_product_get_category_name (product);
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  g_ptr_array_add (parts, (gpointer) comptoir_product_get_code (product));
  if (barcodes != NULL && barcodes[0] != NULL)
    g_ptr_array_add (parts, (gpointer) barcodes[0]);
  if (category != NULL && *category != '\0')
    g_ptr_array_add (parts, (gpointer) category);
  /* "per kg": how the quantities below are counted. */
  g_ptr_array_add (parts, (gpointer) comptoir_unit_get_label (comptoir_product_get_unit (product)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_movements (ComptoirStockPage *self,
                ComptoirUnit       unit,
                GPtrArray         *movements)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < movements->len; i++)
    {
      const ComptoirStockMovement *m = g_ptr_array_index (movements, i);
      char **cells = g_new0 (char *, 6);

      cells[0] = _comptoir_stock_format_at (m->at);
      cells[1] = g_strdup (comptoir_stock_reason_get_label (m->reason));
      cells[2] = _comptoir_stock_format_quantity (unit, m->quantity_milli, TRUE);
      cells[3] = m->unit_cost_cents >= 0 ? _comptoir_stock_format_money (m->unit_cost_cents) : g_strdup ("—");
      cells[4] = g_strdup (m->note != NULL ? m->note : "");
      g_ptr_array_add (rows, comptoir_stock_row_new (m->id, NULL, cells));
    }
  comptoir_stock_table_set_rows (self->movements_table, rows);
  gtk_widget_set_visible (GTK_WIDGET (self->movements_table), movements->len > 0);
  gtk_widget_set_visible (self->no_movements_label, movements->len == 0);
}

void
_comptoir_stock_levels_refresh (ComptoirStockPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = NULL;
  g_autoptr (GPtrArray) movements = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *value = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *last_in = NULL;
  g_autofree char *last_out = NULL;
  g_autofree char *minimum_text = NULL;
  g_autofree char *cost_caption = NULL;
  ComptoirStock stock;
  ComptoirUnit unit;
  gint64 minimum = -1;

  if (self->product == NULL || self->catalog == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  /* Read again: its name may have changed, or another machine may have
   * made it inactive. */
  product = comptoir_catalog_get_by_id (self->catalog, comptoir_product_get_id (self->product), &error);
  if (product == NULL || !comptoir_stock_get (self->db, comptoir_product_get_id (product), &stock, &error) ||
      !comptoir_stock_get_minimum (self->db, comptoir_product_get_id (product), &minimum, &error) ||
      (movements = comptoir_stock_list_movements (self->db, comptoir_product_get_id (product), N_MOVEMENTS,
                                                  &error)) == NULL)
    {
      _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  g_set_object (&self->product, product);
  unit = comptoir_product_get_unit (product);

  gtk_label_set_label (self->product_name, comptoir_product_get_name (product));
  subtitle = subtitle_of (product);
  gtk_label_set_label (self->product_subtitle, subtitle);
  quantity = _comptoir_stock_format_quantity (unit, stock.quantity_milli, FALSE);
  gtk_label_set_label (self->quantity_label, quantity);
  gtk_widget_set_visible (GTK_WIDGET (self->negative_label), stock.negative);
  if (stock.negative)
    gtk_widget_add_css_class (GTK_WIDGET (self->quantity_label), "stock-negative");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->quantity_label), "stock-negative");
  if (stock.average_cost_cents >= 0)
    {
      value = _comptoir_stock_format_money (stock.value_cents);
      cost = _comptoir_stock_format_money (stock.average_cost_cents);
    }
  else
    {
      value = g_strdup (_("Unknown"));
      cost = g_strdup (_("No purchase cost yet"));
    }
  gtk_label_set_label (self->value_label, value);
  gtk_label_set_label (self->cost_label, cost);
  /* Translators: "Average Cost per piece", "Average Cost per kg" */
  cost_caption = g_strdup_printf (_("Average Cost %s"), comptoir_unit_get_label (unit));
  gtk_label_set_label (self->cost_caption, cost_caption);
  last_in = _comptoir_stock_format_at (stock.last_in);
  last_out = _comptoir_stock_format_at (stock.last_out);
  gtk_label_set_label (self->last_in_label, last_in);
  gtk_label_set_label (self->last_out_label, last_out);
  minimum_text = minimum >= 0 ? _comptoir_stock_format_quantity (unit, minimum, FALSE) : g_strdup ("");
  /* Setting the same text again would show the row's apply button. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->minimum_row)), minimum_text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->minimum_row), minimum_text);
  show_movements (self, unit, movements);
  gtk_stack_set_visible_child_name (self->detail_stack, "product");
}

/* Empty: no minimum. Otherwise a quantity as typed for the product. */
static void
on_minimum_apply (ComptoirStockPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->minimum_row))));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  ComptoirUnit unit;
  gint64 minimum = -1;

  if (self->product == NULL)
    return;
  unit = comptoir_product_get_unit (self->product);
  if ((*text != '\0' && !comptoir_stock_quantity_parse (unit, text, FALSE, &minimum, &error)) ||
      !comptoir_stock_set_minimum (self->db, comptoir_product_get_id (self->product), minimum, &error))
    {
      _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  if (minimum >= 0)
    {
      g_autofree char *quantity = _comptoir_stock_format_quantity (unit, minimum, FALSE);

      /* Translators: "Minimum stock of Pâtes penne 500 g: 12" */
      message = g_strdup_printf (_("Minimum stock of %s: %s"), comptoir_product_get_name (self->product), quantity);
    }
  else
    message = g_strdup_printf (_("%s has no minimum stock any more"), comptoir_product_get_name (self->product));
  _comptoir_stock_page_show_message (GTK_WIDGET (self), message);
  /* Back to the scan field, which a scanner needs; the row shows the
   * minimum as it is now written without offering to apply it again. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  _comptoir_stock_levels_refresh (self);
}

static void
on_loss_clicked (ComptoirStockPage *self)
{
  _comptoir_stock_ask_loss (self);
}

static void
on_correct_clicked (ComptoirStockPage *self)
{
  _comptoir_stock_ask_correct (self);
}

static void
on_transfer_clicked (ComptoirStockPage *self)
{
  _comptoir_stock_ask_transfer (self);
}

void
_comptoir_stock_levels_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, product_name);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, product_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, negative_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, quantity_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, value_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, cost_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, cost_caption);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, last_in_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, last_out_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, minimum_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, movements_box);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, no_movements_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_minimum_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_loss_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_correct_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_transfer_clicked);
}

void
_comptoir_stock_levels_init (ComptoirStockPage *self)
{
  const ComptoirStockColumn columns[] = {
    { _("Day"), 150, FALSE, "numeric" },
    { _("Movement"), 150, FALSE, NULL },
    { _("Quantity"), 100, TRUE, NULL },
    /* Translators: a movement's purchase price excluding VAT, per unit */
    { _("Unit Cost"), 100, TRUE, NULL },
    { _("Note"), -1, FALSE, NULL },
  };

  self->movements_table = comptoir_stock_table_new (columns, G_N_ELEMENTS (columns), _("Last movements"));
  gtk_box_append (GTK_BOX (self->movements_box), GTK_WIDGET (self->movements_table));
}

void
_comptoir_stock_levels_dispose (ComptoirStockPage *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
}
