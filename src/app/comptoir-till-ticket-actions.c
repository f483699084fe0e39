/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-till-page-private.h"

/* Corrections to the ticket in progress: void a line, change a price or
 * discount it with a manager's PIN, cancel the whole ticket, park it and
 * come back to it. Every one is recorded in the audit log by the core. */

/* The line the cashier selected, as a copy that outlives the next
 * refresh; FALSE (and a message) when there is none. */
static gboolean
get_selected_line (ComptoirTillPage *self,
                   ComptoirOpenLine *line)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->lines_box);

  if (row == NULL ||
      !comptoir_open_ticket_get_line (self->ticket, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position")), line) ||
      line->void_reason != NULL)
    {
      _comptoir_till_page_show_message (self, _("Tap the line to correct first."), TRUE);
      return FALSE;
    }
  return TRUE;
}

static void
after_action (ComptoirTillPage *self,
              GError           *error)
{
  if (error != NULL)
    _comptoir_till_page_show_message (self, error->message, TRUE);
  _comptoir_till_page_refresh (self);
  comptoir_till_page_focus_scan (self);
}

static void
on_void_reason (gpointer    user_data,
                const char *reason)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;
  ComptoirOpenLine line;

  if (get_selected_line (self, &line))
    comptoir_open_ticket_void_line (self->ticket, line.position, reason, &error);
  after_action (self, error);
}

static void
void_line_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);
  g_autofree char *body = NULL;
  ComptoirOpenLine line;

  if (!get_selected_line (self, &line))
    return;
  body = g_strdup_printf (_("“%s” will be taken off the ticket. The void is kept with its reason."), line.label);
  comptoir_till_ask_reason (widget, _("Void This Line?"), body, _("_Void Line"), on_void_reason, self);
}

/* A manager's PIN names the manager who approves; a wrong one is
 * recorded by the core and said here. */
static char *
authorize (ComptoirTillPage *self,
           const char       *pin)
{
  g_autoptr (GError) error = NULL;
  char *manager = comptoir_staff_authorize (self->db, self->till_id, pin, &error);

  if (manager == NULL)
    _comptoir_till_page_show_message (self, error->message, TRUE);
  return manager;
}

static void
on_override (gpointer            user_data,
             const char * const *values)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *manager = NULL;
  ComptoirOpenLine line;
  gint64 price;

  if (!get_selected_line (self, &line))
    return;
  if (!comptoir_money_parse (values[0], &price) || price < 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a price. Type it like 2,50."), values[0]);
      _comptoir_till_page_show_message (self, message, TRUE);
      return;
    }
  if ((manager = authorize (self, values[2])) == NULL)
    return;
  comptoir_open_ticket_override_price (self->ticket, line.position, price, manager, values[1], &error);
  after_action (self, error);
}

static void
override_price_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);
  static const ComptoirFormField fields[] = {
    { N_("New unit price, e.g. 2,50"), FALSE },
    { N_("Reason"), FALSE },
    { N_("Manager’s PIN"), TRUE },
  };
  g_autofree char *body = NULL;
  ComptoirOpenLine line;

  if (!get_selected_line (self, &line))
    return;
  body = g_strdup_printf (_("“%s”: a manager approves the new price with their PIN."), line.label);
  comptoir_till_ask_form (widget, _("Change the Price"), body, _("_Change Price"),
                          fields, G_N_ELEMENTS (fields), on_override, self);
}

/* "10 %" is a rate, "1,50" an amount off the line. */
static gboolean
parse_discount (const char *text,
                int        *percent_bp,
                gint64     *amount_cents)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  char *percent = strchr (clean, '%');
  gint64 value;

  *percent_bp = 0;
  *amount_cents = 0;
  if (percent != NULL)
    {
      *percent = '\0';
      /* Hundredths of a percent are basis points: "12,5" is 1250. */
      if (!comptoir_money_parse (clean, &value) || value <= 0 || value > 10000)
        return FALSE;
      *percent_bp = (int) value;
      return TRUE;
    }
  if (!comptoir_money_parse (clean, &value) || value <= 0)
    return FALSE;
  *amount_cents = value;
  return TRUE;
}

