/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-suppliers-page"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "comptoir-supplier-editor.h"
#include "comptoir-suppliers-page-private.h"
#include "comptoir-toast.h"

G_DEFINE_FINAL_TYPE (ComptoirSuppliersPage, comptoir_suppliers_page, GTK_TYPE_WIDGET)

void
_comptoir_suppliers_page_show_message (ComptoirSuppliersPage *self,
                                       const char            *message)
{
  comptoir_toast_show (GTK_WIDGET (self), &self->toast, message);
}

GtkWindow *
_comptoir_suppliers_page_get_window (ComptoirSuppliersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Formatting ------------------------------------------------------------- */

char *
_comptoir_suppliers_format_euros (gint64 cents)
{
  g_autofree char *amount = comptoir_money_format_local (cents);

  /* Translators: an amount in euros, such as "12,50 €" */
  return g_strdup_printf (_("%s €"), amount);
}

char *
_comptoir_suppliers_format_quantity (ComptoirUnit unit,
                                     gint64       milli)
{
  const char *mark = localeconv ()->decimal_point;
  guint64 magnitude = (guint64) ABS (milli);
  GString *text = g_string_new (milli < 0 ? "−" : "");
  guint frac = magnitude % 1000;

  g_string_append_printf (text, "%" G_GUINT64_FORMAT, magnitude / 1000);
  if (frac != 0)
    {
      char digits[4];

      /* 1.5 kg, not 1.500 kg. */
      g_snprintf (digits, sizeof digits, "%03u", frac);
      for (int i = 2; i > 0 && digits[i] == '0'; i--)
        digits[i] = '\0';
      g_string_append_printf (text, "%s%s", mark != NULL && *mark != '\0' ? mark : ".", digits);
    }
  if (unit == COMPTOIR_UNIT_KG)
    g_string_append (text, " kg");
  else if (unit == COMPTOIR_UNIT_LITRE)
    g_string_append (text, " L");
  return g_string_free (text, FALSE);
}

char *
_comptoir_suppliers_format_time (const char *iso)
{
  g_autoptr (GDateTime) time = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  /* Stored in UTC, read in the shop's time. */
  local = g_date_time_to_local (time);
  /* Translators: a date and time, as in "created 10/03/2025 14:02"; see strftime */
  return g_date_time_format (local, C_("date and time", "%d/%m/%Y %H:%M"));
}

char *
_comptoir_suppliers_format_day (const char *iso_day)
{
  char text[64];
  guint year, month, day;
  GDate date;

  if (iso_day == NULL || sscanf (iso_day, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  /* Translators: a full date, as in "expected on 12/03/2025" */
  if (g_date_strftime (text, sizeof text, C_("date", "%d/%m/%Y"), &date) == 0)
    return g_strdup (iso_day);
  return g_strdup (text);
}

GtkWidget *
_comptoir_suppliers_cell_new (const char *text,
                              float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (xalign > 0.5f)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

GtkWidget *
_comptoir_suppliers_table_new (const char * const *header,
                               guint               n_text_columns,
                               GPtrArray          *rows,
                               const char         *css_class)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, css_class);
  for (guint c = 0; header[c] != NULL; c++)
    {
      GtkWidget *cell = _comptoir_suppliers_cell_new (header[c], c < n_text_columns ? 0 : 1);

      gtk_widget_add_css_class (cell, "caption-heading");
      gtk_widget_add_css_class (cell, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), cell, (int) c, 0, 1, 1);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);

      for (guint c = 0; row[c] != NULL && header[c] != NULL; c++)
        {
          GtkWidget *cell = _comptoir_suppliers_cell_new (row[c], c < n_text_columns ? 0 : 1);

          /* The last text column (a name) is the only long one: it
           * wraps rather than widen the dialog past the screen. */
          if (c + 1 == n_text_columns)
            {
              gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
              gtk_label_set_wrap_mode (GTK_LABEL (cell), PANGO_WRAP_WORD_CHAR);
              gtk_label_set_width_chars (GTK_LABEL (cell), 16);
              gtk_label_set_max_width_chars (GTK_LABEL (cell), 30);
              gtk_widget_set_hexpand (cell, TRUE);
            }
          gtk_grid_attach (GTK_GRID (grid), cell, (int) c, (int) r + 1, 1, 1);
        }
    }
  return grid;
}

