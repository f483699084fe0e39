/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-stock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-scan-keys.h"
#include "comptoir-stock-page-private.h"
#include "comptoir-stock-table.h"
#include "comptoir-toast.h"

/* The Stock section: the view switcher, the three lists the core
 * computes (to reorder, unsold, expiring), the valuation line, and what
 * the views share. Levels is in comptoir-stock-levels.c, its dialogs in
 * comptoir-stock-dialogs.c, Inventory in comptoir-inventory-view.c. */

G_DEFINE_FINAL_TYPE (ComptoirStockPage, comptoir_stock_page, GTK_TYPE_WIDGET)

static const guint weeks_choices[] = { 4, 8, 12 };
static const guint days_choices[] = { 3, 7, 14 };

/* Formatting ------------------------------------------------------------------ */

char *
_comptoir_stock_format_money (gint64 cents)
{
  g_autofree char *amount = comptoir_money_format_local (cents);

  /* Translators: an amount of money, "12,50 €"; the space does not
   * break, so that a wrapped line never starts with the currency. */
  return g_strdup_printf (_("%s\u00a0€"), amount);
}

char *
_comptoir_stock_format_quantity (ComptoirUnit unit,
                                 gint64       quantity_milli,
                                 gboolean     signed_)
{
  g_autofree char *text = comptoir_quantity_format (unit, quantity_milli);

  if (signed_ && quantity_milli > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

char *
_comptoir_stock_format_at (const char *at)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (at == NULL || at[0] == '\0')
    return g_strdup (_("never"));
  /* Stored in UTC; the shop reads its own clock. */
  utc = g_date_time_new_from_iso8601 (at, NULL);
  if (utc == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

void
_comptoir_stock_page_show_message (GtkWidget  *inside,
                                   const char *message)
{
  GtkWidget *widget = COMPTOIR_IS_STOCK_PAGE (inside) ? inside
                                                       : gtk_widget_get_ancestor (inside, COMPTOIR_TYPE_STOCK_PAGE);
  ComptoirStockPage *self;

  if (widget == NULL)
    return;
  self = COMPTOIR_STOCK_PAGE (widget);
  comptoir_toast_show (widget, &self->toast, message);
}

/* The valuation line ---------------------------------------------------------- */

void
_comptoir_stock_page_update_valuation (ComptoirStockPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *text = NULL;
  gint64 total = 0;
  guint n_products = 0, n_without_cost = 0;

  if (self->db == NULL)
    return;
  if (!comptoir_stock_valuation (self->db, &total, &n_products, &n_without_cost, &error))
    {
      gtk_label_set_label (self->valuation_label, error->message);
      return;
    }
  total_text = _comptoir_stock_format_money (total);
  if (n_without_cost == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: "Stock value at average cost: 12 345,60 € for 812 products in stock" */
                                         "Stock value at average cost: %s for %u product in stock",
                                         "Stock value at average cost: %s for %u products in stock", n_products),
                            total_text, n_products);
  else
    {
      g_autofree char *without = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u of them has no known purchase cost and is not in "
                                                               "the value",
                                                               "%u of them have no known purchase cost and are not in "
                                                               "the value",
                                                               n_without_cost),
                                                  n_without_cost);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the valuation, then why it is short: "…; 3 of them have no known purchase cost…" */
                                           "Stock value at average cost: %s for %u product in stock; %s.",
                                           "Stock value at average cost: %s for %u products in stock; %s.", n_products),
                              total_text, n_products, without);
    }
  gtk_label_set_label (self->valuation_label, text);
}

/* The lists ------------------------------------------------------------------- */

static char **
cells_new (guint n)
{
  return g_new0 (char *, n + 1);
}

