/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-toast.h"

static void
on_toast_dismissed (AdwToast *toast,
                    gpointer  page)
{
  AdwToast **slot = g_object_get_data (G_OBJECT (toast), "comptoir-toast-slot");

  g_clear_weak_pointer (slot);
}

void
comptoir_toast_show (GtkWidget   *page,
                     AdwToast   **slot,
                     const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *markup = g_markup_escape_text (message, -1);

  if (overlay == NULL)
    return;
  if (*slot == NULL)
    {
      AdwToast *toast = adw_toast_new (markup);

      g_set_weak_pointer (slot, toast);
      g_object_set_data (G_OBJECT (toast), "comptoir-toast-slot", slot);
      /* The page holds the slot: the handler goes when the page does. */
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), page, 0);
    }
  else
    {
      adw_toast_set_title (*slot, markup);
      g_object_ref (*slot);
    }
  adw_toast_set_timeout (*slot, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), *slot);
}