static void
on_discount (gpointer            user_data,
             const char * const *values)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *manager = NULL;
  ComptoirOpenLine line;
  int percent_bp;
  gint64 amount;

  if (!get_selected_line (self, &line))
    return;
  if (!parse_discount (values[0], &percent_bp, &amount))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a discount. Type a rate such as 10 %% or an amount such as 1,50."),
                                                  values[0]);
      _comptoir_till_page_show_message (self, message, TRUE);
      return;
    }
  if ((manager = authorize (self, values[2])) == NULL)
    return;
  comptoir_open_ticket_discount_line (self->ticket, line.position, percent_bp, amount, manager, values[1], &error);
  after_action (self, error);
}

static void
discount_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);
  static const ComptoirFormField fields[] = {
    /* xgettext:no-c-format */
    { N_("Discount: 10 % or 1,50"), FALSE },
    { N_("Reason"), FALSE },
    { N_("Manager’s PIN"), TRUE },
  };
  g_autofree char *body = NULL;
  ComptoirOpenLine line;

  if (!get_selected_line (self, &line))
    return;
  body = g_strdup_printf (_("“%s”: the discount shows as a line of its own, approved by a manager."), line.label);
  comptoir_till_ask_form (widget, _("Discount"), body, _("_Apply Discount"),
                          fields, G_N_ELEMENTS (fields), on_discount, self);
}

static void
on_cancel_reason (gpointer    user_data,
                  const char *reason)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;

  if (comptoir_open_ticket_cancel (self->ticket, comptoir_staff_get_id (self->cashier), reason, &error))
    {
      _comptoir_till_page_show_message (self, _("Ticket cancelled. It stays in the audit log."), FALSE);
    }
  after_action (self, error);
}

static void
cancel_ticket_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);

  if (comptoir_open_ticket_get_n_payments (self->ticket) > 0)
    {
      _comptoir_till_page_show_message (self, _("Payments were taken for this ticket: finish it, then refund."), TRUE);
      return;
    }
  comptoir_till_ask_reason (widget, _("Cancel This Ticket?"),
                            _("All its lines are taken off. The cancelled ticket is kept in the audit log and counted on the Z report."),
                            _("Cancel _Ticket"), on_cancel_reason, self);
}

static void
on_park_label (gpointer    user_data,
               const char *label)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;

  if (comptoir_open_ticket_park (self->ticket, label, &error))
    _comptoir_till_page_show_message (self, _("Ticket parked. Resume it from the menu."), FALSE);
  after_action (self, error);
}

static void
park_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);

  if (comptoir_open_ticket_get_n_lines (self->ticket) == 0 || comptoir_open_ticket_get_n_payments (self->ticket) > 0)
    {
      _comptoir_till_page_show_message (self, _("Only a ticket with lines and no payment yet can be parked."), TRUE);
      return;
    }
  comptoir_till_ask_reason (widget, _("Park This Ticket"),
                            _("Say whose it is, to find it again (a name, “the lady in red”)."),
                            _("_Park"), on_park_label, self);
}

static void
on_parked_chosen (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  ComptoirTillPage *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_MESSAGE_DIALOG);

  comptoir_open_ticket_resume (self->ticket, g_object_get_data (G_OBJECT (row), "ticket-id"), &error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  after_action (self, error);
}