GtkWidget *
_comptoir_suppliers_scrolled_new (GtkWidget *child,
                                  int        max_height)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), max_height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  return scrolled;
}

/* The list of suppliers ------------------------------------------------- */

static GtkWidget *
supplier_row_new (const ComptoirSupplier *supplier)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (supplier->name);
  g_autofree char *days = comptoir_weekdays_format (supplier->order_days);
  g_autofree char *terms =
    /* Translators: a supplier in the list: the days they take orders, and their lead time */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · delivers in %d day", "%s · delivers in %d days",
                                  supplier->lead_days),
                     days, supplier->lead_days);
  GtkWidget *subtitle = gtk_label_new (terms);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", supplier->name, terms);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  if (!supplier->active)
    gtk_widget_add_css_class (row, "supplier-inactive");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "supplier-id", g_strdup (supplier->id), g_free);
  return row;
}

static void
select_shown (ComptoirSuppliersPage *self)
{
  GtkListBoxRow *row;

  self->filling = TRUE;
  gtk_list_box_unselect_all (self->results);
  for (int i = 0; self->supplier.id != NULL && (row = gtk_list_box_get_row_at_index (self->results, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "supplier-id"), self->supplier.id) == 0)
      {
        gtk_list_box_select_row (self->results, row);
        break;
      }
  self->filling = FALSE;
}

/* A shop has tens of suppliers, not thousands: the whole list is read
 * and filtered here by the folded name, as the core compares names. */
static void
fill_results (ComptoirSuppliersPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *key = comptoir_text_fold (text);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) suppliers = comptoir_supplier_list (self->db, TRUE, &error);
  GtkWidget *child;
  guint n = 0;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  self->filling = FALSE;
  if (suppliers == NULL)
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "none");
      return;
    }
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ComptoirSupplier *supplier = g_ptr_array_index (suppliers, i);
      g_autofree char *name = comptoir_text_fold (supplier->name);

      if (key != NULL && *key != '\0' && strstr (name, key) == NULL)
        continue;
      gtk_list_box_append (self->results, supplier_row_new (supplier));
      n++;
    }
  if (n == 0)
    {
      g_autofree char *description = NULL;

      if (*text != '\0')
        description = g_strdup_printf (_("No supplier is called “%s”. Try fewer letters of the name."), text);
      else
        description = g_strdup (_("There are no suppliers yet. Add the wholesalers and producers the shop "
                                  "orders from with New Supplier."));
      adw_status_page_set_description (self->no_results, description);
    }
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "list" : "none");
  select_shown (self);
}

static void
update_actions (ComptoirSuppliersPage *self)
{
  gboolean shown = self->supplier.id != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplier.edit", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplier.import", shown && self->import_file == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplier.update-prices", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplier.suggest-order", shown);
  _comptoir_suppliers_page_update_order_actions (self);
}

/* Reads the supplier and shows them, on the page (terms, catalogue,
 * orders) they were shown on; supplier_id NULL shows nobody. */
static gboolean
show_supplier (ComptoirSuppliersPage *self,
               const char            *supplier_id,
               GError               **error)
{
  g_autofree char *id = g_strdup (supplier_id);
  gboolean ok = TRUE;

  comptoir_supplier_clear (&self->supplier);
  memset (&self->supplier, 0, sizeof self->supplier);
  _comptoir_suppliers_page_clear_order (self);
  if (id != NULL && !comptoir_supplier_load (self->db, id, &self->supplier, error))
    {
      memset (&self->supplier, 0, sizeof self->supplier);
      ok = FALSE;
    }
  if (self->supplier.id != NULL)
    {
      _comptoir_suppliers_page_fill_detail (self);
      gtk_stack_set_visible_child_name (self->detail_stack, "supplier");
    }
  else
    {
      g_list_store_remove_all (self->catalogue);
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
    }
  update_actions (self);
  return ok;
}

