/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-suppliers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-suppliers-page-private.h"

/* A new order from the core's suggestion: each catalogue line linked to
 * one of our products, with the sentence saying why that many packs
 * (sales of the last weeks, stock, what is on order, days to cover),
 * and the packs in a spin button the person changes as they see fit.
 * The order is created with what the person set beside what the
 * suggestion said, so that both stay on the order's lines.
 *
 * A window rather than a message dialog: a supplier of a few hundred
 * references gives as many lines to read and amend. */

/* As the command line suggests by default: two months of sales smooth
 * out a slow week without missing a change of season. */
#define DEFAULT_WEEKS 8

typedef struct {
  ComptoirSuppliersPage *page;          /* weak */
  char                  *supplier_id;
  GPtrArray             *suggestions;   /* ComptoirOrderSuggestion* */
  GPtrArray             *spins;         /* GtkSpinButton*, one per suggestion */
  AdwPreferencesGroup   *group;
  GPtrArray             *rows;          /* in group, taken away on a new suggestion */
  GtkSpinButton         *weeks;
  GtkLabel              *total;
  GtkRevealer           *error_revealer;
  GtkLabel              *error_label;
  GtkWidget             *create_button;
} Suggest;

static void
suggest_free (Suggest *suggest)
{
  g_clear_weak_pointer (&suggest->page);
  g_free (suggest->supplier_id);
  g_clear_pointer (&suggest->suggestions, g_ptr_array_unref);
  g_ptr_array_unref (suggest->spins);
  g_ptr_array_unref (suggest->rows);
  g_free (suggest);
}

static void
show_error (Suggest    *suggest,
            const char *message)
{
  gtk_label_set_label (suggest->error_label, message);
  gtk_revealer_set_reveal_child (suggest->error_revealer, TRUE);
}

/* What the order would come to as the packs stand; the order's own
 * total, once created, is the core's. */
static void
update_total (Suggest *suggest)
{
  gint64 total = 0;
  guint n_lines = 0;
  g_autofree char *euros = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < suggest->spins->len; i++)
    {
      const ComptoirOrderSuggestion *suggestion = g_ptr_array_index (suggest->suggestions, i);
      gint64 packs = gtk_spin_button_get_value_as_int (g_ptr_array_index (suggest->spins, i));

      if (packs <= 0)
        continue;
      n_lines++;
      if (suggestion->price_cents >= 0)
        total += comptoir_money_mul_milli (suggestion->price_cents, packs * suggestion->pack_milli);
    }
  euros = _comptoir_suppliers_format_euros (total);
  /* Translators: at the foot of the suggestion: lines ordered, their total */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line to order, %s excl. VAT",
                                       "%u lines to order, %s excl. VAT", n_lines),
                          n_lines, euros);
  gtk_label_set_text (suggest->total, text);
  gtk_widget_set_sensitive (suggest->create_button, n_lines > 0);
}

static GtkWidget *
suggestion_row_new (Suggest                       *suggest,
                    const ComptoirOrderSuggestion *suggestion)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *ref = gtk_label_new (suggestion->supplier_ref);
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 9999, 1);
  g_autofree char *size = _comptoir_suppliers_format_quantity (suggestion->unit, suggestion->pack_milli);
  /* Translators: after the packs to order: "cases of 6", "cases of 5 kg" */
  g_autofree char *pack_text = g_strdup_printf (_("× %s"), size);
  GtkWidget *pack = gtk_label_new (pack_text);
  g_autofree char *accessible = g_strdup_printf (_("Packs of %s to order"), suggestion->name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), suggestion->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), suggestion->explanation);
  /* The explanation is the point: read whole, never ellipsized. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (ref, "dim-label");
  gtk_widget_add_css_class (ref, "caption");
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) suggestion->packs);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_label_set_width_chars (GTK_LABEL (pack), 7);
  gtk_label_set_xalign (GTK_LABEL (pack), 0);
  gtk_widget_add_css_class (pack, "dim-label");
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (update_total), suggest);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), ref);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pack);
  g_ptr_array_add (suggest->spins, spin);
  return row;
}

/* Asks the core again, for the weeks of sales chosen; what the person
 * changed is replaced by the new suggestion. FALSE when it cannot. */
static gboolean
fill (Suggest  *suggest,
      GError  **error)
{
  ComptoirSuppliersPage *page = suggest->page;
  g_autoptr (GPtrArray) suggestions = NULL;
  guint weeks = (guint) gtk_spin_button_get_value_as_int (suggest->weeks);

  if (page == NULL || !comptoir_purchase_order_suggest (page->db, suggest->supplier_id, weeks, NULL,
                                                        &suggestions, error))
    return FALSE;
  for (guint i = 0; i < suggest->rows->len; i++)
    adw_preferences_group_remove (suggest->group, g_ptr_array_index (suggest->rows, i));
  g_ptr_array_set_size (suggest->rows, 0);
  g_ptr_array_set_size (suggest->spins, 0);
  g_clear_pointer (&suggest->suggestions, g_ptr_array_unref);
  suggest->suggestions = g_steal_pointer (&suggestions);
  for (guint i = 0; i < suggest->suggestions->len; i++)
    {
      GtkWidget *row = suggestion_row_new (suggest, g_ptr_array_index (suggest->suggestions, i));

      adw_preferences_group_add (suggest->group, row);
      g_ptr_array_add (suggest->rows, row);
    }
  update_total (suggest);
  return TRUE;
}