static void
show_parked_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) parked = comptoir_open_ticket_list_parked (self->db, self->till_id, &error);
  AdwMessageDialog *dialog;
  GtkWidget *list;

  if (parked == NULL || parked->len == 0)
    {
      _comptoir_till_page_show_message (self, error ? error->message : _("No ticket is parked at this till."), error != NULL);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Resume a Ticket"),
                                                       _("The ticket on screen, if it has lines, is parked in its place.")));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  for (guint i = 0; i < parked->len; i++)
    {
      ComptoirParkedTicket *ticket = g_ptr_array_index (parked, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *total = comptoir_money_format_local (ticket->total_cents);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line, %s €", "%u lines, %s €",
                                                                ticket->n_lines),
                                                   ticket->n_lines, total);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ticket->label != NULL ? ticket->label : _("Ticket without a name"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ticket-id", g_strdup (ticket->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (on_parked_chosen), self);
  adw_message_dialog_set_extra_child (dialog, list);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Refunds: the receipt's barcode scanned at the till, or its number
 * typed, a reason and a manager's PIN; then how the money goes back. */
typedef struct {
  ComptoirTillPage *page;
  ComptoirSale     *sale;
  char             *ticket_id;
  char             *manager_id;
  char             *reason;
  GPtrArray        *checks;   /* a GtkCheckButton per line of the ticket */
} Refund;

static void
refund_free (gpointer data)
{
  Refund *refund = data;

  g_object_unref (refund->page);
  g_clear_pointer (&refund->sale, comptoir_sale_free);
  g_free (refund->ticket_id);
  g_free (refund->manager_id);
  g_free (refund->reason);
  g_clear_pointer (&refund->checks, g_ptr_array_unref);
  g_free (refund);
}

static void
on_refund_method (AdwMessageDialog *dialog,
                  const char       *response,
                  Refund           *refund)
{
  ComptoirTillPage *self = refund->page;
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirCommittedTicket) committed = { 0 };
  g_autofree char *amount = NULL;
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;

  if (!g_str_equal (response, "cash") && !g_str_equal (response, "card"))
    return;

  /* Some lines only: the customer brings back one item of the basket. */
  {
    g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < refund->checks->len; i++)
      if (gtk_check_button_get_active (g_ptr_array_index (refund->checks, i)))
        {
          guint position = i + 1;
          g_array_append_val (positions, position);
        }
    if (positions->len == 0)
      {
        _comptoir_till_page_show_message (self, _("Tick at least one line to refund."), TRUE);
        return;
      }
    if (positions->len < refund->checks->len)
      {
        g_clear_pointer (&refund->sale, comptoir_sale_free);
        refund->sale = comptoir_refund_prepare (self->db, refund->ticket_id, (const guint *) positions->data,
                                                positions->len, &error);
        if (refund->sale == NULL)
          {
            _comptoir_till_page_show_message (self, error->message, TRUE);
            return;
          }
      }
  }
  comptoir_sale_add_payment (refund->sale, response, comptoir_sale_get_total (refund->sale));
  if (!comptoir_audit_commit_refund (refund->sale, self->db, self->till_id, refund->ticket_id,
                                     comptoir_staff_get_id (self->cashier), refund->manager_id, refund->reason,
                                     &committed, &error))
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  amount = comptoir_money_format_local (-committed.total_cents);
  title = g_str_equal (response, "cash") ? g_strdup_printf (_("Give back: %s €"), amount)
                                          : g_strdup_printf (_("Refund %s € on the card terminal"), amount);
  number = g_strdup_printf (_("%s (refund ticket %lld)"), title, (long long) committed.number);
  g_free (self->last_ticket_id);
  self->last_ticket_id = g_strdup (committed.id);
  _comptoir_till_page_print_receipt (self, committed.id, g_str_equal (response, "cash"));
  _comptoir_till_page_show_message (self, number, FALSE);
  comptoir_till_page_focus_scan (self);
}

/* Every line of the ticket, ticked: untick what the customer keeps. */
static GtkWidget *
make_line_checks (Refund                *refund,
                  const ComptoirReceipt *receipt)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *hint = gtk_label_new (_("Untick the lines the customer keeps."));

  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);
  refund->checks = g_ptr_array_new ();
  for (guint i = 0; i < receipt->items->len; i++)
    {
      const ComptoirReceiptItem *item = &g_array_index (receipt->items, ComptoirReceiptItem, i);
      g_autofree char *quantity = comptoir_quantity_format (item->unit, item->quantity_milli);
      g_autofree char *amount = comptoir_money_format_local (item->total_cents);
      g_autofree char *text = g_strdup_printf (_("%s × %s — %s €"), item->label, quantity, amount);
      GtkWidget *check = gtk_check_button_new_with_label (text);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (refund->checks, check);
    }
  return box;
}

/* Lines and amount given back, then Cash or Card. */
static void
confirm_refund (Refund *refund)
{
  ComptoirTillPage *self = refund->page;
  g_autofree char *total = comptoir_money_format_local (-comptoir_sale_get_total (refund->sale));
  g_autofree char *body = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = comptoir_receipt_load (self->db, refund->ticket_id, &error);
  AdwMessageDialog *dialog;

  if (receipt == NULL)
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      refund_free (refund);
      return;
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Ticket %lld: %u line, %s € to give back. How is the money returned?",
                                       "Ticket %lld: %u lines, %s € to give back. How is the money returned?",
                                       comptoir_sale_get_n_lines (refund->sale)),
                          (long long) receipt->number, comptoir_sale_get_n_lines (refund->sale), total);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Refund"), body));
  adw_message_dialog_set_extra_child (dialog, make_line_checks (refund, receipt));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "card", _("To the _Card"),
                                    "cash", _("In Ca_sh"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "cash", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_refund_method), refund,
                         (GClosureNotify) (void (*) (void)) refund_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The ticket a receipt barcode ("T1-42") or a number on this till names. */
