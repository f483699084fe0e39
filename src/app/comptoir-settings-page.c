/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-settings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-printer.h"
#include "comptoir-settings-page-private.h"

G_DEFINE_FINAL_TYPE (ComptoirSettingsPage, comptoir_settings_page, GTK_TYPE_WIDGET)

/* The payment methods the core knows, in the order they are offered when
 * none is enabled yet. */
static const char * const payment_methods[] = {
  "cash", "card", "cheque", "meal_voucher", "local_currency",
};

static const char * const mode_values[] = { "coop", "farm", NULL };
static const char * const columns_values[] = { "48", "32", NULL };

static const struct {
  gsize       offset;  /* of the AdwEntryRow in ComptoirSettingsPage */
  const char *key;
} entry_keys[] = {
  { G_STRUCT_OFFSET (ComptoirSettingsPage, name_row), COMPTOIR_SETTING_SHOP_NAME },
  { G_STRUCT_OFFSET (ComptoirSettingsPage, siret_row), COMPTOIR_SETTING_SHOP_SIRET },
  { G_STRUCT_OFFSET (ComptoirSettingsPage, vat_number_row), COMPTOIR_SETTING_SHOP_VAT_NUMBER },
  { G_STRUCT_OFFSET (ComptoirSettingsPage, footer_row), COMPTOIR_SETTING_RECEIPT_FOOTER },
  { G_STRUCT_OFFSET (ComptoirSettingsPage, lock_row), COMPTOIR_SETTING_TILL_LOCK_AFTER },
  { G_STRUCT_OFFSET (ComptoirSettingsPage, card_prefix_row), COMPTOIR_SETTING_MEMBER_CARD_PREFIX },
  { G_STRUCT_OFFSET (ComptoirSettingsPage, currency_row), COMPTOIR_SETTING_LOCAL_CURRENCY },
};

#define ENTRY_ROW_AT(self, i) (*(AdwEntryRow **) G_STRUCT_MEMBER_P (self, entry_keys[i].offset))

static void
on_toast_button_clicked (AdwToast             *toast,
                         ComptoirSettingsPage *self)
{
  const char *rules = g_object_get_data (G_OBJECT (toast), "undo-rules");

  if (rules != NULL)
    _comptoir_settings_page_undo_rules (self, rules);
}

/* Gone or going: the next message needs a toast of its own. */
static void
on_toast_dismissed (ComptoirSettingsPage *self)
{
  g_clear_weak_pointer (&self->toast);
}

/* The page has one toast at a time: a new message replaces the one shown
 * rather than waiting behind it. It is never dismissed early: libadwaita
 * before 1.3 frees a toast dismissed during its show animation twice. */
void
_comptoir_settings_page_show_message (ComptoirSettingsPage *self,
                                      const char           *message,
                                      const char           *undo_rules)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  /* Toast titles are markup: what was typed must not be read as tags. */
  g_autofree char *markup = g_markup_escape_text (message, -1);

  if (overlay == NULL)
    return;
  if (self->toast == NULL)
    {
      AdwToast *toast = adw_toast_new (markup);

      g_set_weak_pointer (&self->toast, toast);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked), self, 0);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);
    }
  else
    {
      adw_toast_set_title (self->toast, markup);
      g_object_ref (self->toast);
    }
  self->toast_row = NULL;
  adw_toast_set_timeout (self->toast, 5);
  adw_toast_set_button_label (self->toast, undo_rules != NULL ? _("_Undo") : NULL);
  g_object_set_data_full (G_OBJECT (self->toast), "undo-rules", g_strdup (undo_rules), g_free);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), self->toast);
}

/* The toast may be cut short on a narrow window: the row keeps the whole
 * message as its tooltip and for screen readers. */
void
_comptoir_settings_page_show_error (ComptoirSettingsPage *self,
                                    GtkWidget            *row,
                                    const char           *message)
{
  gtk_widget_add_css_class (row, "field-error");
  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  _comptoir_settings_page_show_message (self, message, NULL);
  self->toast_row = row;
}

