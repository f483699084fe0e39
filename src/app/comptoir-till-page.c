/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comptoir-quick-grid.h"
#include "comptoir-till-dialogs.h"
#include "comptoir-till-lock.h"
#include "comptoir-till-page-private.h"

/* How long an information message stays; errors stay until the next scan. */
#define MESSAGE_SECONDS 6
#define MAX_RESULTS 40

G_DEFINE_FINAL_TYPE (ComptoirTillPage, comptoir_till_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRAINING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void add_product (ComptoirTillPage *self, ComptoirProduct *product);

static gboolean
hide_message (gpointer data)
{
  ComptoirTillPage *self = data;

  self->message_source = 0;
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

/* Errors beep and stay until the next action: the cashier may be looking
 * at the customer, not the screen. */
void
_comptoir_till_page_show_message (ComptoirTillPage *self,
              const char       *text,
              gboolean          is_error)
{
  g_clear_handle_id (&self->message_source, g_source_remove);
  gtk_label_set_text (self->message_label, text);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      self->message_source = g_timeout_add_seconds (MESSAGE_SECONDS, hide_message, self);
    }
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

void
_comptoir_till_page_clear_message (ComptoirTillPage *self)
{
  g_clear_handle_id (&self->message_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

static void
set_multiplier (ComptoirTillPage *self,
                gint64            pieces)
{
  g_autofree char *text = g_strdup_printf ("%lld ×", (long long) pieces);

  self->multiplier = pieces;
  gtk_label_set_text (self->multiplier_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->multiplier_label), pieces > 0);
}

static char *
format_line_detail (ComptoirTillPage       *self,
                    const ComptoirOpenLine *line)
{
  g_autoptr (ComptoirProduct) product = NULL;
  g_autofree char *unit_price = comptoir_money_format_local (line->unit_price_cents);
  g_autofree char *quantity = NULL;
  ComptoirUnit unit = COMPTOIR_UNIT_PIECE;

  if (line->product_id != NULL)
    product = comptoir_catalog_get_by_id (self->catalog, line->product_id, NULL);
  if (product != NULL)
    unit = comptoir_product_get_unit (product);
  quantity = comptoir_quantity_format (unit, line->quantity_milli);

  if (unit == COMPTOIR_UNIT_KG)
    /* TRANSLATORS: weight × price per kg on a ticket line, e.g. "0,350 kg × 3,20 €/kg" */
    return g_strdup_printf (_("%s × %s €/kg"), quantity, unit_price);
  if (unit == COMPTOIR_UNIT_LITRE)
    return g_strdup_printf (_("%s × %s €/L"), quantity, unit_price);
  /* TRANSLATORS: pieces × unit price on a ticket line, e.g. "3 × 1,20 €" */
  return g_strdup_printf (_("%s × %s €"), quantity, unit_price);
}

static GtkWidget *
make_line_row (ComptoirTillPage       *self,
               const ComptoirOpenLine *line)
{
  g_autofree char *detail = format_line_detail (self, line);
  g_autofree char *total = comptoir_money_format_local (line->total_cents);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (line->label);
  GtkWidget *detail_label = gtk_label_new (detail);
  GtkWidget *total_label = gtk_label_new (total);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "till-line-name");
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail_label);
  gtk_widget_add_css_class (total_label, "till-line-total");
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), total_label);

  if (line->void_reason != NULL)
    {
      g_autofree char *voided = g_strdup_printf (_("Voided: %s"), line->void_reason);

      gtk_widget_add_css_class (row, "till-line-voided");
      gtk_label_set_text (GTK_LABEL (detail_label), voided);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (line->position));
  return row;
}