static char *
find_refunded_ticket (ComptoirTillPage  *self,
                      const char        *text,
                      GError           **error)
{
  guint64 number;
  ComptoirReceipt *receipt;
  char *id;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &number, NULL))
    return comptoir_receipt_lookup_barcode (self->db, text, error);
  if (!(receipt = comptoir_receipt_load_by_number (self->db, self->till_code, (gint64) number, error)))
    return NULL;
  id = g_strdup (receipt->ticket_id);
  comptoir_receipt_free (receipt);
  return id;
}

static void
start_refund (ComptoirTillPage *self,
              const char       *ticket_id,
              const char       *reason,
              const char       *pin)
{
  g_autoptr (GError) error = NULL;
  Refund *refund;
  char *manager = authorize (self, pin);

  if (manager == NULL)
    return;
  refund = g_new0 (Refund, 1);
  refund->page = g_object_ref (self);
  refund->ticket_id = g_strdup (ticket_id);
  refund->manager_id = manager;
  refund->reason = g_strdup (reason);
  refund->sale = comptoir_refund_prepare (self->db, ticket_id, NULL, 0, &error);
  if (refund->sale == NULL)
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      refund_free (refund);
      return;
    }
  confirm_refund (refund);
}

static void
on_refund_form (gpointer            user_data,
                const char * const *values)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *ticket_id = find_refunded_ticket (self, values[0], &error);

  if (ticket_id == NULL)
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  start_refund (self, ticket_id, values[1], values[2]);
}

static void
refund_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);
  static const ComptoirFormField fields[] = {
    { N_("Ticket number"), FALSE },
    { N_("Reason"), FALSE },
    { N_("Manager’s PIN"), TRUE },
  };

  if (comptoir_open_ticket_get_n_lines (self->ticket) > 0)
    {
      _comptoir_till_page_show_message (self, _("Finish or park the ticket on screen before a refund."), TRUE);
      return;
    }
  comptoir_till_ask_form (widget, _("Refund a Ticket"),
                          _("Scan the barcode at the bottom of the receipt at the till, or type the ticket number here."),
                          _("_Continue"), fields, G_N_ELEMENTS (fields), on_refund_form, self);
}

static void
on_scanned_refund_form (gpointer            user_data,
                        const char * const *values)
{
  ComptoirTillPage *self = user_data;
  g_autofree char *ticket_id = g_strdup (g_object_get_data (G_OBJECT (self), "refund-ticket"));

  if (ticket_id != NULL)
    start_refund (self, ticket_id, values[0], values[1]);
}

/* A receipt's barcode scanned at the till: offer to refund that ticket. */
gboolean
_comptoir_till_page_offer_refund (ComptoirTillPage *self,
                                  const char       *code)
{
  static const ComptoirFormField fields[] = {
    { N_("Reason"), FALSE },
    { N_("Manager’s PIN"), TRUE },
  };
  g_autofree char *ticket_id = comptoir_receipt_lookup_barcode (self->db, code, NULL);
  g_autofree char *body = NULL;

  if (ticket_id == NULL)
    return FALSE;
  if (comptoir_open_ticket_get_n_lines (self->ticket) > 0)
    {
      _comptoir_till_page_show_message (self, _("Finish or park the ticket on screen before a refund."), TRUE);
      return TRUE;
    }
  g_object_set_data_full (G_OBJECT (self), "refund-ticket", g_steal_pointer (&ticket_id), g_free);
  body = g_strdup_printf (_("This is the receipt %s. To refund it, say why, and a manager types their PIN."), code);
  comptoir_till_ask_form (GTK_WIDGET (self), _("Refund This Ticket?"), body, _("_Continue"),
                          fields, G_N_ELEMENTS (fields), on_scanned_refund_form, self);
  return TRUE;
}

void
comptoir_till_page_class_add_ticket_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "till.void-line", NULL, void_line_action);
  gtk_widget_class_install_action (widget_class, "till.override-price", NULL, override_price_action);
  gtk_widget_class_install_action (widget_class, "till.discount", NULL, discount_action);
  gtk_widget_class_install_action (widget_class, "till.cancel-ticket", NULL, cancel_ticket_action);
  gtk_widget_class_install_action (widget_class, "till.park", NULL, park_action);
  gtk_widget_class_install_action (widget_class, "till.show-parked", NULL, show_parked_action);
  gtk_widget_class_install_action (widget_class, "till.refund", NULL, refund_action);
}