/* Shows items (or an error) in table, the empty page when none. */
static gboolean
show_items (ComptoirStockPage *self,
            GPtrArray         *items,
            GError            *error,
            GtkStack          *stack)
{
  if (items == NULL)
    {
      _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  gtk_stack_set_visible_child_name (stack, items->len > 0 ? "list" : "empty");
  return TRUE;
}

static void
reload_reorder (ComptoirStockPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = comptoir_stock_list_low (self->db, &error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  if (!show_items (self, items, error, self->reorder_stack))
    return;
  for (guint i = 0; i < items->len; i++)
    {
      const ComptoirStockItem *item = g_ptr_array_index (items, i);
      char **cells = cells_new (5);

      cells[0] = g_strdup (item->code);
      cells[1] = g_strdup (item->name);
      cells[2] = _comptoir_stock_format_quantity (item->unit, item->quantity_milli, FALSE);
      cells[3] = _comptoir_stock_format_quantity (item->unit, item->minimum_milli, FALSE);
      cells[4] = _comptoir_stock_format_at (item->last_out);
      g_ptr_array_add (rows, comptoir_stock_row_new (item->product_id,
                                                     item->quantity_milli <= 0 ? "stock-empty" : NULL, cells));
    }
  comptoir_stock_table_set_rows (self->reorder_table, rows);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u active product is below its minimum stock. Double-click it to see "
                                          "its stock.",
                                          "%u active products are below their minimum stock, the emptiest first. "
                                          "Double-click one to see its stock.",
                                          items->len),
                             items->len);
  gtk_label_set_label (self->reorder_summary, summary);
  /* Empty, the page below says it all. */
  gtk_widget_set_visible (GTK_WIDGET (self->reorder_summary), items->len > 0);
}

static guint
chosen (GtkDropDown *choice,
        const guint *values,
        guint        n_values,
        guint        fallback)
{
  guint selected = gtk_drop_down_get_selected (choice);

  return selected < n_values ? values[selected] : fallback;
}

static void
reload_unsold (ComptoirStockPage *self)
{
  guint weeks = chosen (self->weeks_choice, weeks_choices, G_N_ELEMENTS (weeks_choices), 8);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = comptoir_stock_list_unsold (self->db, weeks, NULL, &error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  if (!show_items (self, items, error, self->unsold_stack))
    return;
  for (guint i = 0; i < items->len; i++)
    {
      const ComptoirStockItem *item = g_ptr_array_index (items, i);
      char **cells = cells_new (5);

      cells[0] = g_strdup (item->code);
      cells[1] = g_strdup (item->name);
      cells[2] = _comptoir_stock_format_quantity (item->unit, item->quantity_milli, FALSE);
      cells[3] = _comptoir_stock_format_money (item->value_cents);
      cells[4] = _comptoir_stock_format_at (item->last_out);
      g_ptr_array_add (rows, comptoir_stock_row_new (item->product_id, NULL, cells));
    }
  comptoir_stock_table_set_rows (self->unsold_table, rows);
  summary = items->len == 0
    ? g_strdup (_("Products in stock that were not sold in that time, the longest unsold first."))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u product in stock was not sold in that time. Double-click it to see its stock.",
                                    "%u products in stock were not sold in that time, the longest unsold first. "
                                    "Double-click one to see its stock.",
                                    items->len),
                       items->len);
  gtk_label_set_label (self->unsold_summary, summary);
}

static void
reload_expiring (ComptoirStockPage *self)
{
  guint days = chosen (self->days_choice, days_choices, G_N_ELEMENTS (days_choices), 7);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = comptoir_stock_list_expiring (self->db, days, NULL, &error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *summary = NULL;

  if (!show_items (self, items, error, self->expiring_stack))
    return;
  for (guint i = 0; i < items->len; i++)
    {
      const ComptoirStockItem *item = g_ptr_array_index (items, i);
      gboolean past = g_strcmp0 (item->date, today) < 0;
      char **cells = cells_new (7);

      cells[0] = g_strdup (item->date);
      /* The French DLC (a use-by date: not to be sold after it) and DDM
       * (a best-before date: still sold, at a discount). */
      cells[1] = g_strdup (item->use_by ? _("Use by") : _("Best before"));
      cells[2] = g_strdup (item->code);
      cells[3] = g_strdup (item->name);
      cells[4] = g_strdup (item->lot != NULL ? item->lot : "—");
      cells[5] = item->lot_quantity_milli >= 0
                   ? _comptoir_stock_format_quantity (item->unit, item->lot_quantity_milli, FALSE)
                   : g_strdup ("—");
      cells[6] = _comptoir_stock_format_quantity (item->unit, item->quantity_milli, FALSE);
      g_ptr_array_add (rows, comptoir_stock_row_new (item->product_id,
                                                     past && item->use_by ? "stock-expired" : NULL, cells));
    }
  comptoir_stock_table_set_rows (self->expiring_table, rows);
  summary = items->len == 0
    ? g_strdup (_("Lots still in stock whose use-by or best-before date comes in that time, or is past, the "
                  "soonest first."))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u lot still in stock reaches its date in that time, or is past it. A use-by "
                                    "date past is in red: the lot must not be sold.",
                                    "%u lots still in stock reach their date in that time, or are past it, the "
                                    "soonest first. A use-by date past is in red: the lot must not be sold.",
                                    items->len),
                       items->len);
  gtk_label_set_label (self->expiring_summary, summary);
}