void
_comptoir_suppliers_page_reload (ComptoirSuppliersPage *self)
{
  g_autofree char *supplier_id = g_strdup (self->supplier.id);
  g_autofree char *order_id = g_strdup (self->order.id);
  g_autoptr (GError) error = NULL;

  if (!show_supplier (self, supplier_id, &error))
    _comptoir_suppliers_page_show_message (self, error->message);
  fill_results (self);
  /* An order open in the order view stays open. */
  if (order_id != NULL && self->supplier.id != NULL)
    comptoir_suppliers_page_show_order (self, order_id);
}

static void
on_row_selected (ComptoirSuppliersPage *self,
                 GtkListBoxRow         *row)
{
  g_autoptr (GError) error = NULL;
  const char *id;

  if (self->filling || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "supplier-id");
  if (g_strcmp0 (id, self->supplier.id) == 0 && self->order.id == NULL)
    return;
  if (!show_supplier (self, id, &error))
    _comptoir_suppliers_page_show_message (self, error->message);
}

static void
on_search_changed (ComptoirSuppliersPage *self)
{
  if (self->db != NULL)
    fill_results (self);
}

static void
on_stop_search (ComptoirSuppliersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_order_activated (ComptoirSuppliersPage *self,
                    GtkListBoxRow         *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "order-id");

  if (id != NULL)
    comptoir_suppliers_page_show_order (self, id);
}

/* New and edit ------------------------------------------------------------ */

static void
on_supplier_created (ComptoirSupplierEditor *editor,
                     ComptoirSuppliersPage  *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  /* The search could hide the newcomer: it is cleared. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (!show_supplier (self, comptoir_supplier_editor_get_supplier_id (editor), &error))
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      return;
    }
  fill_results (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "terms");
  /* Translators: said once a supplier is added */
  message = g_strdup_printf (_("%s added: import their catalogue to order from them"), self->supplier.name);
  _comptoir_suppliers_page_show_message (self, message);
}

void
comptoir_suppliers_page_new_supplier (ComptoirSuppliersPage *self)
{
  ComptoirSupplierEditor *editor;

  g_return_if_fail (COMPTOIR_IS_SUPPLIERS_PAGE (self));
  g_return_if_fail (self->db != NULL);

  editor = comptoir_supplier_editor_new (_comptoir_suppliers_page_get_window (self), self->db, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_supplier_created), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_supplier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  comptoir_suppliers_page_new_supplier (COMPTOIR_SUPPLIERS_PAGE (widget));
}

static void
on_supplier_saved (ComptoirSuppliersPage *self)
{
  _comptoir_suppliers_page_reload (self);
  _comptoir_suppliers_page_show_message (self, _("Supplier saved"));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ComptoirSuppliersPage *self = COMPTOIR_SUPPLIERS_PAGE (widget);
  ComptoirSupplierEditor *editor =
    comptoir_supplier_editor_new (_comptoir_suppliers_page_get_window (self), self->db, &self->supplier);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_supplier_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The widget ---------------------------------------------------------------- */

static void
comptoir_suppliers_page_dispose (GObject *object)
{
  ComptoirSuppliersPage *self = COMPTOIR_SUPPLIERS_PAGE (object);

  _comptoir_suppliers_page_clear_order (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_SUPPLIERS_PAGE);
  comptoir_supplier_clear (&self->supplier);
  g_clear_pointer (&self->order_rows, g_array_unref);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->catalog);
  g_clear_object (&self->db);
  g_clear_object (&self->import_file);
  g_clear_pointer (&self->import_supplier_id, g_free);
  g_clear_pointer (&self->import_supplier_name, g_free);
  g_clear_weak_pointer (&self->toast);

  G_OBJECT_CLASS (comptoir_suppliers_page_parent_class)->dispose (object);
}