static void
scroll_to_end (ComptoirTillPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->lines_scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

void
_comptoir_till_page_refresh (ComptoirTillPage *self)
{
  guint n = comptoir_open_ticket_get_n_lines (self->ticket);
  gint64 total = comptoir_open_ticket_get_total (self->ticket);
  gint64 paid = comptoir_open_ticket_get_paid (self->ticket);
  g_autofree char *total_text = comptoir_money_format_local (total);
  g_autofree char *total_markup = g_strdup_printf (_("Total %s €"), total_text);
  GtkWidget *child, *last = NULL;
  guint n_standing = 0;

  _comptoir_till_page_refresh_member (self);
  gtk_widget_set_visible (GTK_WIDGET (self->training_label), comptoir_open_ticket_get_training (self->ticket));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_box))) != NULL)
    gtk_list_box_remove (self->lines_box, child);

  for (guint position = 1; position <= n; position++)
    {
      ComptoirOpenLine line;

      if (!comptoir_open_ticket_get_line (self->ticket, position, &line))
        continue;
      last = make_line_row (self, &line);
      gtk_list_box_append (self->lines_box, last);
      if (line.void_reason == NULL)
        n_standing++;
    }
  if (last != NULL && gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (last)))
    gtk_list_box_select_row (self->lines_box, GTK_LIST_BOX_ROW (last));

  gtk_label_set_text (self->total_label, total_markup);
  if (comptoir_open_ticket_get_n_payments (self->ticket) > 0)
    {
      g_autofree char *paid_text = comptoir_money_format_local (paid);
      g_autofree char *due_text = comptoir_money_format_local (MAX (total - paid, 0));
      g_autofree char *text = g_strdup_printf (_("Paid %s € — still due %s €"), paid_text, due_text);
      g_autoptr (GString) list = g_string_new (NULL);

      gtk_label_set_text (self->due_label, text);
      for (guint i = 0; i < comptoir_open_ticket_get_n_payments (self->ticket); i++)
        {
          const char *method;
          gint64 cents;
          g_autofree char *amount = NULL;

          comptoir_open_ticket_get_payment (self->ticket, i, &method, &cents);
          amount = comptoir_money_format_local (cents);
          g_string_append_printf (list, "%s%s %s €", i ? "\n" : "",
                                  comptoir_payment_method_get_label (method), amount);
        }
      gtk_label_set_text (self->payments_label, list->str);
    }
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_standing),
                                                n_standing);
      gtk_label_set_text (self->due_label, n_standing > 0 ? count : _("Scan the first item. For several of one item, type how many, then ×."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->payments_label), comptoir_open_ticket_get_n_payments (self->ticket) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "till.void-line",
                                 n_standing > 0 && comptoir_open_ticket_get_n_payments (self->ticket) == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "till.pay", n_standing > 0);

  /* After the rows are laid out, show the newest one. */
  g_idle_add_once ((GSourceOnceFunc) scroll_to_end, self);
}

void
_comptoir_till_page_show_side (ComptoirTillPage *self,
           const char       *name)
{
  gtk_stack_set_visible_child_name (self->side_stack, name);
}

/* A new ticket starts with the first scan after a sale: the change stays
 * on screen for the customer until then. */
void
_comptoir_till_page_leave_done (ComptoirTillPage *self)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->side_stack), "done"))
    {
      _comptoir_till_page_show_side (self, "quick");
      gtk_widget_remove_css_class (GTK_WIDGET (self->lines_box), "till-lines-paid");
      _comptoir_till_page_refresh (self);
    }
}

static void
add_with_quantity (ComptoirTillPage *self,
                   ComptoirScan     *scan)
{
  g_autoptr (GError) error = NULL;

  _comptoir_till_page_leave_done (self);
  if (self->multiplier > 0)
    {
      if (comptoir_product_get_unit (scan->product) != COMPTOIR_UNIT_PIECE || scan->unit_price_cents >= 0)
        {
          _comptoir_till_page_show_message (self, _("× multiplies pieces only: weighed and priced labels carry their own quantity."), TRUE);
          set_multiplier (self, 0);
          return;
        }
      scan->quantity_milli = self->multiplier * 1000;
      set_multiplier (self, 0);
    }
  if (comptoir_open_ticket_add_scan (self->ticket, scan, &error) == 0)
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  _comptoir_till_page_clear_message (self);
  _comptoir_till_page_refresh (self);
}

typedef struct {
  ComptoirTillPage *page;
  ComptoirProduct  *product;
} WeightRequest;

static void
on_weight (gpointer user_data,
           gint64   grams)
{
  WeightRequest *request = user_data;
  ComptoirScan scan = { .product = request->product, .quantity_milli = grams, .unit_price_cents = -1 };

  add_with_quantity (request->page, &scan);
  comptoir_till_page_focus_scan (request->page);
}

