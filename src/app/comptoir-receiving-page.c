/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-receiving-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comptoir-receiving-page-private.h"
#include "comptoir-scan-keys.h"
#include "comptoir-toast.h"

G_DEFINE_FINAL_TYPE (ComptoirReceivingPage, comptoir_receiving_page, GTK_TYPE_WIDGET)

/* The receiver looks at the pallet, not the screen: every scan is
 * heard (comptoir-scan-screen.h). */
void
_comptoir_receiving_page_play (ComptoirReceivingPage *self,
                               ComptoirScanSound      sound)
{
  comptoir_scan_sounds_play (self->sounds, GTK_WIDGET (self), sound);
}

void
_comptoir_receiving_page_show_message (ComptoirReceivingPage *self,
                                       const char            *message)
{
  comptoir_toast_show (GTK_WIDGET (self), &self->toast, message);
}

void
_comptoir_receiving_page_focus_scan (ComptoirReceivingPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "receipt") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
}

/* The list of receipts in progress -------------------------------------- */

static void
on_resume_clicked (GtkButton             *button,
                   ComptoirReceivingPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!comptoir_receiving_page_open (self, g_object_get_data (G_OBJECT (button), "receipt-id"), &error))
    _comptoir_receiving_page_show_message (self, error->message);
}

static void
on_receive_clicked (GtkButton             *button,
                    ComptoirReceivingPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *receipt_id =
    comptoir_goods_receipt_start (self->db, g_object_get_data (G_OBJECT (button), "supplier-id"),
                                  g_object_get_data (G_OBJECT (button), "order-id"), NULL, &error);

  if (receipt_id == NULL || !comptoir_receiving_page_open (self, receipt_id, &error))
    _comptoir_receiving_page_show_message (self, error->message);
}

static gboolean
has_receipt (GPtrArray  *open,
             const char *order_number)
{
  for (guint i = 0; i < open->len; i++)
    if (g_strcmp0 (((ComptoirReceiptSummary *) g_ptr_array_index (open, i))->order_number, order_number) == 0)
      return TRUE;
  return FALSE;
}

/* Orders sent and not received yet: the receiver starts from the
 * delivery in front of them, without having to know its number. Returns
 * how many rows were added. */
static guint
add_expected_orders (ComptoirReceivingPage *self,
                     GPtrArray             *open)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) suppliers = comptoir_supplier_list (self->db, FALSE, &error);
  guint n_rows = 0;

  for (guint i = 0; suppliers != NULL && i < suppliers->len; i++)
    {
      const ComptoirSupplier *supplier = g_ptr_array_index (suppliers, i);
      g_autoptr (GPtrArray) orders = NULL;

      if (!comptoir_purchase_order_list (self->db, supplier->id, &orders, &error))
        break;
      for (guint j = 0; j < orders->len; j++)
        {
          const ComptoirPurchaseOrderSummary *order = g_ptr_array_index (orders, j);
          GtkWidget *row, *button;
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;

          if (order->status != COMPTOIR_PURCHASE_ORDER_SENT || has_receipt (open, order->number))
            continue;
          row = adw_action_row_new ();
          button = gtk_button_new_with_mnemonic (_("_Receive"));
          title = g_strdup_printf (_("%s — order %s"), supplier->name, order->number);
          /* Translators: an order not received yet, "expected on 2026-11-25, 8 lines" */
          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expected on %s, %u line",
                                                   "expected on %s, %u lines", order->n_lines),
                                      order->expected_on != NULL ? order->expected_on : "", order->n_lines);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "suggested-action");
          g_object_set_data_full (G_OBJECT (button), "supplier-id", g_strdup (supplier->id), g_free);
          g_object_set_data_full (G_OBJECT (button), "order-id", g_strdup (order->id), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_receive_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
          gtk_list_box_append (self->open_list, row);
          n_rows++;
        }
    }
  if (error != NULL)
    _comptoir_receiving_page_show_message (self, error->message);
  return n_rows;
}

