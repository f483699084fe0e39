/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-inventory-view"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-inventory-view-private.h"
#include "comptoir-stock-page-private.h"
#include "comptoir-stock-table.h"

/* The counts, and the count screen. The screen is the receiving
 * screen's twin (comptoir-scan-screen.h, the receiving-* classes of
 * style.css): the person holds a scanner and looks at the shelf, so the
 * scan field always has the focus, every scan is heard, and the last
 * product counted is written big enough to be read from a metre away.
 * The Stock page reads the scanner for every view and hands this view
 * its bursts (comptoir_inventory_view_handle_code). */

G_DEFINE_FINAL_TYPE (ComptoirInventoryView, comptoir_inventory_view, GTK_TYPE_WIDGET)

void
_comptoir_inventory_view_show_message (ComptoirInventoryView *self,
                                       const char            *message)
{
  _comptoir_stock_page_show_message (GTK_WIDGET (self), message);
}

void
_comptoir_inventory_view_focus_scan (ComptoirInventoryView *self)
{
  if (self->count_id != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
}

/* The list of counts ----------------------------------------------------------- */

static void
on_resume_clicked (GtkButton             *button,
                   ComptoirInventoryView *self)
{
  g_autoptr (GError) error = NULL;

  if (!comptoir_inventory_view_open (self, g_object_get_data (G_OBJECT (button), "count-id"), &error))
    _comptoir_inventory_view_show_message (self, error->message);
}

static char *
count_title (const ComptoirInventoryCount *count)
{
  if (count->category_name == NULL || g_strcmp0 (count->category_name, count->label) == 0)
    return g_strdup (count->label);
  /* Translators: a count and the category it covers, "Aisle 3 — Épicerie" */
  return g_strdup_printf (_("%s — %s"), count->label, count->category_name);
}

static GtkWidget *
count_row_new (ComptoirInventoryView        *self,
               const ComptoirInventoryCount *count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = count_title (count);
  g_autofree char *started = _comptoir_stock_format_at (count->started_at);
  g_autofree char *subtitle = NULL;

  switch (count->status)
    {
    case COMPTOIR_INVENTORY_VALIDATED:
      {
        g_autofree char *validated = _comptoir_stock_format_at (count->validated_at);

        /* Translators: "started 2026-11-23 09:12, validated 2026-11-23 11:40" */
        subtitle = g_strdup_printf (_("started %s, validated %s"), started, validated);
      }
      break;
    case COMPTOIR_INVENTORY_CANCELLED:
      /* Translators: "started 2026-11-23 09:12, cancelled" */
      subtitle = g_strdup_printf (_("started %s, cancelled"), started);
      break;
    case COMPTOIR_INVENTORY_OPEN:
    default:
      subtitle = g_strdup_printf (_("started %s"), started);
      break;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (count->status == COMPTOIR_INVENTORY_OPEN)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Resu_me"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "count-id", g_strdup (count->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_resume_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The past counts shown: the last ones say whether the shop counted
 * lately; the rest is history nobody scrolls through. */
#define MAX_PAST 15

static void
reload_counts (ComptoirInventoryView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) counts = comptoir_inventory_list_counts (self->db, &error);
  guint n_open = 0, n_past = 0;

  clear_list (self->open_list);
  clear_list (self->past_list);
  if (counts == NULL)
    {
      _comptoir_inventory_view_show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < counts->len; i++)
    {
      const ComptoirInventoryCount *count = g_ptr_array_index (counts, i);

      if (count->status == COMPTOIR_INVENTORY_OPEN)
        {
          gtk_list_box_append (self->open_list, count_row_new (self, count));
          n_open++;
        }
      else if (n_past++ < MAX_PAST)
        gtk_list_box_append (self->past_list, count_row_new (self, count));
    }
  gtk_widget_set_visible (self->open_title, n_open > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->open_list), n_open > 0);
  gtk_widget_set_visible (self->past_title, n_past > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->past_list), n_past > 0);
}

void
_comptoir_inventory_view_back_to_list (ComptoirInventoryView *self)
{
  g_clear_pointer (&self->count_id, g_free);
  g_clear_pointer (&self->last_product_id, g_free);
  self->last_quantity = 0;
  reload_counts (self);
  gtk_stack_set_visible_child_name (self->stack, "counts");
}

/* The count --------------------------------------------------------------------- */

static void
set_panel_state (ComptoirInventoryView *self,
                 const char            *state)
{
  static const char * const states[] = { "error", "complete", "over" };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i], state) == 0)
      gtk_widget_add_css_class (self->last_box, states[i]);
    else
      gtk_widget_remove_css_class (self->last_box, states[i]);
}

/* Reads the count's lines again; *out_line (may be NULL): a copy of the
 * line of product_id, NULL when it has none. */