void
_comptoir_settings_page_clear_error (ComptoirSettingsPage *self,
                                     GtkWidget            *row)
{
  if (!gtk_widget_has_css_class (row, "field-error"))
    return;
  gtk_widget_remove_css_class (row, "field-error");
  gtk_widget_set_tooltip_text (row, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Once the row is saved, its refusal goes away soon: by its timeout,
 * not dismissed at once (see above). */
void
_comptoir_settings_page_saved (ComptoirSettingsPage *self,
                               GtkWidget            *row)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  _comptoir_settings_page_clear_error (self, row);
  if (row == NULL || row != self->toast_row || self->toast == NULL || overlay == NULL)
    return;
  self->toast_row = NULL;
  adw_toast_set_timeout (self->toast, 1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (self->toast));
}

static void
on_row_changed (GtkWidget            *row,
                ComptoirSettingsPage *self)
{
  _comptoir_settings_page_clear_error (self, row);
}

/* Puts a stored value in a row without offering to apply it: the apply
 * button is there for what the person typed, and libadwaita 1.2 shows it
 * for any change made while the row has the focus. */
void
_comptoir_settings_page_set_entry_text (AdwEntryRow *row,
                                        const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
load_entry (ComptoirSettingsPage *self,
            AdwEntryRow          *row)
{
  g_autofree char *value = comptoir_settings_dup (self->db, g_object_get_data (G_OBJECT (row), "setting-key"));

  _comptoir_settings_page_set_entry_text (row, value != NULL ? value : "");
}

/* The shop's markup as people say it: "×1,20". */
static void
load_markup (ComptoirSettingsPage *self)
{
  g_autofree char *text = NULL;
  ComptoirMarkupSource source;
  int markup_bp = 0;

  /* No category: the shop's, as prices are computed with it (a stored
   * value out of range counts as the nearest allowed). */
  comptoir_pricing_get_category_markup (self->db, NULL, &markup_bp, &source, NULL);
  text = comptoir_pricing_format_coefficient_local (markup_bp);
  _comptoir_settings_page_set_entry_text (self->markup_row, text);
}

static void
load_address (ComptoirSettingsPage *self)
{
  g_autofree char *address = comptoir_settings_dup (self->db, COMPTOIR_SETTING_SHOP_ADDRESS);

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view), address, -1);
  gtk_widget_set_visible (self->address_apply, FALSE);
  self->loading = FALSE;
}

static void
load_combo (ComptoirSettingsPage *self,
            AdwComboRow          *row)
{
  const char * const *values = g_object_get_data (G_OBJECT (row), "setting-values");
  g_autofree char *value = comptoir_settings_dup (self->db, g_object_get_data (G_OBJECT (row), "setting-key"));

  self->loading = TRUE;
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      adw_combo_row_set_selected (row, i);
  self->loading = FALSE;
}

static void
load_payment_methods (ComptoirSettingsPage *self)
{
  g_auto (GStrv) enabled = comptoir_settings_dup_payment_methods (self->db);

  self->loading = TRUE;
  for (guint i = 0; i < self->payment_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->payment_rows, i);

      gtk_switch_set_active (g_object_get_data (row, "switch"),
                             g_strv_contains ((const char * const *) enabled, g_object_get_data (row, "method")));
    }
  self->loading = FALSE;
}

static void
load_all (ComptoirSettingsPage *self)
{
  g_autofree char *till_code = g_settings_get_string (self->settings, "till-code");
  g_autofree char *printer = g_settings_get_string (self->settings, "receipt-printer");
  g_autofree char *scanner = g_settings_get_string (self->settings, "scanner-device");

  for (guint i = 0; i < G_N_ELEMENTS (entry_keys); i++)
    load_entry (self, ENTRY_ROW_AT (self, i));
  load_address (self);
  load_markup (self);
  load_combo (self, self->mode_row);
  load_combo (self, self->columns_row);
  _comptoir_settings_page_load_shifts (self);
  load_payment_methods (self);
  _comptoir_settings_page_load_rules (self);
  _comptoir_settings_page_set_entry_text (self->till_code_row, till_code);
  _comptoir_settings_page_set_entry_text (self->printer_row, printer);
  _comptoir_settings_page_set_entry_text (self->scanner_row, scanner);
}

