/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-till-page-private.h"

/* Taking the money: an amount typed then a method button, as many times
 * as the customer splits it; the ticket is committed once fully paid,
 * and the change shows until the next scan. */

static void
show_done (ComptoirTillPage              *self,
           const ComptoirCommittedTicket *ticket)
{
  g_autofree char *number = g_strdup_printf (_("Ticket %lld"), (long long) ticket->number);

  if (ticket->change_cents > 0)
    {
      g_autofree char *change = comptoir_money_format_local (ticket->change_cents);
      g_autofree char *title = g_strdup_printf (_("Change: %s €"), change);

      adw_status_page_set_title (self->done_page, title);
    }
  else
    adw_status_page_set_title (self->done_page, _("Paid"));
  adw_status_page_set_description (self->done_page, number);
  gtk_label_set_text (self->due_label, number);
  _comptoir_till_page_show_side (self, "done");
}

static void
commit_ticket (ComptoirTillPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) sale = comptoir_open_ticket_to_sale (self->ticket);
  g_auto (ComptoirCommittedTicket) committed = { 0 };
  gboolean paid_cash = FALSE;

  for (guint i = 0; i < comptoir_open_ticket_get_n_payments (self->ticket); i++)
    {
      const char *method;
      gint64 amount;

      comptoir_open_ticket_get_payment (self->ticket, i, &method, &amount);
      paid_cash = paid_cash || g_str_equal (method, "cash");
    }
  if (!comptoir_open_ticket_commit (self->ticket, sale, &committed, &error))
    {
      g_autoptr (GError) clear_error = NULL;

      /* Nothing was written. The payments are forgotten so that the
       * cashier corrects what was refused and takes them again. */
      _comptoir_till_page_show_message (self, error->message, TRUE);
      if (!comptoir_open_ticket_clear_payments (self->ticket, &clear_error))
        g_warning ("Forgetting refused payments: %s", clear_error->message);
      _comptoir_till_page_refresh (self);
      return;
    }
  /* The paid ticket stays on screen, with the change, until the next
   * scan: the customer checks it while the cashier counts the coins. */
  gtk_widget_add_css_class (GTK_WIDGET (self->lines_box), "till-lines-paid");
  gtk_widget_set_visible (GTK_WIDGET (self->payments_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "till.void-line", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "till.pay", FALSE);
  show_done (self, &committed);
  g_free (self->last_ticket_id);
  self->last_ticket_id = g_strdup (committed.id);
  _comptoir_till_page_print_receipt (self, committed.id, paid_cash);
}

static void
pay_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);
  const char *method = g_variant_get_string (parameter, NULL);
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->scan_entry))));
  gint64 due = comptoir_open_ticket_get_total (self->ticket) - comptoir_open_ticket_get_paid (self->ticket);
  gint64 amount = due;
  g_autoptr (GError) error = NULL;

  if (!_comptoir_till_page_check_member (self))
    return;

  /* An amount typed before the method button is what the customer hands
   * over ("50" then Cash); nothing typed means the amount due. */
  if (*typed != '\0' && !comptoir_money_parse (typed, &amount))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an amount. Type it like 20 or 12,50, then choose how it is paid."), typed);
      _comptoir_till_page_show_message (self, message, TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
  if (amount <= 0)
    {
      _comptoir_till_page_show_message (self, _("Type an amount above zero, or nothing to pay what is due."), TRUE);
      return;
    }
  if (amount > due && !g_str_equal (method, "cash"))
    {
      g_autofree char *due_text = comptoir_money_format_local (due);
      g_autofree char *message = g_strdup_printf (_("Only cash gives change: take %s € at most this way."), due_text);
      _comptoir_till_page_show_message (self, message, TRUE);
      return;
    }

  if (g_str_equal (method, "meal_voucher"))
    {
      g_autoptr (ComptoirSale) sale = comptoir_open_ticket_to_sale (self->ticket);
      gint64 left = comptoir_sale_get_meal_voucher_eligible (sale);

      for (guint i = 0; i < comptoir_open_ticket_get_n_payments (self->ticket); i++)
        {
          const char *taken;
          gint64 taken_amount;

          comptoir_open_ticket_get_payment (self->ticket, i, &taken, &taken_amount);
          if (g_str_equal (taken, "meal_voucher"))
            left -= taken_amount;
        }
      if (amount > left)
        {
          g_autofree char *left_text = comptoir_money_format_local (MAX (left, 0));
          g_autofree char *message =
            g_strdup_printf (_("Meal vouchers pay for food only: %s € at most on this ticket. Take the rest another way."),
                             left_text);
          _comptoir_till_page_show_message (self, message, TRUE);
          return;
        }
    }

  if (!comptoir_open_ticket_add_payment (self->ticket, method, amount, &error))
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  _comptoir_till_page_clear_message (self);

  if (comptoir_open_ticket_get_paid (self->ticket) >= comptoir_open_ticket_get_total (self->ticket))
    commit_ticket (self);
  else
    _comptoir_till_page_refresh (self);
  comptoir_till_page_focus_scan (self);
}

void
_comptoir_till_page_fill_payment_buttons (ComptoirTillPage *self)
{
  g_auto (GStrv) methods = comptoir_settings_dup_payment_methods (self->db);

  for (guint i = 0; methods[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (comptoir_payment_method_get_label (methods[i]));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "till.pay");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", methods[i]);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_add_css_class (button, "till-pay");
      if (g_str_equal (methods[i], "cash"))
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_grid_attach (self->payment_grid, button, i % 2, i / 2, 1, 1);
    }
}

void
comptoir_till_page_class_add_payment_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "till.pay", "s", pay_action);
}