static gboolean
reload_lines (ComptoirInventoryView  *self,
              const char             *product_id,
              ComptoirInventoryLine **out_line,
              GError                **error)
{
  g_auto (ComptoirInventoryCount) count = { 0 };
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *money = NULL;
  gint64 difference_cents = 0;
  guint n_differ = 0;

  if (!comptoir_inventory_get (self->db, self->count_id, &count, error) ||
      !(lines = comptoir_inventory_list (self->db, self->count_id, error)))
    return FALSE;
  title = count_title (&count);
  gtk_label_set_label (self->count_title, title);
  for (guint i = 0; i < lines->len; i++)
    {
      ComptoirInventoryLine *line = g_ptr_array_index (lines, i);
      char **cells = g_new0 (char *, 7);

      cells[0] = g_strdup (line->name);
      cells[1] = g_strdup (line->code);
      cells[2] = _comptoir_stock_format_quantity (line->unit, line->counted_milli, FALSE);
      cells[3] = _comptoir_stock_format_quantity (line->unit, line->expected_milli, FALSE);
      cells[4] = _comptoir_stock_format_quantity (line->unit, line->difference_milli, TRUE);
      cells[5] = line->difference_milli != 0 ? _comptoir_stock_format_money (line->difference_cents) : g_strdup ("");
      g_ptr_array_add (rows, comptoir_stock_row_new (line->product_id,
                                                     line->difference_milli != 0 ? "inventory-differs" : NULL, cells));
      if (line->difference_milli != 0)
        n_differ++;
      difference_cents += line->difference_cents;
      if (out_line != NULL && g_strcmp0 (line->product_id, product_id) == 0)
        {
          /* Its row is made: the line changes hands. */
          *out_line = line;
          lines->pdata[i] = NULL;
        }
    }
  comptoir_stock_table_set_rows (self->lines_table, rows);
  comptoir_stock_table_select (self->lines_table, self->last_product_id);
  money = _comptoir_stock_format_money (difference_cents);
  if (n_differ == 0)
    progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product counted; it matches the stock",
                                             "%u products counted; all match the stock", lines->len),
                                lines->len);
  else
    {
      g_autofree char *differ = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u differs from the stock",
                                                              "%u differ from the stock", n_differ),
                                                 n_differ);

      /* Translators: "12 products counted; 3 differ from the stock, -4,20 € in all" */
      progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product counted; %s, %s in all",
                                               "%u products counted; %s, %s in all", lines->len),
                                  lines->len, differ, money);
    }
  gtk_label_set_label (self->progress_label, progress);
  return TRUE;
}

gboolean
comptoir_inventory_view_open (ComptoirInventoryView  *self,
                              const char             *count_id,
                              GError                **error)
{
  g_autofree char *previous = NULL;

  g_return_val_if_fail (COMPTOIR_IS_INVENTORY_VIEW (self), FALSE);

  previous = g_steal_pointer (&self->count_id);
  self->count_id = g_strdup (count_id);
  g_clear_pointer (&self->last_product_id, g_free);
  self->last_quantity = 0;
  if (!reload_lines (self, NULL, NULL, error))
    {
      g_free (self->count_id);
      self->count_id = g_steal_pointer (&previous);
      return FALSE;
    }
  gtk_label_set_label (self->last_name, _("Ready: scan the first product"));
  gtk_label_set_label (self->last_count, "");
  gtk_label_set_label (self->last_message, "");
  gtk_widget_set_sensitive (self->undo_button, FALSE);
  set_panel_state (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "count");
  gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
  return TRUE;
}

const char *
comptoir_inventory_view_get_count_id (ComptoirInventoryView *self)
{
  g_return_val_if_fail (COMPTOIR_IS_INVENTORY_VIEW (self), NULL);

  return self->count_id;
}

void
_comptoir_inventory_view_show_error (ComptoirInventoryView *self,
                                     const char            *what,
                                     const char            *message)
{
  gtk_label_set_label (self->last_name, what);
  gtk_label_set_label (self->last_count, "");
  gtk_label_set_label (self->last_message, message);
  set_panel_state (self, "error");
  comptoir_scan_sounds_play (self->sounds, GTK_WIDGET (self), COMPTOIR_SCAN_SOUND_ERROR);
}

/* The big panel after an entry: the product, its count, how it stands
 * against what the stock expects. Counted short is not an error while
 * counting: the rest may be in the reserve. */
