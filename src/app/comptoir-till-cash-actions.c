/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-till-page-private.h"

/* The drawer and the day: open with a counted float, put cash in or take
 * it out, close with a count, and the day's Z closure. */

static void
on_float_counted (gpointer                 user_data,
                  const ComptoirCashCount *count)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!comptoir_till_session_open (self->db, self->till_id, count, comptoir_staff_get_name (self->cashier), &error))
    {
      adw_status_page_set_description (self->closed_page, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  _comptoir_till_page_show_state (self);
}

static void
open_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  comptoir_till_ask_cash_count (widget, _("Open the Till"),
                                _("Count the float in the drawer, notes and coins."),
                                _("_Open"), on_float_counted, widget);
}

static void
on_move_cash (gpointer            user_data,
              const char * const *values)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;
  const char *text = values[0];
  gboolean out = FALSE;
  gint64 amount;

  if (*text == '-' || *text == '+')
    out = *text++ == '-';
  if (!comptoir_money_parse (text, &amount) || amount <= 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an amount. Type 20 to put cash in, -50 to take it out."),
                                                  values[0]);
      _comptoir_till_page_show_message (self, message, TRUE);
      return;
    }
  if (comptoir_till_session_move_cash (self->db, self->till_id, out ? -amount : amount, values[1],
                                       comptoir_staff_get_id (self->cashier), &error))
    {
      g_autofree char *money = comptoir_money_format_local (amount);
      g_autofree char *message = out ? g_strdup_printf (_("%s € taken out of the drawer."), money)
                                     : g_strdup_printf (_("%s € put into the drawer."), money);
      _comptoir_till_page_show_message (self, message, FALSE);
    }
  else
    _comptoir_till_page_show_message (self, error->message, TRUE);
  comptoir_till_page_focus_scan (self);
}

static void
move_cash_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  static const ComptoirFormField fields[] = {
    { N_("Amount: 20 put in, -50 taken out"), FALSE },
    { N_("Reason"), FALSE },
  };

  comptoir_till_ask_form (widget, _("Cash In or Out"),
                          _("Change for the drawer, a deposit at the bank: say how much and why."),
                          _("_Record"), fields, G_N_ELEMENTS (fields), on_move_cash, widget);
}

static void
on_closing_count (gpointer                 user_data,
                  const ComptoirCashCount *count)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSessionSummary) summary = { 0 };
  g_autofree char *counted = NULL, *expected = NULL, *difference = NULL, *report = NULL;

  if (!comptoir_till_session_close (self->db, self->till_id, count, comptoir_staff_get_name (self->cashier),
                                    &summary, &error))
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  counted = comptoir_money_format_local (summary.counted_cents);
  expected = comptoir_money_format_local (summary.expected_cents);
  difference = comptoir_money_format_local (summary.difference_cents);
  report = g_strdup_printf (_("Counted:     %s €\nExpected:    %s €\nDifference:  %s €\n\n"
                              "The difference is recorded. Run the day closure (Z) at the end of the day."),
                            counted, expected, difference);
  comptoir_till_show_report (GTK_WIDGET (self), _("Till Closed"), report);
  _comptoir_till_page_show_state (self);
}

static void
close_session_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);

  if (comptoir_open_ticket_get_n_lines (self->ticket) > 0)
    {
      _comptoir_till_page_show_message (self, _("Finish, park or cancel the ticket on screen before closing the till."), TRUE);
      return;
    }
  comptoir_till_ask_cash_count (widget, _("Close the Till"),
                                _("Count everything in the drawer, notes and coins."),
                                _("C_lose"), on_closing_count, widget);
}

static void
on_close_day (AdwMessageDialog *dialog,
              const char       *response,
              ComptoirTillPage *self)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirClosure) closure = { 0 };
  g_autofree char *report = NULL;

  if (!g_str_equal (response, "close-day"))
    return;
  if (!comptoir_fiscal_close (self->db, self->till_id, COMPTOIR_PERIOD_DAY, comptoir_staff_get_id (self->cashier),
                              &closure, &error) ||
      !(report = comptoir_closure_format_report (self->db, closure.id, &error)))
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  _comptoir_till_page_show_document (self, _("Day Closure (Z)"), report, NULL);
}

static void
close_day_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                _("Close the Day?"),
                                                _("The Z closure totals every ticket of this till since the last one "
                                                  "and seals them in the fiscal journal. It cannot be undone.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "close-day", _("Close the _Day"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close-day", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_day), widget);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
comptoir_till_page_class_add_cash_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "till.open-session", NULL, open_session_action);
  gtk_widget_class_install_action (widget_class, "till.move-cash", NULL, move_cash_action);
  gtk_widget_class_install_action (widget_class, "till.close-session", NULL, close_session_action);
  gtk_widget_class_install_action (widget_class, "till.close-day", NULL, close_day_action);
}