static void
reload_open_list (ComptoirReceivingPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) open = comptoir_goods_receipt_list_open (self->db, &error);
  GtkWidget *child;
  guint n_rows;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->open_list))) != NULL)
    gtk_list_box_remove (self->open_list, child);
  if (open == NULL)
    {
      _comptoir_receiving_page_show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < open->len; i++)
    {
      const ComptoirReceiptSummary *summary = g_ptr_array_index (open, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Resume"));
      g_autofree char *title = summary->order_number != NULL
        /* Translators: a receipt in progress, "Biocoop — order C-0042" */
        ? g_strdup_printf (_("%s — order %s"), summary->supplier_name, summary->order_number)
        : g_strdup (summary->supplier_name);
      g_autofree char *subtitle =
        /* Translators: "started 2026-11-23 09:12, 12 of 40 lines received, 57 scans" */
        g_strdup_printf (_("started %.16s, %u of %u lines received, %lld scans"),
                         summary->started_at, summary->n_lines_received, summary->n_lines, (long long) summary->n_scans);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "receipt-id", g_strdup (summary->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_resume_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->open_list, row);
    }
  n_rows = open->len + add_expected_orders (self, open);
  gtk_widget_set_visible (self->open_title, n_rows > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->open_list), n_rows > 0);
}

void
_comptoir_receiving_page_back_to_list (ComptoirReceivingPage *self)
{
  g_clear_pointer (&self->receipt_id, g_free);
  g_clear_pointer (&self->last_scan_id, g_free);
  g_clear_pointer (&self->last_line_id, g_free);
  reload_open_list (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* The receipt ---------------------------------------------------------------- */

static const char *
state_class (ComptoirReceiptLineState state)
{
  switch (state)
    {
    case COMPTOIR_RECEIPT_LINE_COMPLETE:
      return "line-complete";
    case COMPTOIR_RECEIPT_LINE_OVER:
    case COMPTOIR_RECEIPT_LINE_UNEXPECTED:
      return "line-over";
    case COMPTOIR_RECEIPT_LINE_SHORT:
      return "line-short";
    case COMPTOIR_RECEIPT_LINE_WAITING:
      return "line-waiting";
    case COMPTOIR_RECEIPT_LINE_NO_ORDER:
    default:
      return "line-received";
    }
}

static const char *
state_label (ComptoirReceiptLineState state)
{
  switch (state)
    {
    case COMPTOIR_RECEIPT_LINE_COMPLETE:
      return _("complete");
    case COMPTOIR_RECEIPT_LINE_OVER:
      return _("more than ordered");
    case COMPTOIR_RECEIPT_LINE_UNEXPECTED:
      return _("not ordered");
    case COMPTOIR_RECEIPT_LINE_SHORT:
      return _("still expected");
    case COMPTOIR_RECEIPT_LINE_WAITING:
      return _("nothing yet");
    case COMPTOIR_RECEIPT_LINE_NO_ORDER:
    default:
      return _("received");
    }
}

/* "12 / 24" against an order, "12" without one. */
static char *
format_count (const ComptoirReceiptLine *line)
{
  g_autofree char *received = comptoir_goods_receipt_format_quantity (line->unit, line->pack_milli,
                                                                      line->received_milli);
  g_autofree char *expected = NULL;

  if (line->expected_milli == 0)
    return g_steal_pointer (&received);
  expected = comptoir_goods_receipt_format_quantity (line->unit, line->pack_milli, line->expected_milli);
  return g_strdup_printf ("%s / %s", received, expected);
}

static GtkWidget *
line_row_new (const ComptoirReceiptLine *line,
              gboolean                   last)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (line->label);
  g_autofree char *count_text = format_count (line);
  GtkWidget *count = gtk_label_new (count_text);
  GtkWidget *state = gtk_label_new (state_label (line->state));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (state, "receiving-line-state");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), state);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, state_class (line->state));
  if (last)
    gtk_widget_add_css_class (row, "line-last");
  g_object_set_data_full (G_OBJECT (row), "line-id", g_strdup (line->id), g_free);
  return row;
}