static void
show_counted (ComptoirInventoryView *self,
              const char            *product_id,
              const char            *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirInventoryLine) line = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *difference = NULL;
  g_autofree char *message = NULL;

  if (!reload_lines (self, product_id, &line, &error))
    {
      _comptoir_inventory_view_show_error (self, name, error->message);
      return;
    }
  gtk_label_set_label (self->last_name, name);
  if (line == NULL)
    {
      /* Counted, then taken back to nothing. */
      gtk_label_set_label (self->last_count, "0");
      gtk_label_set_label (self->last_message, _("Not counted any more"));
      set_panel_state (self, NULL);
      comptoir_scan_sounds_play (self->sounds, GTK_WIDGET (self), COMPTOIR_SCAN_SOUND_OK);
      return;
    }
  counted = _comptoir_stock_format_quantity (line->unit, line->counted_milli, FALSE);
  expected = _comptoir_stock_format_quantity (line->unit, line->expected_milli, FALSE);
  difference = _comptoir_stock_format_quantity (line->unit, ABS (line->difference_milli), FALSE);
  if (line->difference_milli == 0)
    /* Translators: "5 expected: the count matches the stock" */
    message = g_strdup_printf (_("%s expected: the count matches the stock"), expected);
  else if (line->difference_milli < 0)
    /* Translators: "5 expected: 2 still to find, or missing" */
    message = g_strdup_printf (_("%s expected: %s still to find, or missing"), expected, difference);
  else
    /* Translators: "5 expected: 3 more than the stock says" */
    message = g_strdup_printf (_("%s expected: %s more than the stock says"), expected, difference);
  gtk_label_set_label (self->last_count, counted);
  gtk_label_set_label (self->last_message, message);
  set_panel_state (self, line->difference_milli == 0 ? "complete" : line->difference_milli > 0 ? "over" : NULL);
  comptoir_scan_sounds_play (self->sounds, GTK_WIDGET (self),
                             line->difference_milli == 0 ? COMPTOIR_SCAN_SOUND_DONE : COMPTOIR_SCAN_SOUND_OK);
}

void
_comptoir_inventory_view_add (ComptoirInventoryView *self,
                              const char            *code,
                              gint64                 quantity_milli,
                              gint64                 from_code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = comptoir_inventory_add_code (self->catalog, self->rules, self->count_id, code,
                                                                     quantity_milli, &error);

  if (product == NULL)
    {
      _comptoir_inventory_view_show_error (self, code, error->message);
      return;
    }
  g_free (self->last_product_id);
  self->last_product_id = g_strdup (comptoir_product_get_id (product));
  self->last_quantity = quantity_milli == COMPTOIR_INVENTORY_QUANTITY_FROM_CODE ? from_code : quantity_milli;
  gtk_widget_set_sensitive (self->undo_button, self->last_quantity != 0);
  show_counted (self, self->last_product_id, comptoir_product_get_name (product));
}

void
comptoir_inventory_view_handle_code (ComptoirInventoryView *self,
                                     const char            *text)
{
  g_auto (ComptoirScan) scan = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (text));
  const char *code = clean;
  gint64 times = 0;

  g_return_if_fail (COMPTOIR_IS_INVENTORY_VIEW (self));

  if (self->count_id == NULL || *clean == '\0')
    return;
  /* "12*code" counts twelve; "-1*code" takes one back, for a count
   * typed or scanned once too often. */
  if (clean[0] == '-' && comptoir_scan_split_multiplier (clean + 1, &times, &code))
    times = -times;
  else if (!comptoir_scan_split_multiplier (clean, &times, &code))
    times = 0;
  if (!comptoir_scan_resolve (self->catalog, self->rules, code, &scan, &error))
    {
      _comptoir_inventory_view_show_error (self, code, error->message);
      return;
    }
  if (scan.product == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s is a member's card, not a product: scan the product."), code);

      _comptoir_inventory_view_show_error (self, code, message);
      return;
    }
  if (times != 0)
    {
      if (comptoir_product_get_unit (scan.product) != COMPTOIR_UNIT_PIECE)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s is counted by weight or volume: scan it alone, then type the quantity."),
                             comptoir_product_get_name (scan.product));

          _comptoir_inventory_view_show_error (self, code, message);
          return;
        }
      _comptoir_inventory_view_add (self, code, times * 1000, 0);
      return;
    }
  /* A weighed product scanned by its own code: the weight is typed. */
  if (scan.needs_weight)
    {
      _comptoir_inventory_ask_weight (self, code, scan.product);
      return;
    }
  _comptoir_inventory_view_add (self, code, COMPTOIR_INVENTORY_QUANTITY_FROM_CODE, scan.quantity_milli);
}

static void
on_scan_activate (ComptoirInventoryView *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->scan_entry)));

  gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
  comptoir_inventory_view_handle_code (self, text);
}

