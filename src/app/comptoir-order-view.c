/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-suppliers-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comptoir-suppliers-page-private.h"

/* One purchase order: its lines with the packs a person may still
 * change while it is a draft, what to tell them before sending (under
 * the supplier's minimum, short of the franco, lines without a price),
 * and what is done to it: marked sent, exported as CSV, cancelled.
 * Every change goes through the core and the order is read again. */

enum {
  COL_REF,
  COL_NAME,
  COL_PACKS,
  COL_UNITS,
  COL_PRICE,
  COL_TOTAL,
  N_ORDER_COLUMNS
};

static void
order_row_clear (gpointer data)
{
  OrderRow *row = data;

  g_free (row->supplier_product_id);
}

static void
clear_warnings (ComptoirSuppliersPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->order_warnings))) != NULL)
    gtk_box_remove (self->order_warnings, child);
}

void
_comptoir_suppliers_page_init_order (ComptoirSuppliersPage *self)
{
  self->order_rows = g_array_new (FALSE, TRUE, sizeof (OrderRow));
  g_array_set_clear_func (self->order_rows, order_row_clear);
}

void
_comptoir_suppliers_page_clear_order (ComptoirSuppliersPage *self)
{
  /* The grid and the warnings go before the rows that point into them. */
  GtkWidget *child;

  while (self->order_grid != NULL && (child = gtk_widget_get_first_child (GTK_WIDGET (self->order_grid))) != NULL)
    gtk_grid_remove (self->order_grid, child);
  if (self->order_warnings != NULL)
    clear_warnings (self);
  if (self->order_rows != NULL)
    g_array_set_size (self->order_rows, 0);
  comptoir_purchase_order_clear (&self->order);
  memset (&self->order, 0, sizeof self->order);
}

void
_comptoir_suppliers_page_update_order_actions (ComptoirSuppliersPage *self)
{
  gboolean shown = self->order.id != NULL && self->order.lines != NULL;
  ComptoirPurchaseOrderStatus status = self->order.status;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.back", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.export", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.send", shown && status == COMPTOIR_PURCHASE_ORDER_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.cancel",
                                 shown && (status == COMPTOIR_PURCHASE_ORDER_DRAFT ||
                                           status == COMPTOIR_PURCHASE_ORDER_SENT));
}

static const ComptoirPurchaseOrderLine *
find_line (ComptoirSuppliersPage *self,
           const char            *supplier_product_id)
{
  for (guint i = 0; i < self->order.lines->len; i++)
    {
      const ComptoirPurchaseOrderLine *line = &g_array_index (self->order.lines, ComptoirPurchaseOrderLine, i);

      if (g_strcmp0 (line->supplier_product_id, supplier_product_id) == 0)
        return line;
    }
  return NULL;
}

/* The parts of a line that follow its packs. */
static void
show_line_amounts (OrderRow                        *row,
                   const ComptoirPurchaseOrderLine *line)
{
  g_autofree char *units = _comptoir_suppliers_format_quantity (line->unit, line->quantity_milli);
  g_autofree char *total = line->price_cents >= 0
                           ? _comptoir_suppliers_format_euros (comptoir_money_mul_milli (line->price_cents,
                                                                                         line->quantity_milli))
                           : g_strdup (_("no price"));

  gtk_label_set_text (row->units, units);
  gtk_label_set_text (row->total, total);
  /* A line taken off stays, dimmed, beside what the suggestion said. */
  if (line->packs > 0)
    gtk_widget_remove_css_class (row->name, "dim-label");
  else
    gtk_widget_add_css_class (row->name, "dim-label");
}