static void
weight_request_free (gpointer data)
{
  WeightRequest *request = data;

  g_object_unref (request->page);
  g_object_unref (request->product);
  g_free (request);
}

static void
ask_weight (ComptoirTillPage *self,
            ComptoirProduct  *product)
{
  WeightRequest *request = g_new0 (WeightRequest, 1);

  request->page = g_object_ref (self);
  request->product = g_object_ref (product);
  /* The request lives as long as the page's list of pending requests:
   * one at a time, replaced by the next. */
  g_object_set_data_full (G_OBJECT (self), "weight-request", request, weight_request_free);
  comptoir_till_ask_weight (GTK_WIDGET (self), product, on_weight, request);
}

static void
add_product (ComptoirTillPage *self,
             ComptoirProduct  *product)
{
  ComptoirScan scan = { .product = product, .quantity_milli = 1000, .unit_price_cents = -1 };

  if (comptoir_product_get_unit (product) == COMPTOIR_UNIT_KG)
    {
      ask_weight (self, product);
      return;
    }
  add_with_quantity (self, &scan);
}

static void
on_result_activated (ComptoirTillPage *self,
                     GtkListBoxRow    *row)
{
  ComptoirProduct *product = g_object_get_data (G_OBJECT (row), "product");

  _comptoir_till_page_show_side (self, "quick");
  add_product (self, product);
  comptoir_till_page_focus_scan (self);
}

static GtkWidget *
make_product_row (ComptoirProduct *product)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *price = comptoir_money_format_local (comptoir_product_get_price_cents (product));
  g_autofree char *subtitle = comptoir_product_get_unit (product) == COMPTOIR_UNIT_KG
                              ? g_strdup_printf (_("%s €/kg"), price)
                              : g_strdup_printf (_("%s €"), price);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), comptoir_product_get_name (product));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "product", g_object_ref (product), g_object_unref);
  return row;
}

/* Unlabelled goods are found by name; the search is the catalogue's,
 * a millisecond on 100,000 products, so it runs right here. */
static void
search_by_name (ComptoirTillPage *self,
                const char       *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rowids = comptoir_catalog_search (self->catalog, text, COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error);
  g_autofree char *title = NULL;
  GtkWidget *child;
  guint shown = 0;

  if (rowids == NULL)
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  if (rowids->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No product matches “%s”. Check the spelling, or scan the item."), text);
      _comptoir_till_page_show_message (self, message, TRUE);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_list_box_remove (self->results_box, child);
  for (guint i = 0; i < rowids->len && shown < MAX_RESULTS; i++)
    {
      g_autoptr (ComptoirProduct) product =
        comptoir_catalog_get_by_rowid (self->catalog, g_array_index (rowids, gint64, i), NULL);

      if (product == NULL || !comptoir_product_get_active (product))
        continue;
      gtk_list_box_append (self->results_box, make_product_row (product));
      shown++;
    }
  if (rowids->len > shown)
    title = g_strdup_printf (_("%u products match “%s”; the first %u are shown. Type more to narrow down."),
                             rowids->len, text, shown);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product matches “%s”", "%u products match “%s”", shown),
                             shown, text);
  gtk_label_set_text (self->results_label, title);
  _comptoir_till_page_clear_message (self);
  _comptoir_till_page_show_side (self, "results");
}

/* The entry's inner text widget holds the focus, not the entry itself. */
static gboolean
scan_has_focus (ComptoirTillPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self->scan_entry) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->scan_entry)));
}

static gboolean
looks_like_code (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != 0x1d && *p != ']')
      return FALSE;
  return TRUE;
}

static void
handle_input (ComptoirTillPage *self,
              const char       *text)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirScan) scan = { 0 };

  if (*text == '\0')
    return;

  if (comptoir_scan_resolve (self->catalog, self->rules, text, &scan, &error))
    {
      if (scan.member_id != NULL)
        {
          _comptoir_till_page_set_member (self, scan.member_id);
          return;
        }
      if (scan.needs_weight)
        {
          _comptoir_till_page_leave_done (self);
          ask_weight (self, scan.product);
          return;
        }
      add_with_quantity (self, &scan);
      return;
    }

  /* A receipt's barcode ("T1-42"): the customer is bringing it back. */
  if (g_error_matches (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND) && strchr (text, '-') != NULL &&
      _comptoir_till_page_offer_refund (self, text))
    return;

  /* Words are a product name; a number nobody knows is a bad scan. */
  if (!looks_like_code (text) && g_error_matches (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
    {
      _comptoir_till_page_leave_done (self);
      search_by_name (self, text);
      return;
    }
  _comptoir_till_page_show_message (self, error->message, TRUE);
}

static void
on_scan_activate (ComptoirTillPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->scan_entry))));

  gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
  handle_input (self, text);
}