static void
on_undo_clicked (ComptoirInventoryView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = NULL;

  if (self->count_id == NULL || self->last_product_id == NULL || self->last_quantity == 0)
    return;
  product = comptoir_catalog_get_by_id (self->catalog, self->last_product_id, &error);
  if (product == NULL ||
      !comptoir_inventory_add (self->db, self->count_id, self->last_product_id, -self->last_quantity, &error))
    {
      _comptoir_inventory_view_show_error (self, "", error->message);
      return;
    }
  /* An undo is not undone by Undo again: scan again instead. */
  self->last_quantity = 0;
  gtk_widget_set_sensitive (self->undo_button, FALSE);
  show_counted (self, self->last_product_id, comptoir_product_get_name (product));
  _comptoir_inventory_view_focus_scan (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_undo_clicked (COMPTOIR_INVENTORY_VIEW (widget));
}

static void
validate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ComptoirInventoryView *self = COMPTOIR_INVENTORY_VIEW (widget);

  if (self->count_id != NULL)
    _comptoir_inventory_ask_validate (self);
}

static void
on_pause_clicked (ComptoirInventoryView *self)
{
  _comptoir_inventory_view_back_to_list (self);
}

static void
on_cancel_clicked (ComptoirInventoryView *self)
{
  _comptoir_inventory_ask_cancel (self);
}

static void
on_validate_clicked (ComptoirInventoryView *self)
{
  _comptoir_inventory_ask_validate (self);
}

static void
on_start_clicked (ComptoirInventoryView *self)
{
  _comptoir_inventory_ask_start (self);
}

void
comptoir_inventory_view_reload (ComptoirInventoryView *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (COMPTOIR_IS_INVENTORY_VIEW (self));

  if (self->db == NULL)
    return;
  if (self->count_id == NULL)
    reload_counts (self);
  else if (!reload_lines (self, NULL, NULL, &error))
    _comptoir_inventory_view_show_message (self, error->message);
}

/* Another machine may have counted, validated or started counts; the
 * scale rules may have changed in Settings. */
static void
on_map (ComptoirInventoryView *self)
{
  g_autoptr (GError) error = NULL;
  ComptoirScaleRules *rules;

  if (self->db == NULL)
    return;
  rules = comptoir_settings_load_scale_rules (self->db, &error);
  if (rules != NULL)
    {
      g_clear_pointer (&self->rules, comptoir_scale_rules_free);
      self->rules = rules;
    }
  else
    g_warning ("The scale label rules cannot be read: %s", error->message);
  comptoir_inventory_view_reload (self);
  _comptoir_inventory_view_focus_scan (self);
}

void
comptoir_inventory_view_set_catalog (ComptoirInventoryView *self,
                                     ComptoirCatalog       *catalog)
{
  g_return_if_fail (COMPTOIR_IS_INVENTORY_VIEW (self));

  g_set_object (&self->catalog, catalog);
  g_clear_object (&self->db);
  if (catalog != NULL)
    self->db = g_object_ref (comptoir_catalog_get_db (catalog));
  if (self->db != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map (self);
}

static void
comptoir_inventory_view_dispose (GObject *object)
{
  ComptoirInventoryView *self = COMPTOIR_INVENTORY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_INVENTORY_VIEW);
  g_clear_pointer (&self->sounds, comptoir_scan_sounds_free);
  g_clear_pointer (&self->rules, comptoir_scale_rules_free);
  g_clear_object (&self->catalog);
  g_clear_object (&self->db);
  g_clear_pointer (&self->count_id, g_free);
  g_clear_pointer (&self->last_product_id, g_free);

  G_OBJECT_CLASS (comptoir_inventory_view_parent_class)->dispose (object);
}

static void
comptoir_inventory_view_class_init (ComptoirInventoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comptoir_inventory_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-inventory-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, open_title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, open_list);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, past_title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, past_list);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, count_title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, scan_entry);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, last_box);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, last_name);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, last_count);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, last_message);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, undo_button);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirInventoryView, lines_scroll);
  gtk_widget_class_bind_template_callback (widget_class, on_map);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_scan_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_pause_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_validate_clicked);

  gtk_widget_class_install_action (widget_class, "inventory.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "inventory.validate", NULL, validate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "inventory.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "inventory.validate", NULL);
}

static void
comptoir_inventory_view_init (ComptoirInventoryView *self)
{
  const ComptoirStockColumn columns[] = {
    { _("Product"), -1, FALSE, NULL },
    { _("Code"), 110, FALSE, "monospace" },
    { _("Counted"), 110, TRUE, NULL },
    { _("Expected"), 110, TRUE, NULL },
    { _("Difference"), 110, TRUE, "inventory-difference" },
    /* Translators: the difference at average purchase cost */
    { _("Value"), 110, TRUE, NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->sounds = comptoir_scan_sounds_new ();
  self->lines_table = comptoir_stock_table_new (columns, G_N_ELEMENTS (columns), _("Products counted"));
  /* The scan field keeps the focus: the table is read, not used. */
  gtk_widget_set_focusable (GTK_WIDGET (self->lines_table), FALSE);
  gtk_scrolled_window_set_child (self->lines_scroll, GTK_WIDGET (self->lines_table));
}
