/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-suppliers-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comptoir-suppliers-page-private.h"

/* What the page shows of the supplier picked: their terms, their
 * catalogue and the orders made to them, all read again from the core
 * on each load. */

/* A line of the catalogue as the table shows it: the supplier's line
 * and the name of our product it is linked to. A catalogue holds
 * hundreds of lines, so the table is a list view that makes rows only
 * for the lines on screen. */
#define COMPTOIR_TYPE_CATALOGUE_ITEM (comptoir_catalogue_item_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirCatalogueItem, comptoir_catalogue_item, COMPTOIR, CATALOGUE_ITEM, GObject)

struct _ComptoirCatalogueItem
{
  GObject                  parent_instance;

  ComptoirSupplierProduct  line;
  char                    *linked;  /* our product's name; NULL: not linked */
  ComptoirUnit             unit;    /* our product's; pieces when not linked */
};

G_DEFINE_FINAL_TYPE (ComptoirCatalogueItem, comptoir_catalogue_item, G_TYPE_OBJECT)

static void
comptoir_catalogue_item_finalize (GObject *object)
{
  ComptoirCatalogueItem *self = COMPTOIR_CATALOGUE_ITEM (object);

  comptoir_supplier_product_clear (&self->line);
  g_free (self->linked);

  G_OBJECT_CLASS (comptoir_catalogue_item_parent_class)->finalize (object);
}

static void
comptoir_catalogue_item_class_init (ComptoirCatalogueItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comptoir_catalogue_item_finalize;
}

static void
comptoir_catalogue_item_init (ComptoirCatalogueItem *self)
{
}

typedef enum {
  COLUMN_REF,
  COLUMN_NAME,
  COLUMN_BARCODE,
  COLUMN_PACK,
  COLUMN_PRICE,
  COLUMN_LINKED,
  N_COLUMNS
} CatalogueColumn;

static const struct {
  const char *title;
  int         width;   /* -1: takes what is left */
  float       xalign;
} columns[N_COLUMNS] = {
  [COLUMN_REF] = { N_("Reference"), 90, 0 },
  [COLUMN_NAME] = { N_("Name"), -1, 0 },
  [COLUMN_BARCODE] = { N_("Barcode"), 125, 0 },
  [COLUMN_PACK] = { N_("Pack"), 60, 1 },
  [COLUMN_PRICE] = { N_("Price excl. VAT"), 110, 1 },
  [COLUMN_LINKED] = { N_("Our product"), -1, 0 },
};

static const char * const terms_titles[N_TERMS] = {
  [TERMS_CONTACT] = N_("Contact person"),
  [TERMS_EMAIL] = N_("E-mail"),
  [TERMS_PHONE] = N_("Phone"),
  [TERMS_ADDRESS] = N_("Address"),
  [TERMS_ORDER_DAYS] = N_("Order days"),
  [TERMS_LEAD] = N_("Lead time"),
  [TERMS_MINIMUM] = N_("Minimum order"),
  [TERMS_FRANCO] = N_("Free delivery from"),
  [TERMS_NOTES] = N_("Notes"),
};