static void
reload_view (ComptoirStockPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->views);

  if (self->db == NULL)
    return;
  if (g_strcmp0 (name, "levels") == 0)
    {
      _comptoir_stock_levels_refresh (self);
      if (self->product == NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else if (g_strcmp0 (name, "reorder") == 0)
    reload_reorder (self);
  else if (g_strcmp0 (name, "unsold") == 0)
    reload_unsold (self);
  else if (g_strcmp0 (name, "expiring") == 0)
    reload_expiring (self);
  /* Inventory reads its counts when it is mapped. */
}

static void
on_view_changed (ComptoirStockPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_view (self);
}

static void
on_weeks_changed (ComptoirStockPage *self)
{
  if (self->db != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_unsold (self);
}

static void
on_days_changed (ComptoirStockPage *self)
{
  if (self->db != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_expiring (self);
}

/* A row of a list opens its product on Levels. */
static void
on_list_activate (GtkColumnView     *table,
                  guint              position,
                  ComptoirStockPage *self)
{
  const char *product_id = comptoir_stock_table_get_id (table, position);

  if (product_id == NULL)
    return;
  comptoir_stock_page_show_product (self, product_id);
  adw_view_stack_set_visible_child_name (self->views, "levels");
}

static GtkColumnView *
list_new (ComptoirStockPage         *self,
          GtkScrolledWindow         *scroll,
          const ComptoirStockColumn *columns,
          guint                      n_columns,
          const char                *label)
{
  GtkColumnView *table = comptoir_stock_table_new (columns, n_columns, label);

  g_signal_connect (table, "activate", G_CALLBACK (on_list_activate), self);
  gtk_scrolled_window_set_child (scroll, GTK_WIDGET (table));
  return table;
}

static void
make_lists (ComptoirStockPage *self)
{
  const ComptoirStockColumn reorder[] = {
    { _("Code"), 110, FALSE, "monospace" },
    { _("Product"), -1, FALSE, NULL },
    { _("In Stock"), 110, TRUE, NULL },
    { _("Minimum"), 110, TRUE, NULL },
    { _("Last Sale"), 150, FALSE, "numeric" },
  };
  const ComptoirStockColumn unsold[] = {
    { _("Code"), 110, FALSE, "monospace" },
    { _("Product"), -1, FALSE, NULL },
    { _("In Stock"), 110, TRUE, NULL },
    { _("Value at Cost"), 120, TRUE, NULL },
    { _("Last Sale"), 150, FALSE, "numeric" },
  };
  const ComptoirStockColumn expiring[] = {
    { _("Date"), 110, FALSE, "numeric" },
    { _("Kind"), 110, FALSE, NULL },
    { _("Code"), 110, FALSE, "monospace" },
    { _("Product"), -1, FALSE, NULL },
    { _("Lot"), 120, FALSE, NULL },
    /* Translators: how much of the lot may still be on the shelves */
    { _("Of the Lot"), 100, TRUE, NULL },
    { _("In Stock"), 100, TRUE, NULL },
  };
  g_autoptr (GtkStringList) weeks = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) days = gtk_string_list_new (NULL);

  self->reorder_table = list_new (self, self->reorder_scroll, reorder, G_N_ELEMENTS (reorder), _("Products to reorder"));
  self->unsold_table = list_new (self, self->unsold_scroll, unsold, G_N_ELEMENTS (unsold), _("Unsold products"));
  self->expiring_table = list_new (self, self->expiring_scroll, expiring, G_N_ELEMENTS (expiring),
                                   _("Lots about to expire"));

  for (guint i = 0; i < G_N_ELEMENTS (weeks_choices); i++)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not sold for %u week",
                                                            "Not sold for %u weeks", weeks_choices[i]),
                                               weeks_choices[i]);
      gtk_string_list_append (weeks, text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (days_choices); i++)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Within %u day", "Within %u days",
                                                            days_choices[i]),
                                               days_choices[i]);
      gtk_string_list_append (days, text);
    }
  /* Set before the handlers can run: the page has no database yet. */
  gtk_drop_down_set_model (self->weeks_choice, G_LIST_MODEL (weeks));
  gtk_drop_down_set_selected (self->weeks_choice, 1);
  gtk_drop_down_set_model (self->days_choice, G_LIST_MODEL (days));
  gtk_drop_down_set_selected (self->days_choice, 1);
}