static gboolean
scroll_to_last (gpointer data)
{
  ComptoirReceivingPage *self = data;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_has_css_class (row, "line-last"))
      {
        graphene_rect_t bounds;
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->lines_scroll);

        if (gtk_widget_compute_bounds (row, GTK_WIDGET (self->lines_list), &bounds))
          gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
        break;
      }
  return G_SOURCE_REMOVE;
}

static gboolean
reload_lines (ComptoirReceivingPage  *self,
              GError                **error)
{
  g_auto (ComptoirGoodsReceipt) receipt = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *progress = NULL;
  GtkWidget *child;
  guint n_received = 0, n_complete = 0;

  if (!comptoir_goods_receipt_load (self->db, self->receipt_id, &receipt, error))
    return FALSE;
  title = receipt.order_number != NULL
            ? g_strdup_printf (_("%s — order %s"), receipt.supplier_name, receipt.order_number)
            : g_strdup (receipt.supplier_name);
  gtk_label_set_label (self->receipt_title, title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list))) != NULL)
    gtk_list_box_remove (self->lines_list, child);
  for (guint i = 0; i < receipt.lines->len; i++)
    {
      const ComptoirReceiptLine *line = &g_array_index (receipt.lines, ComptoirReceiptLine, i);

      gtk_list_box_append (self->lines_list, line_row_new (line, g_strcmp0 (line->id, self->last_line_id) == 0));
      if (line->received_milli != 0)
        n_received++;
      if (line->state == COMPTOIR_RECEIPT_LINE_COMPLETE)
        n_complete++;
    }
  /* Translators: "14 of 40 lines received, 12 complete" */
  progress = g_strdup_printf (_("%u of %u lines received, %u complete"), n_received, receipt.lines->len, n_complete);
  gtk_label_set_label (self->progress_label, progress);
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_last, g_object_ref (self), g_object_unref);
  return TRUE;
}

gboolean
comptoir_receiving_page_open (ComptoirReceivingPage  *self,
                              const char             *receipt_id,
                              GError                **error)
{
  g_autofree char *previous = NULL;

  g_return_val_if_fail (COMPTOIR_IS_RECEIVING_PAGE (self), FALSE);

  previous = g_steal_pointer (&self->receipt_id);
  self->receipt_id = g_strdup (receipt_id);
  g_clear_pointer (&self->last_scan_id, g_free);
  g_clear_pointer (&self->last_line_id, g_free);
  if (!reload_lines (self, error))
    {
      g_free (self->receipt_id);
      self->receipt_id = g_steal_pointer (&previous);
      return FALSE;
    }
  gtk_label_set_label (self->last_name, _("Ready: scan the first case"));
  gtk_label_set_label (self->last_count, "");
  gtk_label_set_label (self->last_message, "");
  gtk_widget_set_sensitive (self->undo_button, FALSE);
  gtk_widget_remove_css_class (self->last_box, "error");
  gtk_widget_remove_css_class (self->last_box, "complete");
  gtk_widget_remove_css_class (self->last_box, "over");
  gtk_stack_set_visible_child_name (self->stack, "receipt");
  gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
  return TRUE;
}

const char *
comptoir_receiving_page_get_receipt_id (ComptoirReceivingPage *self)
{
  g_return_val_if_fail (COMPTOIR_IS_RECEIVING_PAGE (self), NULL);

  return self->receipt_id;
}

static void
set_panel_state (ComptoirReceivingPage *self,
                 const char            *state)
{
  static const char * const states[] = { "error", "complete", "over" };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i], state) == 0)
      gtk_widget_add_css_class (self->last_box, states[i]);
    else
      gtk_widget_remove_css_class (self->last_box, states[i]);
}

void
_comptoir_receiving_page_show_error (ComptoirReceivingPage *self,
                                     const char            *code,
                                     const char            *message)
{
  gtk_label_set_label (self->last_name, code);
  gtk_label_set_label (self->last_count, "");
  gtk_label_set_label (self->last_message, message);
  set_panel_state (self, "error");
  _comptoir_receiving_page_play (self, COMPTOIR_SCAN_SOUND_ERROR);
}