static void
show_warnings_and_total (ComptoirSuppliersPage *self)
{
  g_auto (GStrv) warnings = comptoir_purchase_order_check (&self->order);
  g_autofree char *total = _comptoir_suppliers_format_euros (self->order.total_cents);
  g_autofree char *text = NULL;

  clear_warnings (self);
  /* Only a draft can still be put right: a sent order's warnings would
   * be about what nobody can change any more. */
  for (guint i = 0; self->order.status == COMPTOIR_PURCHASE_ORDER_DRAFT && warnings[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (warnings[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "order-warning");
      gtk_box_append (self->order_warnings, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->order_warnings),
                          gtk_widget_get_first_child (GTK_WIDGET (self->order_warnings)) != NULL);
  /* Translators: at the foot of an order */
  text = g_strdup_printf (_("Total excl. VAT: %s"), total);
  gtk_label_set_text (self->order_total, text);
}

static void on_packs_changed (GtkSpinButton         *spin,
                              ComptoirSuppliersPage *self);

static void
attach_line (ComptoirSuppliersPage           *self,
             const ComptoirPurchaseOrderLine *line,
             int                              y)
{
  gboolean draft = self->order.status == COMPTOIR_PURCHASE_ORDER_DRAFT;
  g_autofree char *price = line->price_cents >= 0 ? _comptoir_suppliers_format_euros (line->price_cents)
                                                  : g_strdup (_("no price"));
  GtkWidget *name = _comptoir_suppliers_cell_new (line->label, 0);
  GtkWidget *units = _comptoir_suppliers_cell_new (NULL, 1);
  GtkWidget *total = _comptoir_suppliers_cell_new (NULL, 1);
  GtkWidget *packs;
  OrderRow row = { 0 };

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  /* Why the suggestion said what it said, for whoever wonders. */
  if (line->explanation != NULL)
    gtk_widget_set_tooltip_text (name, line->explanation);
  if (draft)
    {
      g_autofree char *accessible = g_strdup_printf (_("Packs of %s"), line->label);

      packs = gtk_spin_button_new_with_range (0, 99999, 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (packs), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (packs), (double) line->packs);
      gtk_accessible_update_property (GTK_ACCESSIBLE (packs), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_widget_set_halign (packs, GTK_ALIGN_END);
      g_object_set_data_full (G_OBJECT (packs), "supplier-product-id", g_strdup (line->supplier_product_id), g_free);
      g_signal_connect (packs, "value-changed", G_CALLBACK (on_packs_changed), self);
      row.packs = GTK_SPIN_BUTTON (packs);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, line->packs);

      packs = _comptoir_suppliers_cell_new (text, 1);
    }
  row.supplier_product_id = g_strdup (line->supplier_product_id);
  row.units = GTK_LABEL (units);
  row.total = GTK_LABEL (total);
  row.name = name;
  gtk_grid_attach (self->order_grid, _comptoir_suppliers_cell_new (line->supplier_ref, 0), COL_REF, y, 1, 1);
  gtk_grid_attach (self->order_grid, name, COL_NAME, y, 1, 1);
  gtk_grid_attach (self->order_grid, packs, COL_PACKS, y, 1, 1);
  gtk_grid_attach (self->order_grid, units, COL_UNITS, y, 1, 1);
  gtk_grid_attach (self->order_grid, _comptoir_suppliers_cell_new (price, 1), COL_PRICE, y, 1, 1);
  gtk_grid_attach (self->order_grid, total, COL_TOTAL, y, 1, 1);
  show_line_amounts (&row, line);
  g_array_append_val (self->order_rows, row);
}

static void
fill_order (ComptoirSuppliersPage *self)
{
  static const char *header[N_ORDER_COLUMNS] = {
    [COL_REF] = N_("Reference"),
    [COL_NAME] = N_("Product"),
    [COL_PACKS] = N_("Packs"),
    [COL_UNITS] = N_("Units"),
    [COL_PRICE] = N_("Unit price excl. VAT"),
    [COL_TOTAL] = N_("Total excl. VAT"),
  };
  const ComptoirPurchaseOrder *order = &self->order;
  g_autofree char *title = g_strdup_printf (_("Order %s"), order->number);
  g_autofree char *created = _comptoir_suppliers_format_time (order->created_at);
  g_autoptr (GString) dates = g_string_new (NULL);

  gtk_label_set_text (self->order_title, title);
  gtk_label_set_text (self->order_status, comptoir_purchase_order_status_get_label (order->status));
  for (guint s = COMPTOIR_PURCHASE_ORDER_DRAFT; s <= COMPTOIR_PURCHASE_ORDER_CANCELLED; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->order_status), comptoir_purchase_order_status_to_string (s));
  gtk_widget_add_css_class (GTK_WIDGET (self->order_status), comptoir_purchase_order_status_to_string (order->status));

  /* Translators: under an order's number: its supplier and when it was made */
  g_string_printf (dates, _("%s · created %s"), order->supplier_name, created);
  if (order->sent_at != NULL)
    {
      g_autofree char *sent = _comptoir_suppliers_format_time (order->sent_at);
      g_autofree char *expected = _comptoir_suppliers_format_day (order->expected_on);

      /* Translators: continues "created …": when the order was sent and is expected */
      g_string_append_printf (dates, _(" · sent %s · expected on %s"), sent, expected);
    }
  gtk_label_set_text (self->order_dates, dates->str);

  for (int c = 0; c < N_ORDER_COLUMNS; c++)
    {
      GtkWidget *cell = _comptoir_suppliers_cell_new (_(header[c]), c <= COL_NAME ? 0 : 1);

      gtk_widget_add_css_class (cell, "caption-heading");
      gtk_widget_add_css_class (cell, "dim-label");
      gtk_grid_attach (self->order_grid, cell, c, 0, 1, 1);
    }
  self->order_filling = TRUE;
  for (guint i = 0; i < order->lines->len; i++)
    attach_line (self, &g_array_index (order->lines, ComptoirPurchaseOrderLine, i), (int) i + 1);
  self->order_filling = FALSE;
  show_warnings_and_total (self);
}

gboolean
_comptoir_suppliers_page_load_order (ComptoirSuppliersPage *self,
                                     GError               **error)
{
  g_autofree char *id = g_strdup (self->order.id);

  _comptoir_suppliers_page_clear_order (self);
  if (!comptoir_purchase_order_load (self->db, id, &self->order, error))
    {
      memset (&self->order, 0, sizeof self->order);
      return FALSE;
    }
  fill_order (self);
  _comptoir_suppliers_page_update_order_actions (self);
  return TRUE;
}

/* The core sets the packs and the order is read again; only what
 * follows from the packs is updated, so that the spin button being
 * used keeps the focus. */
static void
on_packs_changed (GtkSpinButton         *spin,
                  ComptoirSuppliersPage *self)
{
  const char *supplier_product_id = g_object_get_data (G_OBJECT (spin), "supplier-product-id");
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autoptr (GError) error = NULL;
  const ComptoirPurchaseOrderLine *line;

  if (self->order_filling)
    return;
  if (!comptoir_purchase_order_set_line (self->db, self->order.id, supplier_product_id,
                                         gtk_spin_button_get_value_as_int (spin), &error) ||
      !comptoir_purchase_order_load (self->db, self->order.id, &order, &error))
    {
      /* Sent meanwhile from another machine, say: the order as it is. */
      g_autofree char *order_id = g_strdup (self->order.id);

      _comptoir_suppliers_page_show_message (self, error->message);
      g_clear_error (&error);
      comptoir_suppliers_page_show_order (self, order_id);
      return;
    }
  comptoir_purchase_order_clear (&self->order);
  self->order = order;
  memset (&order, 0, sizeof order);
  for (guint i = 0; i < self->order_rows->len; i++)
    {
      OrderRow *row = &g_array_index (self->order_rows, OrderRow, i);

      if ((line = find_line (self, row->supplier_product_id)) != NULL)
        show_line_amounts (row, line);
    }
  show_warnings_and_total (self);
}

/* Actions ------------------------------------------------------------------ */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ComptoirSuppliersPage *self = COMPTOIR_SUPPLIERS_PAGE (widget);

  _comptoir_suppliers_page_clear_order (self);
  _comptoir_suppliers_page_update_order_actions (self);
  _comptoir_suppliers_page_fill_orders (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "supplier");
  adw_view_stack_set_visible_child_name (self->view_stack, "orders");
}