/* The page --------------------------------------------------------------------- */

/* A scanner's burst, wherever the focus is in the section: counted on
 * the count screen, else shown on Levels. Read here, above every view,
 * so that the burst's Enter never activates what has the focus (a row
 * of a list, a button). */
static void
on_scanner_code (gpointer    user_data,
                 const char *code)
{
  ComptoirStockPage *self = user_data;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->views), "inventory") == 0)
    {
      if (comptoir_inventory_view_get_count_id (self->inventory_view) != NULL)
        comptoir_inventory_view_handle_code (self->inventory_view, code);
      else
        {
          comptoir_scan_sounds_play (self->sounds, GTK_WIDGET (self), COMPTOIR_SCAN_SOUND_ERROR);
          _comptoir_stock_page_show_message (GTK_WIDGET (self), _("Start or resume a count first, then scan "
                                                                  "the products."));
        }
      return;
    }
  adw_view_stack_set_visible_child_name (self->views, "levels");
  _comptoir_stock_levels_scan (self, code);
}

/* The balances take in what was sold since the window last folded, so
 * that the lists and the valuation are of now; the scale rules may have
 * changed in Settings. */
static void
on_map (ComptoirStockPage *self)
{
  g_autoptr (GError) error = NULL;
  ComptoirScaleRules *rules;

  if (self->db == NULL)
    return;
  if (!comptoir_stock_fold (self->db, NULL, &error))
    {
      _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      g_clear_error (&error);
    }
  rules = comptoir_settings_load_scale_rules (self->db, &error);
  if (rules != NULL)
    {
      g_clear_pointer (&self->rules, comptoir_scale_rules_free);
      self->rules = rules;
    }
  else
    g_warning ("The scale label rules cannot be read: %s", error->message);
  _comptoir_stock_page_update_valuation (self);
  reload_view (self);
}

void
comptoir_stock_page_set_catalog (ComptoirStockPage *self,
                                 ComptoirCatalog   *catalog)
{
  g_return_if_fail (COMPTOIR_IS_STOCK_PAGE (self));

  g_set_object (&self->catalog, catalog);
  g_clear_object (&self->db);
  g_clear_object (&self->product);
  if (catalog != NULL)
    self->db = g_object_ref (comptoir_catalog_get_db (catalog));
  comptoir_inventory_view_set_catalog (self->inventory_view, catalog);
  if (self->db != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map (self);
}

void
comptoir_stock_page_set_view (ComptoirStockPage *self,
                              const char        *name)
{
  g_return_if_fail (COMPTOIR_IS_STOCK_PAGE (self));

  adw_view_stack_set_visible_child_name (self->views, name);
}

static void
comptoir_stock_page_dispose (GObject *object)
{
  ComptoirStockPage *self = COMPTOIR_STOCK_PAGE (object);
  GtkWidget *child;

  _comptoir_stock_levels_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_STOCK_PAGE);
  /* The template's outer box has no id, so the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->sounds, comptoir_scan_sounds_free);
  g_clear_pointer (&self->rules, comptoir_scale_rules_free);
  g_clear_object (&self->product);
  g_clear_object (&self->catalog);
  g_clear_object (&self->db);
  g_clear_weak_pointer (&self->toast);

  G_OBJECT_CLASS (comptoir_stock_page_parent_class)->dispose (object);
}

static void
comptoir_stock_page_class_init (ComptoirStockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comptoir_stock_page_dispose;

  g_type_ensure (COMPTOIR_TYPE_INVENTORY_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-stock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, views);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, valuation_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, reorder_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, reorder_scroll);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, reorder_summary);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, unsold_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, unsold_scroll);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, unsold_summary);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, weeks_choice);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, expiring_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, expiring_scroll);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, expiring_summary);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, days_choice);
  gtk_widget_class_bind_template_child (widget_class, ComptoirStockPage, inventory_view);
  gtk_widget_class_bind_template_callback (widget_class, on_map);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_weeks_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_days_changed);
  _comptoir_stock_levels_class_init (widget_class);
}

static void
comptoir_stock_page_init (ComptoirStockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->sounds = comptoir_scan_sounds_new ();
  make_lists (self);
  _comptoir_stock_levels_init (self);
  comptoir_scan_keys_attach (GTK_WIDGET (self), NULL, on_scanner_code, self);
}