void
_comptoir_receiving_page_show_result (ComptoirReceivingPage           *self,
                                      const ComptoirReceiptScanResult *result)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *count = format_count (&result->line);

  gtk_label_set_label (self->last_name, result->line.label);
  gtk_label_set_label (self->last_count, count);
  gtk_label_set_label (self->last_message, result->message != NULL ? result->message : "");
  set_panel_state (self, result->exceeds || result->line.unexpected ? "over" : result->completes ? "complete" : NULL);
  if (result->status == COMPTOIR_RECEIPT_SCAN_COUNTED)
    {
      g_free (self->last_scan_id);
      self->last_scan_id = g_strdup (result->scan_id);
      gtk_widget_set_sensitive (self->undo_button, TRUE);
    }
  g_free (self->last_line_id);
  self->last_line_id = g_strdup (result->line.id);
  _comptoir_receiving_page_play (self, result->exceeds || result->line.unexpected ? COMPTOIR_SCAN_SOUND_ERROR
                                       : result->completes ? COMPTOIR_SCAN_SOUND_DONE
                                                           : COMPTOIR_SCAN_SOUND_OK);
  if (!reload_lines (self, &error))
    _comptoir_receiving_page_show_message (self, error->message);
}

void
comptoir_receiving_page_handle_code (ComptoirReceivingPage *self,
                                     const char            *text)
{
  g_auto (ComptoirReceiptScanResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (text));
  const char *code = clean;
  gint64 times = 1;
  gboolean ok;

  g_return_if_fail (COMPTOIR_IS_RECEIVING_PAGE (self));

  if (self->receipt_id == NULL || *clean == '\0')
    return;
  /* "12*code": twelve of what the code is, a case code counting twelve
   * cases. */
  if (comptoir_scan_split_multiplier (clean, &times, &code))
    {
      ok = comptoir_goods_receipt_find (self->db, self->receipt_id, code, &result, &error);
      if (ok && result.status == COMPTOIR_RECEIPT_SCAN_FOUND)
        {
          g_autofree char *line_id = g_strdup (result.line.id);
          gint64 each = result.is_case ? result.line.pack_milli : 1000;

          comptoir_receipt_scan_result_clear (&result);
          ok = comptoir_goods_receipt_count (self->db, self->receipt_id, line_id, times * each, result.lot,
                                             NULL, NULL, FALSE, &result, &error);
        }
    }
  else
    ok = comptoir_goods_receipt_scan (self->db, self->receipt_id, code, &result, &error);

  if (!ok && g_error_matches (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
    {
      _comptoir_receiving_page_show_error (self, code, error->message);
      _comptoir_receiving_ask_unknown (self, &result, code);
      return;
    }
  if (!ok)
    {
      _comptoir_receiving_page_show_error (self, code, error->message);
      return;
    }
  switch (result.status)
    {
    case COMPTOIR_RECEIPT_SCAN_NOT_FOUND:
      _comptoir_receiving_page_show_error (self, code, result.message);
      _comptoir_receiving_ask_unknown (self, &result, code);
      break;
    case COMPTOIR_RECEIPT_SCAN_NEEDS_WEIGHT:
      _comptoir_receiving_ask_weight (self, &result);
      break;
    case COMPTOIR_RECEIPT_SCAN_COUNTED:
    case COMPTOIR_RECEIPT_SCAN_FOUND:
    default:
      _comptoir_receiving_page_show_result (self, &result);
      break;
    }
}

static void
on_scan_activate (ComptoirReceivingPage *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->scan_entry)));

  gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
  comptoir_receiving_page_handle_code (self, text);
}

static void
on_scanner_code (gpointer    user_data,
                 const char *code)
{
  comptoir_receiving_page_handle_code (user_data, code);
}