/* After a change of status: the order and the list read again. */
static void
done (ComptoirSuppliersPage *self,
      const char            *message)
{
  g_autofree char *order_id = g_strdup (self->order.id);

  comptoir_suppliers_page_show_order (self, order_id);
  _comptoir_suppliers_page_fill_orders (self);
  if (message != NULL)
    _comptoir_suppliers_page_show_message (self, message);
}

static void
send_order (ComptoirSuppliersPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;

  if (!comptoir_purchase_order_send (self->db, self->order.id, NULL, &error))
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      return;
    }
  done (self, NULL);
  expected = _comptoir_suppliers_format_day (self->order.expected_on);
  /* Translators: said once an order is marked sent: its number, its delivery day */
  message = g_strdup_printf (_("Order %s marked as sent: expected on %s"), self->order.number, expected);
  _comptoir_suppliers_page_show_message (self, message);
}

static void
on_send_response (ComptoirSuppliersPage *self,
                  const char            *response)
{
  if (g_strcmp0 (response, "send") == 0 && self->order.id != NULL)
    send_order (self);
}

/* What the check finds (under the minimum, short of the franco) is
 * asked about once more before the order leaves: the supplier may
 * refuse it, or charge the delivery. */
static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ComptoirSuppliersPage *self = COMPTOIR_SUPPLIERS_PAGE (widget);
  g_auto (GStrv) warnings = comptoir_purchase_order_check (&self->order);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (warnings[0] == NULL)
    {
      send_order (self);
      return;
    }
  heading = g_strdup_printf (_("Mark Order %s as Sent?"), self->order.number);
  body = g_strjoinv ("\n\n", warnings);
  dialog = adw_message_dialog_new (_comptoir_suppliers_page_get_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"),
                                    "send", _("_Mark as Sent"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_send_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_cancel_response (ComptoirSuppliersPage *self,
                    const char            *response)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "cancel-order") != 0 || self->order.id == NULL)
    return;
  if (!comptoir_purchase_order_set_status (self->db, self->order.id, COMPTOIR_PURCHASE_ORDER_CANCELLED, &error))
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Order %s cancelled"), self->order.number);
  done (self, message);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ComptoirSuppliersPage *self = COMPTOIR_SUPPLIERS_PAGE (widget);
  g_autofree char *heading = g_strdup_printf (_("Cancel Order %s?"), self->order.number);
  const char *body = self->order.status == COMPTOIR_PURCHASE_ORDER_SENT
                     ? _("The order was sent: tell the supplier too. It stays in the list, marked cancelled, and "
                         "is no longer expected.")
                     : _("It stays in the list, marked cancelled.");
  GtkWidget *dialog = adw_message_dialog_new (_comptoir_suppliers_page_get_window (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Order"),
                                    "cancel-order", _("_Cancel Order"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-order",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
comptoir_suppliers_page_export_order (ComptoirSuppliersPage *self,
                                      GFile                 *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (COMPTOIR_IS_SUPPLIERS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->order.id != NULL);

  if (!comptoir_purchase_order_export_csv (self->db, self->order.id, file, &error))
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      return;
    }
  name = g_file_get_basename (file);
  /* Translators: said once an order is exported: its number, the file's name */
  message = g_strdup_printf (_("Order %s saved as “%s”"), self->order.number, name);
  _comptoir_suppliers_page_show_message (self, message);
}

static void
on_export_chosen (GtkNativeDialog       *chooser,
                  int                    response,
                  ComptoirSuppliersPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->order.id != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        comptoir_suppliers_page_export_order (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ComptoirSuppliersPage *self = COMPTOIR_SUPPLIERS_PAGE (widget);
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  /* Translators: the file an order is saved to: "C-0042 Le Relais Vert.csv" */
  g_autofree char *name = g_strdup_printf (_("%s %s.csv"), self->order.number, self->order.supplier_name);
  GtkFileChooserNative *chooser;

  /* A supplier's name may hold a slash, which no file name can. */
  g_strdelimit (name, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_("Export the Order"), _comptoir_suppliers_page_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_comptoir_suppliers_page_class_add_order_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "order.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "order.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "order.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "order.export", NULL, export_action);
}