/* What other machines changed comes in through replication: read the
 * settings again whenever the section is shown. */
static void
on_map (ComptoirSettingsPage *self)
{
  if (self->db != NULL)
    load_all (self);
}

/* Shop settings */

static void
on_entry_apply (AdwEntryRow          *row,
                ComptoirSettingsPage *self)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = comptoir_settings_set (self->db, g_object_get_data (G_OBJECT (row), "setting-key"),
                                       gtk_editable_get_text (GTK_EDITABLE (row)), &error);

  /* Saved, the row shows the value as stored (trimmed); refused, the value
   * still in force. */
  load_entry (self, row);
  if (ok)
    _comptoir_settings_page_saved (self, GTK_WIDGET (row));
  else
    _comptoir_settings_page_show_error (self, GTK_WIDGET (row), error->message);
}

/* Typed as a coefficient ("1,35", "×1.35"), stored as the markup in
 * basis points the core computes with ("3500"). */
static void
on_markup_apply (AdwEntryRow          *row,
                 ComptoirSettingsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  int markup_bp;
  gboolean ok;

  ok = comptoir_pricing_parse_coefficient (gtk_editable_get_text (GTK_EDITABLE (row)), &markup_bp, &error);
  if (ok)
    {
      value = g_strdup_printf ("%d", markup_bp);
      ok = comptoir_settings_set (self->db, COMPTOIR_SETTING_DEFAULT_MARKUP, value, &error);
    }
  /* Saved, the row shows the coefficient as stored; refused, the one
   * still in force. */
  load_markup (self);
  if (ok)
    _comptoir_settings_page_saved (self, GTK_WIDGET (row));
  else
    _comptoir_settings_page_show_error (self, GTK_WIDGET (row), error->message);
}

static void
on_address_apply (ComptoirSettingsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gboolean ok;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ok = comptoir_settings_set (self->db, COMPTOIR_SETTING_SHOP_ADDRESS, text, &error);
  load_address (self);
  if (ok)
    _comptoir_settings_page_saved (self, GTK_WIDGET (self->address_row));
  else
    _comptoir_settings_page_show_error (self, GTK_WIDGET (self->address_row), error->message);
}

static void
on_address_changed (ComptoirSettingsPage *self)
{
  if (self->loading)
    return;
  _comptoir_settings_page_clear_error (self, GTK_WIDGET (self->address_row));
  gtk_widget_set_visible (self->address_apply, TRUE);
}

/* Enter starts a new line of the address; Ctrl+Enter applies it, as the
 * apply button of the other rows does. */
static gboolean
on_address_key_pressed (ComptoirSettingsPage *self,
                        guint                 keyval,
                        guint                 keycode,
                        GdkModifierType       state)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter) || !(state & GDK_CONTROL_MASK))
    return GDK_EVENT_PROPAGATE;
  if (gtk_widget_get_visible (self->address_apply))
    on_address_apply (self);
  return GDK_EVENT_STOP;
}

static void
on_combo_selected (AdwComboRow          *row,
                   GParamSpec           *pspec,
                   ComptoirSettingsPage *self)
{
  const char * const *values = g_object_get_data (G_OBJECT (row), "setting-values");
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr (GError) error = NULL;

  if (self->loading || self->db == NULL || values == NULL || selected >= g_strv_length ((GStrv) values))
    return;

  if (comptoir_settings_set (self->db, g_object_get_data (G_OBJECT (row), "setting-key"), values[selected], &error))
    {
      _comptoir_settings_page_saved (self, GTK_WIDGET (row));
      return;
    }
  load_combo (self, row);
  _comptoir_settings_page_show_error (self, GTK_WIDGET (row), error->message);
}

/* Payment methods */