static void
on_undo_clicked (ComptoirReceivingPage *self)
{
  g_auto (ComptoirReceiptScanResult) result = { 0 };
  g_autoptr (GError) error = NULL;

  if (self->receipt_id == NULL || self->last_scan_id == NULL)
    return;
  if (!comptoir_goods_receipt_undo (self->db, self->receipt_id, self->last_scan_id, &result, &error))
    {
      _comptoir_receiving_page_show_error (self, "", error->message);
      return;
    }
  g_clear_pointer (&self->last_scan_id, g_free);
  _comptoir_receiving_page_show_result (self, &result);
  /* An undo is not undone by Undo again: scan again instead. */
  gtk_widget_set_sensitive (self->undo_button, FALSE);
  g_clear_pointer (&self->last_scan_id, g_free);
  _comptoir_receiving_page_focus_scan (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_undo_clicked (COMPTOIR_RECEIVING_PAGE (widget));
}

static void
on_pause_clicked (ComptoirReceivingPage *self)
{
  _comptoir_receiving_page_back_to_list (self);
}

static void
on_cancel_clicked (ComptoirReceivingPage *self)
{
  _comptoir_receiving_ask_cancel (self);
}

static void
on_validate_clicked (ComptoirReceivingPage *self)
{
  _comptoir_receiving_ask_validate (self);
}

static void
validate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ComptoirReceivingPage *self = COMPTOIR_RECEIVING_PAGE (widget);

  if (self->receipt_id != NULL)
    _comptoir_receiving_ask_validate (self);
}

static void
on_start_clicked (ComptoirReceivingPage *self)
{
  _comptoir_receiving_ask_start (self);
}

/* Another machine may have scanned, validated or started receipts. */
static void
on_map (ComptoirReceivingPage *self)
{
  g_autoptr (GError) error = NULL;

  if (self->db == NULL)
    return;
  if (self->receipt_id == NULL)
    reload_open_list (self);
  else if (!reload_lines (self, &error))
    _comptoir_receiving_page_show_message (self, error->message);
  _comptoir_receiving_page_focus_scan (self);
}

void
comptoir_receiving_page_set_catalog (ComptoirReceivingPage *self,
                                     ComptoirCatalog       *catalog)
{
  g_return_if_fail (COMPTOIR_IS_RECEIVING_PAGE (self));

  g_set_object (&self->catalog, catalog);
  g_clear_object (&self->db);
  if (catalog != NULL)
    self->db = g_object_ref (comptoir_catalog_get_db (catalog));
  if (self->db != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map (self);
}

static void
comptoir_receiving_page_dispose (GObject *object)
{
  ComptoirReceivingPage *self = COMPTOIR_RECEIVING_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_RECEIVING_PAGE);
  g_clear_pointer (&self->sounds, comptoir_scan_sounds_free);
  g_clear_object (&self->catalog);
  g_clear_object (&self->db);
  g_clear_pointer (&self->receipt_id, g_free);
  g_clear_pointer (&self->last_scan_id, g_free);
  g_clear_pointer (&self->last_line_id, g_free);
  g_clear_weak_pointer (&self->toast);

  G_OBJECT_CLASS (comptoir_receiving_page_parent_class)->dispose (object);
}

static void
comptoir_receiving_page_class_init (ComptoirReceivingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comptoir_receiving_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-receiving-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, open_list);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, open_title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, receipt_title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, scan_entry);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, last_box);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, last_name);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, last_count);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, last_message);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, undo_button);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, lines_scroll);
  gtk_widget_class_bind_template_child (widget_class, ComptoirReceivingPage, lines_list);
  gtk_widget_class_bind_template_callback (widget_class, on_map);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_scan_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_pause_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_validate_clicked);

  gtk_widget_class_install_action (widget_class, "receiving.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "receiving.validate", NULL, validate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "receiving.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "receiving.validate", NULL);
}

static void
comptoir_receiving_page_init (ComptoirReceivingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->sounds = comptoir_scan_sounds_new ();
  comptoir_scan_keys_attach (GTK_WIDGET (self), GTK_EDITABLE (self->scan_entry), on_scanner_code, self);
}