/* Every key reaches this first. A scanner's burst is decoded from the
 * key codes (the entry shows what the layout made of them, often
 * "&é\"'(" on AZERTY) and replaces what the entry holds; typing goes to
 * the entry as usual. "3 ×" (or *) sets how many of the next item. */
static gboolean
on_key_pressed (ComptoirTillPage      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  g_autofree char *code = NULL;
  ComptoirKeyModifiers modifiers = 0;
  gint64 time_us = (gint64) gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller)) * 1000;
  gint64 pieces;

  _comptoir_till_page_touch_idle (self);
  if (state & GDK_SHIFT_MASK)
    modifiers |= COMPTOIR_KEY_SHIFT;
  if (state & GDK_CONTROL_MASK)
    modifiers |= COMPTOIR_KEY_CONTROL;

  /* X11 and Wayland key codes are evdev codes plus 8. */
  if (keycode >= 8 &&
      comptoir_keyboard_scan_feed (self->keyboard, keycode - 8, modifiers, time_us, &code) == COMPTOIR_KEY_BURST_END)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
      handle_input (self, code);
      return GDK_EVENT_STOP;
    }

  if ((keyval == GDK_KEY_asterisk || keyval == GDK_KEY_KP_Multiply || keyval == GDK_KEY_multiply) &&
      scan_has_focus (self) &&
      comptoir_pieces_parse (gtk_editable_get_text (GTK_EDITABLE (self->scan_entry)), &pieces))
    {
      set_multiplier (self, pieces);
      gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_quick_chosen (ComptoirTillPage *self,
                 ComptoirProduct  *product)
{
  add_product (self, product);
  comptoir_till_page_focus_scan (self);
}

static void
show_quick_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);

  _comptoir_till_page_show_side (self, "quick");
  comptoir_till_page_focus_scan (self);
}

static void
on_scanner_code (ComptoirTillPage *self,
                 const char       *code)
{
  _comptoir_till_page_touch_idle (self);
  if (self->cashier == NULL)
    {
      _comptoir_till_page_show_message (self, _("Log in before scanning."), TRUE);
      return;
    }
  handle_input (self, code);
}

static void
on_scanner_disconnected (ComptoirTillPage *self,
                         const GError     *error)
{
  _comptoir_till_page_show_message (self, error->message, TRUE);
  g_clear_object (&self->scanner);
}

/* The dedicated scanner of this till, if one is set up: grabbed, so its
 * keys never land in another field. Without it, the keyboard path reads
 * the scanner's bursts. */
static void
open_scanner (ComptoirTillPage *self)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_settings_get_string (settings, "scanner-device");
  g_autoptr (GError) error = NULL;

  if (*path == '\0')
    return;
  self->scanner = comptoir_scanner_evdev_open (path, &error);
  if (self->scanner == NULL)
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  g_signal_connect_object (self->scanner, "code", G_CALLBACK (on_scanner_code), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scanner, "disconnected", G_CALLBACK (on_scanner_disconnected), self, G_CONNECT_SWAPPED);
}