static char *
format_price (gint64       cents,
              ComptoirUnit unit)
{
  g_autofree char *euros = NULL;

  if (cents < 0)
    return g_strdup (_("not given"));
  euros = _comptoir_suppliers_format_euros (cents);
  /* A weighed product's price is per kilogram or litre. */
  if (unit == COMPTOIR_UNIT_KG)
    /* Translators: a price per kilogram, "2,45 €/kg" */
    return g_strdup_printf (_("%s/kg"), euros);
  if (unit == COMPTOIR_UNIT_LITRE)
    /* Translators: a price per litre, "2,45 €/L" */
    return g_strdup_printf (_("%s/L"), euros);
  return g_steal_pointer (&euros);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  CatalogueColumn column = GPOINTER_TO_INT (data);
  GtkWidget *label = _comptoir_suppliers_cell_new (NULL, columns[column].xalign);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  ComptoirCatalogueItem *entry = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const ComptoirSupplierProduct *line = &entry->line;
  g_autofree char *text = NULL;
  gboolean missing = FALSE;

  switch ((CatalogueColumn) GPOINTER_TO_INT (data))
    {
    case COLUMN_REF:
      text = g_strdup (line->supplier_ref);
      break;
    case COLUMN_NAME:
      text = g_strdup (line->name);
      break;
    case COLUMN_BARCODE:
      text = g_strdup (line->barcode != NULL ? line->barcode : "");
      break;
    case COLUMN_PACK:
      text = _comptoir_suppliers_format_quantity (entry->unit, line->pack_milli);
      break;
    case COLUMN_PRICE:
      text = format_price (line->price_cents, entry->unit);
      missing = line->price_cents < 0;
      break;
    case COLUMN_LINKED:
    default:
      missing = entry->linked == NULL;
      text = g_strdup (missing ? _("not linked") : entry->linked);
      break;
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

/* Values are read whole: only the long ones (address, notes) wrap. */
static GtkLabel *
add_value_row (AdwPreferencesGroup *group,
               const char          *title,
               gboolean             long_text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  if (long_text)
    {
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (value), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 48);
    }
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_margin_top (value, 6);
  gtk_widget_set_margin_bottom (value, 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (value);
}

void
_comptoir_suppliers_page_init_detail (ComptoirSuppliersPage *self)
{
  GtkNoSelection *selection;

  for (guint i = 0; i < N_TERMS; i++)
    self->terms_values[i] = add_value_row (self->terms_group, _(terms_titles[i]),
                                           i == TERMS_ADDRESS || i == TERMS_NOTES);

  self->catalogue = g_list_store_new (COMPTOIR_TYPE_CATALOGUE_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->catalogue)));
  gtk_column_view_set_model (self->catalogue_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[c].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[c].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->catalogue_view, column);
      g_object_unref (column);
    }
}

static void
set_value (ComptoirSuppliersPage *self,
           TermsField             field,
           const char            *value)
{
  GtkLabel *label = self->terms_values[field];
  gboolean given = value != NULL && *value != '\0';

  gtk_label_set_text (label, given ? value : _("Not given"));
  if (given)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static void
set_amount (ComptoirSuppliersPage *self,
            TermsField             field,
            gint64                 cents)
{
  g_autofree char *euros = NULL;
  g_autofree char *text = NULL;

  if (cents <= 0)
    {
      set_value (self, field, _("None"));
      return;
    }
  euros = _comptoir_suppliers_format_euros (cents);
  /* Translators: an amount a supplier quotes, "150,00 € excl. VAT" */
  text = g_strdup_printf (_("%s excl. VAT"), euros);
  set_value (self, field, text);
}

static void
fill_terms (ComptoirSuppliersPage *self)
{
  const ComptoirSupplier *supplier = &self->supplier;
  g_autofree char *days = comptoir_weekdays_format (supplier->order_days);
  g_autofree char *lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", supplier->lead_days),
                                           supplier->lead_days);
  g_autofree char *summary = NULL;

  gtk_label_set_text (self->name_label, supplier->name);
  if (!supplier->active)
    summary = g_strdup (_("No longer a supplier: kept for the orders made to them."));
  else
    /* Translators: under the supplier's name: order days, lead time */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Takes orders on %s, delivers %d day later.",
                                            "Takes orders on %s, delivers %d days later.", supplier->lead_days),
                               days, supplier->lead_days);
  gtk_label_set_text (self->summary_label, summary);

  set_value (self, TERMS_CONTACT, supplier->contact);
  set_value (self, TERMS_EMAIL, supplier->email);
  set_value (self, TERMS_PHONE, supplier->phone);
  set_value (self, TERMS_ADDRESS, supplier->address);
  set_value (self, TERMS_ORDER_DAYS, days);
  set_value (self, TERMS_LEAD, lead);
  set_amount (self, TERMS_MINIMUM, supplier->min_order_cents);
  set_amount (self, TERMS_FRANCO, supplier->franco_cents);
  set_value (self, TERMS_NOTES, supplier->notes);
}