static void
comptoir_suppliers_page_class_init (ComptoirSuppliersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = comptoir_suppliers_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-suppliers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, box);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, results);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, no_results);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, terms_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, catalogue_count);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, catalogue_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, catalogue_view);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, orders_count);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, orders_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, orders_list);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, order_title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, order_status);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, order_dates);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, order_warnings);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, order_grid);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSuppliersPage, order_total);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_order_activated);

  gtk_widget_class_install_action (widget_class, "suppliers.new", NULL, new_supplier_action);
  gtk_widget_class_install_action (widget_class, "supplier.edit", NULL, edit_action);
  _comptoir_suppliers_page_class_add_import_actions (widget_class);
  _comptoir_suppliers_page_class_add_suggest_action (widget_class);
  _comptoir_suppliers_page_class_add_order_actions (widget_class);
}

static void
comptoir_suppliers_page_init (ComptoirSuppliersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _comptoir_suppliers_page_init_order (self);
  _comptoir_suppliers_page_init_detail (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->results));
  update_actions (self);
  /* Nothing to add suppliers to until the shop's database is given. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suppliers.new", FALSE);
}

/* What other machines changed comes in through replication: the list
 * and the supplier are read again whenever the section is shown. */
static void
on_map (ComptoirSuppliersPage *self)
{
  _comptoir_suppliers_page_reload (self);
}

void
comptoir_suppliers_page_set_catalog (ComptoirSuppliersPage *self,
                                     ComptoirCatalog       *catalog)
{
  g_return_if_fail (COMPTOIR_IS_SUPPLIERS_PAGE (self));
  g_return_if_fail (COMPTOIR_IS_CATALOG (catalog));
  g_return_if_fail (self->catalog == NULL);

  self->catalog = g_object_ref (catalog);
  self->db = g_object_ref (comptoir_catalog_get_db (catalog));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suppliers.new", TRUE);
  /* The list is read when the section is shown, not while the till
   * starts. */
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map (self);
}

gboolean
comptoir_suppliers_page_show_supplier (ComptoirSuppliersPage *self,
                                       const char            *supplier_id)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (COMPTOIR_IS_SUPPLIERS_PAGE (self), FALSE);
  g_return_val_if_fail (supplier_id != NULL, FALSE);

  if (!show_supplier (self, supplier_id, &error))
    _comptoir_suppliers_page_show_message (self, error->message);
  select_shown (self);
  return self->supplier.id != NULL;
}

const char *
comptoir_suppliers_page_get_supplier (ComptoirSuppliersPage *self)
{
  g_return_val_if_fail (COMPTOIR_IS_SUPPLIERS_PAGE (self), NULL);

  return self->supplier.id;
}

gboolean
comptoir_suppliers_page_show_order (ComptoirSuppliersPage *self,
                                    const char            *order_id)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (COMPTOIR_IS_SUPPLIERS_PAGE (self), FALSE);
  g_return_val_if_fail (order_id != NULL, FALSE);

  _comptoir_suppliers_page_clear_order (self);
  self->order.id = g_strdup (order_id);
  if (!_comptoir_suppliers_page_load_order (self, &error))
    {
      _comptoir_suppliers_page_clear_order (self);
      _comptoir_suppliers_page_show_message (self, error->message);
      update_actions (self);
      return FALSE;
    }
  /* An order of another supplier (from a script, or a test) shows them. */
  if (g_strcmp0 (self->order.supplier_id, self->supplier.id) != 0)
    {
      g_autofree char *id = g_strdup (order_id);

      if (!comptoir_suppliers_page_show_supplier (self, self->order.supplier_id))
        return FALSE;
      return comptoir_suppliers_page_show_order (self, id);
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "order");
  update_actions (self);
  return TRUE;
}

const char *
comptoir_suppliers_page_get_order (ComptoirSuppliersPage *self)
{
  g_return_val_if_fail (COMPTOIR_IS_SUPPLIERS_PAGE (self), NULL);

  return self->order.id;
}
