/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-till-page-private.h"

/* The member a ticket is for, in a cooperative: their card or number,
 * their name and whether they may shop, always in view. */

static gboolean
is_coop (ComptoirTillPage *self)
{
  g_autofree char *mode = comptoir_settings_dup (self->db, COMPTOIR_SETTING_SHOP_MODE);

  return g_strcmp0 (mode, "farm") != 0;
}

/* In a cooperative the member's name and shopping right stay in view;
 * a farm shop sells to anyone and shows nothing. */
void
_comptoir_till_page_refresh_member (ComptoirTillPage *self)
{
  g_auto (ComptoirMemberAtTill) member = { 0 };
  GtkWidget *label = GTK_WIDGET (self->member_label);
  const char *member_id = comptoir_open_ticket_get_member (self->ticket);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (label, is_coop (self));
  gtk_widget_remove_css_class (label, "ok");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "blocked");
  if (member_id == NULL || !comptoir_member_lookup_id (self->db, member_id, &member, NULL))
    {
      gtk_label_set_text (self->member_label, _("No member yet: scan their card, or choose Member in the menu."));
      return;
    }
  switch (member.right)
    {
    case COMPTOIR_SHOPPING_OK:
      text = g_strdup_printf (_("%s (no. %lld) may shop."), member.name, (long long) member.number);
      break;
    case COMPTOIR_SHOPPING_WARNING:
      text = g_strdup_printf (_("%s (no. %lld) may shop, but: %s"), member.name, (long long) member.number,
                              member.note != NULL ? member.note : _("see the member office"));
      break;
    case COMPTOIR_SHOPPING_BLOCKED:
    default:
      text = g_strdup_printf (_("%s (no. %lld) may not shop: %s"), member.name, (long long) member.number,
                              member.note != NULL ? member.note : _("see the member office"));
      break;
    }
  gtk_label_set_text (self->member_label, text);
  gtk_widget_add_css_class (label, comptoir_shopping_right_to_string (member.right));
}

gboolean
_comptoir_till_page_check_member (ComptoirTillPage *self)
{
  g_auto (ComptoirMemberAtTill) member = { 0 };
  const char *member_id = comptoir_open_ticket_get_member (self->ticket);

  if (!is_coop (self))
    return TRUE;
  if (member_id == NULL || !comptoir_member_lookup_id (self->db, member_id, &member, NULL))
    {
      _comptoir_till_page_show_message (self, _("Scan the member’s card before payment: in a cooperative, members shop."), TRUE);
      return FALSE;
    }
  if (member.right == COMPTOIR_SHOPPING_BLOCKED)
    {
      g_autofree char *message = g_strdup_printf (_("%s may not shop at the moment. They can ask the member office."),
                                                  member.name);
      _comptoir_till_page_show_message (self, message, TRUE);
      return FALSE;
    }
  return TRUE;
}

void
_comptoir_till_page_set_member (ComptoirTillPage *self,
            const char       *member_id)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberAtTill) member = { 0 };

  _comptoir_till_page_leave_done (self);
  if (!comptoir_open_ticket_set_member (self->ticket, member_id, &error))
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  _comptoir_till_page_clear_message (self);
  _comptoir_till_page_refresh_member (self);
  if (comptoir_member_lookup_id (self->db, member_id, &member, NULL) && member.right != COMPTOIR_SHOPPING_OK)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* A member without their card: their number, or their name. */
static void
on_member_text (gpointer            user_data,
                const char * const *values)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;
  char member_id[COMPTOIR_ID_LEN + 1];

  if (!comptoir_member_find_one (self->db, values[0], member_id, &error))
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  _comptoir_till_page_set_member (self, member_id);
  comptoir_till_page_focus_scan (self);
}

static void
member_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const ComptoirFormField fields[] = { { N_("Member number or name"), FALSE } };

  comptoir_till_ask_form (widget, _("Member"),
                          _("A member without their card gives their number, or their name if they do not know it."),
                          _("_Choose"), fields, G_N_ELEMENTS (fields), on_member_text, widget);
}

void
comptoir_till_page_class_add_member_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "till.member", NULL, member_action);
}
