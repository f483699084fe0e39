/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-keyboard-scan.h"
#include "comptoir-scan-keys.h"

typedef struct {
  ComptoirKeyboardScan *keyboard;
  GtkEditable          *entry;
  ComptoirScanKeysFunc  func;
  gpointer              user_data;
} ScanKeys;

static void
scan_keys_free (ScanKeys *keys)
{
  comptoir_keyboard_scan_free (keys->keyboard);
  g_free (keys);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ScanKeys              *keys)
{
  g_autofree char *code = NULL;
  ComptoirKeyModifiers modifiers = 0;
  gint64 time_us = (gint64) gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller)) * 1000;

  if (state & GDK_SHIFT_MASK)
    modifiers |= COMPTOIR_KEY_SHIFT;
  if (state & GDK_CONTROL_MASK)
    modifiers |= COMPTOIR_KEY_CONTROL;
  /* X11 and Wayland key codes are evdev codes plus 8. */
  if (keycode < 8 ||
      comptoir_keyboard_scan_feed (keys->keyboard, keycode - 8, modifiers, time_us, &code) != COMPTOIR_KEY_BURST_END)
    return GDK_EVENT_PROPAGATE;
  if (keys->entry != NULL)
    gtk_editable_set_text (keys->entry, "");
  else
    {
      GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

      if (GTK_IS_EDITABLE (focus))
        gtk_editable_set_text (GTK_EDITABLE (focus), "");
    }
  keys->func (keys->user_data, code);
  return GDK_EVENT_STOP;
}

void
comptoir_scan_keys_attach (GtkWidget            *widget,
                           GtkEditable          *entry,
                           ComptoirScanKeysFunc  func,
                           gpointer              user_data)
{
  GtkEventController *controller = gtk_event_controller_key_new ();
  ScanKeys *keys = g_new0 (ScanKeys, 1);

  keys->keyboard = comptoir_keyboard_scan_new ();
  keys->entry = entry;
  keys->func = func;
  keys->user_data = user_data;
  /* Before the entry sees the keys, or it would insert them. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (on_key_pressed), keys,
                         (GClosureNotify) (void (*) (void)) scan_keys_free, 0);
  gtk_widget_add_controller (widget, controller);
}