static void
on_payment_toggled (GtkSwitch            *toggle,
                    GParamSpec           *pspec,
                    ComptoirSettingsPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (toggle), "row");
  g_autoptr (GString) list = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;

  if (self->loading)
    return;

  for (guint i = 0; i < self->payment_rows->len; i++)
    {
      GObject *r = g_ptr_array_index (self->payment_rows, i);

      if (!gtk_switch_get_active (g_object_get_data (r, "switch")))
        continue;
      if (list->len > 0)
        g_string_append_c (list, ',');
      g_string_append (list, g_object_get_data (r, "method"));
    }

  /* GtkSwitch echoes the state put back after a refusal: nothing to do. */
  stored = comptoir_settings_dup (self->db, COMPTOIR_SETTING_PAYMENT_METHODS);
  if (g_str_equal (stored, list->str))
    return;

  if (!comptoir_settings_set (self->db, COMPTOIR_SETTING_PAYMENT_METHODS, list->str, &error))
    {
      load_payment_methods (self);
      _comptoir_settings_page_show_error (self, row, error->message);
      return;
    }
  /* The refusal was about the list, whichever switch it came from. */
  for (guint i = 0; i < self->payment_rows->len; i++)
    _comptoir_settings_page_saved (self, g_ptr_array_index (self->payment_rows, i));
}

/* The enabled methods come first, in their order (the order of the
 * tills' buttons), then the others: the list is written in the order of
 * the rows, so turning a method off and on again puts it back in place. */
static void
build_payment_rows (ComptoirSettingsPage *self)
{
  g_auto (GStrv) enabled = comptoir_settings_dup_payment_methods (self->db);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GtkWidget) currency_row = g_object_ref (GTK_WIDGET (self->currency_row));

  for (guint i = 0; enabled[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (payment_methods); j++)
      if (g_str_equal (enabled[i], payment_methods[j]) &&
          !g_ptr_array_find (order, payment_methods[j], NULL))
        g_ptr_array_add (order, (gpointer) payment_methods[j]);
  for (guint j = 0; j < G_N_ELEMENTS (payment_methods); j++)
    if (!g_ptr_array_find (order, payment_methods[j], NULL))
      g_ptr_array_add (order, (gpointer) payment_methods[j]);

  /* The local currency's name stays under the switches. */
  adw_preferences_group_remove (self->payment_group, currency_row);
  for (guint i = 0; i < order->len; i++)
    {
      const char *label = comptoir_payment_method_get_label (g_ptr_array_index (order, i));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_object_set_data (G_OBJECT (row), "method", g_ptr_array_index (order, i));
      g_object_set_data (G_OBJECT (row), "switch", toggle);
      g_object_set_data (G_OBJECT (toggle), "row", row);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_payment_toggled), self, 0);
      adw_preferences_group_add (self->payment_group, row);
      g_ptr_array_add (self->payment_rows, row);
    }
  adw_preferences_group_add (self->payment_group, currency_row);
}

/* This till: GSettings, not the shop's database */

/* The forms the till's printer code opens; anything else would only fail
 * at the first receipt. */
static gboolean
printer_spec_is_valid (const char *spec)
{
  guint16 vendor, product;

  return *spec == '\0' || g_str_equal (spec, "usb") || g_str_has_prefix (spec, "/") ||
         (g_str_has_prefix (spec, "usb:") && comptoir_usb_id_parse (spec + 4, &vendor, &product));
}