gboolean
comptoir_till_page_set_catalog (ComptoirTillPage  *self,
                                ComptoirCatalog   *catalog,
                                const char        *till_code,
                                GError           **error)
{
  g_return_val_if_fail (COMPTOIR_IS_TILL_PAGE (self), FALSE);
  g_return_val_if_fail (self->catalog == NULL, FALSE);

  self->catalog = g_object_ref (catalog);
  self->db = g_object_ref (comptoir_catalog_get_db (catalog));
  self->till_code = g_strdup (till_code);

  if (!(self->till_id = comptoir_till_ensure (self->db, till_code, error)) ||
      !(self->rules = comptoir_settings_load_scale_rules (self->db, error)) ||
      !(self->ticket = comptoir_open_ticket_resume_or_start (self->db, self->till_id, error)))
    return FALSE;

  _comptoir_till_page_fill_payment_buttons (self);
  if (!comptoir_quick_grid_set_catalog (self->quick_grid, catalog, error))
    return FALSE;
  _comptoir_till_page_refresh (self);

  open_scanner (self);

  /* Nobody is logged in after a start: the till opens locked. */
  comptoir_till_lock_set_till (self->lock, self->db, self->till_id);
  gtk_stack_set_visible_child_name (self->till_stack, "locked");
  return TRUE;
}

void
comptoir_till_page_focus_scan (ComptoirTillPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
}

gboolean
comptoir_till_page_is_ready (ComptoirTillPage *self)
{
  return self->ticket != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->scan_entry)) && scan_has_focus (self);
}

/* The scan field keeps the focus: whatever was clicked or closed, the
 * next scan must land in it. */
static void
on_map (ComptoirTillPage *self)
{
  comptoir_till_page_focus_scan (self);
}

/* Training mode, a check item in the till's menu; refused in the middle
 * of a ticket, with the reason said. */
static void
set_training (ComptoirTillPage *self,
              gboolean          training)
{
  g_autoptr (GError) error = NULL;

  if (self->ticket != NULL && !comptoir_open_ticket_set_training (self->ticket, training, &error))
    _comptoir_till_page_show_message (self, error->message, TRUE);
  _comptoir_till_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINING]);
}

static void
comptoir_till_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (object);

  switch (prop_id)
    {
    case PROP_TRAINING:
      g_value_set_boolean (value, self->ticket != NULL && comptoir_open_ticket_get_training (self->ticket));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comptoir_till_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (object);

  switch (prop_id)
    {
    case PROP_TRAINING:
      set_training (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comptoir_till_page_dispose (GObject *object)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (object);

  g_clear_handle_id (&self->message_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_TILL_PAGE);
  g_clear_object (&self->ticket);
  g_clear_object (&self->catalog);
  g_clear_object (&self->db);
  g_clear_pointer (&self->rules, comptoir_scale_rules_free);
  g_clear_pointer (&self->keyboard, comptoir_keyboard_scan_free);
  g_clear_pointer (&self->till_id, g_free);
  g_clear_pointer (&self->till_code, g_free);
  g_clear_handle_id (&self->lock_source, g_source_remove);
  g_clear_object (&self->cashier);

  G_OBJECT_CLASS (comptoir_till_page_parent_class)->dispose (object);
}

static void
comptoir_till_page_class_init (ComptoirTillPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comptoir_till_page_dispose;
  object_class->get_property = comptoir_till_page_get_property;
  object_class->set_property = comptoir_till_page_set_property;

  properties[PROP_TRAINING] =
    g_param_spec_boolean ("training", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COMPTOIR_TYPE_QUICK_GRID);
  g_type_ensure (COMPTOIR_TYPE_TILL_LOCK);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-till-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, till_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, closed_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, multiplier_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, scan_entry);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, member_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, training_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, lines_scroller);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, lines_box);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, quick_grid);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, lock);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, cashier_button);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, results_box);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, done_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, payments_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirTillPage, payment_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_scan_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_quick_chosen);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_unlocked", G_CALLBACK (_comptoir_till_page_on_unlocked));

  gtk_widget_class_install_action (widget_class, "till.show-quick", NULL, show_quick_action);
  comptoir_till_page_class_add_login_actions (widget_class);
  comptoir_till_page_class_add_member_actions (widget_class);
  gtk_widget_class_install_property_action (widget_class, "till.training", "training");
  comptoir_till_page_class_add_ticket_actions (widget_class);
  comptoir_till_page_class_add_cash_actions (widget_class);
  comptoir_till_page_class_add_receipt_actions (widget_class);
  comptoir_till_page_class_add_payment_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "till.lock", NULL);
}

static void
comptoir_till_page_init (ComptoirTillPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *taps = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->keyboard = comptoir_keyboard_scan_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (taps), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (taps, "pressed", G_CALLBACK (_comptoir_till_page_touch_idle), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (taps));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}