static void
fill_catalogue (ComptoirSuppliersPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = comptoir_supplier_product_list (self->db, self->supplier.id, &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;
  guint n_linked = 0;

  if (lines == NULL)
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      g_list_store_remove_all (self->catalogue);
      gtk_stack_set_visible_child_name (self->catalogue_stack, "empty");
      return;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      ComptoirSupplierProduct *line = g_ptr_array_index (lines, i);
      ComptoirCatalogueItem *item = g_object_new (COMPTOIR_TYPE_CATALOGUE_ITEM, NULL);

      /* The line is moved into the item, not copied. */
      item->line = *line;
      memset (line, 0, sizeof *line);
      item->unit = COMPTOIR_UNIT_PIECE;
      if (item->line.product_id != NULL)
        {
          g_autoptr (ComptoirProduct) product = comptoir_catalog_get_by_id (self->catalog, item->line.product_id, NULL);

          if (product != NULL)
            {
              item->linked = g_strdup (comptoir_product_get_name (product));
              item->unit = comptoir_product_get_unit (product);
              n_linked++;
            }
        }
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->catalogue, 0, g_list_model_get_n_items (G_LIST_MODEL (self->catalogue)),
                       items->pdata, items->len);

  /* Translators: above the catalogue: how many lines, how many linked */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line, %u linked to our products",
                                        "%u lines, %u linked to our products", lines->len),
                           lines->len, n_linked);
  gtk_label_set_text (self->catalogue_count, lines->len > 0 ? count : "");
  gtk_stack_set_visible_child_name (self->catalogue_stack, lines->len > 0 ? "list" : "empty");
}

static GtkWidget *
order_row_new (const ComptoirPurchaseOrderSummary *order)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (comptoir_purchase_order_status_get_label (order->status));
  g_autofree char *total_text = _comptoir_suppliers_format_euros (order->total_cents);
  GtkWidget *total = _comptoir_suppliers_cell_new (total_text, 1);
  g_autofree char *created = _comptoir_suppliers_format_time (order->created_at);
  g_autofree char *lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line", "%u lines", order->n_lines),
                                            order->n_lines);
  g_autofree char *subtitle = NULL;

  if (order->status == COMPTOIR_PURCHASE_ORDER_SENT && order->expected_on != NULL)
    {
      g_autofree char *expected = _comptoir_suppliers_format_day (order->expected_on);

      /* Translators: an order in the list: when it was made, its lines, when it is expected */
      subtitle = g_strdup_printf (_("Created %s · %s · expected on %s"), created, lines, expected);
    }
  else
    /* Translators: an order in the list: when it was made, its lines */
    subtitle = g_strdup_printf (_("Created %s · %s"), created, lines);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), order->number);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "order-status");
  gtk_widget_add_css_class (status, comptoir_purchase_order_status_to_string (order->status));
  gtk_label_set_width_chars (GTK_LABEL (total), 12);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), total);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "order-id", g_strdup (order->id), g_free);
  return row;
}

void
_comptoir_suppliers_page_fill_orders (ComptoirSuppliersPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) orders = NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->orders_list))) != NULL)
    gtk_list_box_remove (self->orders_list, child);
  if (!comptoir_purchase_order_list (self->db, self->supplier.id, &orders, &error))
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      gtk_stack_set_visible_child_name (self->orders_stack, "empty");
      return;
    }
  for (guint i = 0; i < orders->len; i++)
    gtk_list_box_append (self->orders_list, order_row_new (g_ptr_array_index (orders, i)));
  /* Translators: above the list of a supplier's orders, newest first */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order, newest first", "%u orders, newest first",
                                        orders->len),
                           orders->len);
  gtk_label_set_text (self->orders_count, orders->len > 0 ? count : "");
  gtk_stack_set_visible_child_name (self->orders_stack, orders->len > 0 ? "list" : "empty");
}

void
_comptoir_suppliers_page_fill_detail (ComptoirSuppliersPage *self)
{
  fill_terms (self);
  fill_catalogue (self);
  _comptoir_suppliers_page_fill_orders (self);
}