static void
on_till_apply (AdwEntryRow          *row,
               ComptoirSettingsPage *self)
{
  const char *setting = row == self->till_code_row ? "till-code"
                        : row == self->scanner_row ? "scanner-device" : "receipt-printer";
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *stored = g_settings_get_string (self->settings, setting);
  g_autofree char *message = NULL;

  if (row == self->till_code_row && *value == '\0')
    message = g_strdup (_("A till needs a code, such as T1: it is printed on its tickets."));
  else if (row == self->printer_row && !printer_spec_is_valid (value))
    message = g_strdup_printf (_("The receipt printer setting “%s” is not valid: use a device such as /dev/usb/lp0, usb, or usb:04b8:0e15."),
                               value);
  else if (row == self->scanner_row && *value != '\0' && !g_str_has_prefix (value, "/dev/input/"))
    message = g_strdup_printf (_("“%s” is not an input device: give the scanner’s entry in /dev/input/by-id, ending in “-event-kbd”."),
                               value);
  if (message != NULL)
    {
      _comptoir_settings_page_set_entry_text (row, stored);
      _comptoir_settings_page_show_error (self, GTK_WIDGET (row), message);
      return;
    }

  _comptoir_settings_page_set_entry_text (row, value);
  _comptoir_settings_page_saved (self, GTK_WIDGET (row));
  if (g_str_equal (value, stored))
    return;
  g_settings_set_string (self->settings, setting, value);
  /* The till page opened its ticket numbering under the old code, and its
   * scanner, when it started. */
  if (row == self->till_code_row)
    _comptoir_settings_page_show_message (self, _("The new till code takes effect at the next start of Comptoir."),
                                          NULL);
  else if (row == self->scanner_row)
    _comptoir_settings_page_show_message (self, _("The scanner is used from the next start of Comptoir."), NULL);
}

static void
comptoir_settings_page_dispose (GObject *object)
{
  ComptoirSettingsPage *self = COMPTOIR_SETTINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_SETTINGS_PAGE);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->payment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shift_rows, g_ptr_array_unref);
  g_clear_weak_pointer (&self->toast);

  G_OBJECT_CLASS (comptoir_settings_page_parent_class)->dispose (object);
}

static void
comptoir_settings_page_class_init (ComptoirSettingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = comptoir_settings_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, address_view);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, address_apply);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, siret_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, vat_number_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, footer_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, mode_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, columns_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, lock_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, card_prefix_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, shifts_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, payment_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, currency_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, markup_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, scale_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, till_code_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, printer_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSettingsPage, scanner_row);
  gtk_widget_class_bind_template_callback (widget_class, on_map);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_markup_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_combo_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_address_apply);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_rule_clicked",
                                                G_CALLBACK (_comptoir_settings_page_on_add_rule));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_restore_rules_clicked",
                                                G_CALLBACK (_comptoir_settings_page_on_restore_rules));
  gtk_widget_class_bind_template_callback (widget_class, on_till_apply);
}

static void
comptoir_settings_page_init (ComptoirSettingsPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->payment_rows = g_ptr_array_new ();
  self->rule_rows = g_ptr_array_new ();
  _comptoir_settings_page_init_shifts (self);

  for (guint i = 0; i < G_N_ELEMENTS (entry_keys); i++)
    g_object_set_data (G_OBJECT (ENTRY_ROW_AT (self, i)), "setting-key", (gpointer) entry_keys[i].key);
  g_object_set_data (G_OBJECT (self->mode_row), "setting-key", (gpointer) COMPTOIR_SETTING_SHOP_MODE);
  g_object_set_data (G_OBJECT (self->mode_row), "setting-values", (gpointer) mode_values);
  g_object_set_data (G_OBJECT (self->columns_row), "setting-key", (gpointer) COMPTOIR_SETTING_RECEIPT_COLUMNS);
  g_object_set_data (G_OBJECT (self->columns_row), "setting-values", (gpointer) columns_values);

  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (on_address_changed), self, G_CONNECT_SWAPPED);
  /* Before the text view's own handler, which would insert a new line. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_address_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->address_view), keys);
}

/* The rows are made here rather than in init because the payment methods'
 * order comes from the shop. */
void
comptoir_settings_page_set_db (ComptoirSettingsPage *self,
                               ComptoirDb           *db)
{
  g_return_if_fail (COMPTOIR_IS_SETTINGS_PAGE (self));
  g_return_if_fail (COMPTOIR_IS_DB (db));
  g_return_if_fail (self->db == NULL);

  self->db = g_object_ref (db);
  build_payment_rows (self);
  load_all (self);
}