static void
on_weeks_changed (Suggest *suggest)
{
  g_autoptr (GError) error = NULL;

  if (!fill (suggest, &error) && error != NULL)
    show_error (suggest, error->message);
}

static void
on_create_clicked (GtkWidget *window)
{
  Suggest *suggest = g_object_get_data (G_OBJECT (window), "suggest");
  ComptoirSuppliersPage *page = suggest->page;
  g_autoptr (GError) error = NULL;
  g_autofree char *order_id = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autofree char *message = NULL;

  if (page == NULL)
    return;
  /* The packs the person set go on the order; quantity_milli stays what
   * the suggestion said, which the core keeps beside them with why. */
  for (guint i = 0; i < suggest->suggestions->len; i++)
    {
      ComptoirOrderSuggestion *suggestion = g_ptr_array_index (suggest->suggestions, i);
      GtkSpinButton *spin = g_ptr_array_index (suggest->spins, i);

      gtk_spin_button_update (spin);
      suggestion->packs = gtk_spin_button_get_value_as_int (spin);
    }
  order_id = comptoir_purchase_order_create_from_suggestions (page->db, suggest->supplier_id,
                                                              suggest->suggestions, &error);
  if (order_id == NULL)
    {
      show_error (suggest, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (window));
  if (!comptoir_suppliers_page_show_order (page, order_id))
    return;
  _comptoir_suppliers_page_fill_orders (page);
  /* Translators: said once an order is created from the suggestion */
  message = g_strdup_printf (_("Order %s created: check it, export it for the supplier, then mark it as sent"),
                             page->order.number);
  _comptoir_suppliers_page_show_message (page, message);
}

/* How many weeks of sales the suggestion goes by, above its lines. */
static GtkWidget *
weeks_group_new (Suggest *suggest)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 104, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Weeks of sales"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The suggestion follows the sales of these last weeks, the "
                                                       "stock and what is already on order."));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), DEFAULT_WEEKS);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  suggest->weeks = GTK_SPIN_BUTTON (spin);
  return group;
}

static GtkWidget *
window_new (ComptoirSuppliersPage *page,
            Suggest               *suggest)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *title = adw_window_title_new (_("New Order"), page->supplier.name);
  GtkWidget *prefs = adw_preferences_page_new ();
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *footer = gtk_label_new (NULL);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("New Order"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), _comptoir_suppliers_page_get_window (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 680);
  gtk_widget_add_css_class (window, "order-suggestion");
  /* Escape leaves without an order, as in the other dialogs. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  suggest->create_button = gtk_button_new_with_mnemonic (_("C_reate Order"));
  gtk_widget_add_css_class (suggest->create_button, "suggested-action");
  gtk_widget_set_tooltip_text (suggest->create_button, _("A draft order with these packs, to check before it is sent"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), suggest->create_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), window);
  g_signal_connect_swapped (suggest->create_button, "clicked", G_CALLBACK (on_create_clicked), window);

  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error-banner");
  gtk_widget_set_margin_start (error, 18);
  gtk_widget_set_margin_end (error, 18);
  gtk_widget_set_margin_top (error, 12);
  gtk_revealer_set_child (GTK_REVEALER (revealer), error);
  suggest->error_revealer = GTK_REVEALER (revealer);
  suggest->error_label = GTK_LABEL (error);

  suggest->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (suggest->group, _("Packs to Order"));
  adw_preferences_group_set_description (suggest->group,
                                         _("Each line says why that many packs; change the packs as you see fit: "
                                           "the order keeps what was suggested beside what you order."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (weeks_group_new (suggest)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), suggest->group);
  gtk_widget_set_vexpand (prefs, TRUE);

  gtk_label_set_xalign (GTK_LABEL (footer), 1);
  gtk_widget_add_css_class (footer, "heading");
  gtk_widget_add_css_class (footer, "order-suggestion-total");
  gtk_widget_add_css_class (footer, "numeric");
  gtk_widget_set_margin_start (footer, 18);
  gtk_widget_set_margin_end (footer, 18);
  gtk_widget_set_margin_top (footer, 12);
  gtk_widget_set_margin_bottom (footer, 12);
  suggest->total = GTK_LABEL (footer);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), revealer);
  gtk_box_append (GTK_BOX (box), prefs);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), footer);
  adw_window_set_content (ADW_WINDOW (window), box);
  return window;
}

static void
suggest_order_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ComptoirSuppliersPage *self = COMPTOIR_SUPPLIERS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  Suggest *suggest = g_new0 (Suggest, 1);
  GtkWidget *window;

  g_set_weak_pointer (&suggest->page, self);
  suggest->supplier_id = g_strdup (self->supplier.id);
  suggest->spins = g_ptr_array_new ();
  suggest->rows = g_ptr_array_new ();
  window = window_new (self, suggest);
  g_object_set_data_full (G_OBJECT (window), "suggest", suggest, (GDestroyNotify) suggest_free);

  if (!fill (suggest, &error))
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  /* Only catalogue lines linked to our products have sales to go by. */
  if (suggest->suggestions->len == 0)
    {
      _comptoir_suppliers_page_show_message (self, _("Nothing to suggest: no line of this catalogue is linked to "
                                                     "our products yet. Lines are linked by their barcode when the "
                                                     "catalogue is imported."));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_signal_connect_swapped (suggest->weeks, "value-changed", G_CALLBACK (on_weeks_changed), suggest);
  gtk_window_present (GTK_WINDOW (window));
}

void
_comptoir_suppliers_page_class_add_suggest_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "supplier.suggest-order", NULL, suggest_order_action);
}
