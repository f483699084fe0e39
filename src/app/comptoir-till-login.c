/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-till-page-private.h"

/* Who is at the till: the lock screen's login, the lock after a while
 * untouched, and which screen follows (the float to count, or the sale). */

static gboolean
lock_after_idle (gpointer data)
{
  ComptoirTillPage *self = data;

  self->lock_source = 0;
  gtk_widget_activate_action (GTK_WIDGET (self), "till.lock", NULL);
  return G_SOURCE_REMOVE;
}

/* Any key or tap keeps the till unlocked for the shop's delay more. */
void
_comptoir_till_page_touch_idle (ComptoirTillPage *self)
{
  gint64 seconds;

  g_clear_handle_id (&self->lock_source, g_source_remove);
  if (self->cashier == NULL)
    return;
  seconds = comptoir_settings_get_int (self->db, COMPTOIR_SETTING_TILL_LOCK_AFTER);
  if (seconds > 0)
    self->lock_source = g_timeout_add_seconds ((guint) seconds, lock_after_idle, self);
}

/* Which screen the till shows: the lock, the float to count, or the sale. */
void
_comptoir_till_page_show_state (ComptoirTillPage *self)
{
  g_auto (ComptoirSessionSummary) summary = { 0 };

  if (self->cashier == NULL)
    gtk_stack_set_visible_child_name (self->till_stack, "locked");
  else if (!comptoir_till_session_get_summary (self->db, self->till_id, &summary, NULL))
    gtk_stack_set_visible_child_name (self->till_stack, "closed");
  else
    {
      gtk_stack_set_visible_child_name (self->till_stack, "selling");
      comptoir_till_page_focus_scan (self);
    }
}

void
_comptoir_till_page_on_unlocked (ComptoirTillPage *self,
             ComptoirStaff    *staff)
{
  g_autoptr (GError) error = NULL;

  g_set_object (&self->cashier, staff);
  if (!comptoir_open_ticket_set_cashier (self->ticket, comptoir_staff_get_id (staff), &error))
    _comptoir_till_page_show_message (self, error->message, TRUE);
  gtk_menu_button_set_label (self->cashier_button, comptoir_staff_get_name (staff));
  _comptoir_till_page_touch_idle (self);
  _comptoir_till_page_show_state (self);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->cashier == NULL)
    return;
  if (!comptoir_staff_log_out (self->db, self->till_id, comptoir_staff_get_id (self->cashier), &error))
    g_warning ("Logging out: %s", error->message);
  g_clear_object (&self->cashier);
  g_clear_pointer (&self->last_ticket_id, g_free);
  g_clear_object (&self->scanner);
  g_clear_handle_id (&self->lock_source, g_source_remove);
  comptoir_till_lock_reset (self->lock);
  _comptoir_till_page_show_state (self);
}

void
comptoir_till_page_class_add_login_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "till.lock", NULL, lock_action);
}
