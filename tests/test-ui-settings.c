/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-resources.h"
#include "comptoir-settings-page.h"
#include "comptoir-window.h"
#include "test-ui.h"

/* The real window on a fresh shop, under the Xvfb the test runner starts:
 * the Settings section saves what is applied, refuses what the core
 * refuses, and edits the scale label rules through its dialog. */

#define LOCK_REFUSED "Give the lock delay in seconds, from 0 (never lock) to 86400."

/* The preferences row whose title starts with title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_gsetting (GSettings  *settings,
                 const char *key,
                 const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
no_message_dialog (gpointer unused)
{
  return find_message_dialog () == NULL;
}

static gint64
count_changes (Fixture    *f,
               const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM change_log "
                                          "WHERE tbl = 'setting' AND row_id = '%s'", key);

  return fixture_query_int (f->db, sql);
}

static void
assert_setting (Fixture    *f,
                const char *key,
                const char *expected)
{
  g_autofree char *value = comptoir_settings_dup (f->db, key);

  g_assert_cmpstr (value, ==, expected);
}

/* As a person does it: focus the row, type, and confirm with Enter, which
 * the row turns into its apply button once something was typed. */
static void
apply_entry (GtkWidget  *row,
             const char *text)
{
  GtkWidget *apply;

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  type_text (GTK_EDITABLE (row), text);
  apply = find_with_class (row, GTK_TYPE_BUTTON, "suggested-action");
  g_assert_nonnull (apply);
  g_assert_true (gtk_widget_get_visible (apply));
  g_signal_emit_by_name (find_descendant (row, GTK_TYPE_TEXT), "activate");
  settle ();
}

static void
set_switch (GtkWidget *row,
            gboolean   active)
{
  gtk_switch_set_active (GTK_SWITCH (find_descendant (row, GTK_TYPE_SWITCH)), active);
  settle ();
}

static GtkWidget *
find_label_starting (GtkWidget  *widget,
                     const char *start)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), start))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_starting (child, start);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
printer_refusal_gone (gpointer window)
{
  return find_label_starting (window, "The receipt printer setting") == NULL;
}

static void
scroll_to_top (GtkWidget *page)
{
  GtkWidget *scrolled = find_descendant (page, GTK_TYPE_SCROLLED_WINDOW);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  settle ();
}

static void
test_settings_window (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  ComptoirWindow *window;
  GtkWidget *page, *row, *dialog, *text, *button, *spin;
  ComptoirScaleRules *rules;
  const ComptoirScaleRule *rule;
  g_autofree char *json = NULL;

  g_settings_set_string (settings, "last-section", "settings");
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);
  page = find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_SETTINGS_PAGE);
  g_assert_nonnull (page);
  wait_for (window_mapped, page);
  settle ();

  /* The shop's name: saved trimmed, through the change log. */
  row = find_row (page, "Shop name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  apply_entry (row, "  La Coop du Canal ");
  assert_setting (f, COMPTOIR_SETTING_SHOP_NAME, "La Coop du Canal");
  g_assert_cmpint (count_changes (f, COMPTOIR_SETTING_SHOP_NAME), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "La Coop du Canal");
  g_assert_false (gtk_widget_get_visible (find_with_class (row, GTK_TYPE_BUTTON, "suggested-action")));

  /* The address keeps its lines: typed for real, Enter starts a new line
   * and Ctrl+Enter applies; the button does too. */
  text = find_descendant (find_row (page, "Address"), GTK_TYPE_TEXT_VIEW);
  button = find_button_with_tooltip (page, "Apply the address");
  g_assert_false (gtk_widget_get_visible (button));
  click_widget (GTK_WIDGET (window), text);
  settle ();
  xdotool ("type --delay 20 '12 quai de Valmy'");
  xdotool ("key Return");
  xdotool ("type --delay 20 '75010 Paris'");
  settle ();
  g_assert_true (gtk_widget_get_visible (button));
  xdotool ("key ctrl+Return");
  settle ();
  assert_setting (f, COMPTOIR_SETTING_SHOP_ADDRESS, "12 quai de Valmy\n75010 Paris");
  g_assert_false (gtk_widget_get_visible (button));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "12 quai de Valmy\n75010 Paris\n", -1);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
  /* Stored trimmed, as every setting is: no change, nothing to log. */
  assert_setting (f, COMPTOIR_SETTING_SHOP_ADDRESS, "12 quai de Valmy\n75010 Paris");
  g_assert_cmpint (count_changes (f, COMPTOIR_SETTING_SHOP_ADDRESS), ==, 1);

  /* Mode: a farm shop sells to anyone. */
  row = find_row (page, "Who may buy");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  settle ();
  assert_setting (f, COMPTOIR_SETTING_SHOP_MODE, "farm");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (page, "Receipt width")), 1);
  assert_setting (f, COMPTOIR_SETTING_RECEIPT_COLUMNS, "32");
  scroll_to_top (page);
  save_screenshot (GTK_WIDGET (window), "settings.png");

  /* A payment method off, then on again in its place. */
  set_switch (find_row (page, "Cheque"), FALSE);
  assert_setting (f, COMPTOIR_SETTING_PAYMENT_METHODS, "cash,card,meal_voucher");
  set_switch (find_row (page, "Cheque"), TRUE);
  assert_setting (f, COMPTOIR_SETTING_PAYMENT_METHODS, "cash,card,cheque,meal_voucher");
  set_switch (find_row (page, "Local currency"), TRUE);
  assert_setting (f, COMPTOIR_SETTING_PAYMENT_METHODS, "cash,card,cheque,meal_voucher,local_currency");
  apply_entry (find_row (page, "Name of the local currency"), "Pêche");
  assert_setting (f, COMPTOIR_SETTING_LOCAL_CURRENCY, "Pêche");

  /* The last method on stays on, with the core's reason. */
  set_switch (find_row (page, "Card"), FALSE);
  set_switch (find_row (page, "Cheque"), FALSE);
  set_switch (find_row (page, "Meal vouchers"), FALSE);
  set_switch (find_row (page, "Local currency"), FALSE);
  assert_setting (f, COMPTOIR_SETTING_PAYMENT_METHODS, "cash");
  row = find_row (page, "Cash");
  set_switch (row, FALSE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_descendant (row, GTK_TYPE_SWITCH))));
  g_assert_true (gtk_widget_has_css_class (row, "field-error"));
  g_assert_true (shows_label (GTK_WIDGET (window), "Enable at least one payment method."));
  assert_setting (f, COMPTOIR_SETTING_PAYMENT_METHODS, "cash");
  set_switch (find_row (page, "Card"), TRUE);
  g_assert_false (gtk_widget_has_css_class (row, "field-error"));
  assert_setting (f, COMPTOIR_SETTING_PAYMENT_METHODS, "cash,card");

  /* A lock delay the core refuses: shown, marked, nothing stored, and the
   * row back to the delay in force. */
  row = find_row (page, "Lock the till after");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "300");
  apply_entry (row, "90000");
  g_assert_true (gtk_widget_has_css_class (row, "field-error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, LOCK_REFUSED);
  g_assert_true (shows_label (GTK_WIDGET (window), LOCK_REFUSED));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "300");
  g_assert_cmpint (count_changes (f, COMPTOIR_SETTING_TILL_LOCK_AFTER), ==, 0);
  assert_setting (f, COMPTOIR_SETTING_TILL_LOCK_AFTER, "300");
  save_screenshot (GTK_WIDGET (window), "settings-error.png");
  /* Typing again takes the mark away; a good delay is saved. */
  apply_entry (row, "120");
  g_assert_false (gtk_widget_has_css_class (row, "field-error"));
  assert_setting (f, COMPTOIR_SETTING_TILL_LOCK_AFTER, "120");

  /* A scale rule through the dialog: a prefix another rule already reads
   * is explained and cannot be added; 28 with a price in cents can. */
  button = find_button_with_tooltip (page, "Add a rule for the labels of a scale");
  g_signal_emit_by_name (button, "clicked");
  dialog = GTK_WIDGET (wait_for_message_dialog ());
  wait_for (window_mapped, dialog);
  row = find_row (dialog, "Prefix");
  type_text (GTK_EDITABLE (row), "21");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_nonnull (find_label_starting (dialog, "The scale rule for prefix “21” would never be used"));
  save_screenshot (dialog, "settings-scale-rule-refused.png");
  gtk_editable_set_text (GTK_EDITABLE (row), "28");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "The value is")), 1);
  settle ();
  spin = find_descendant (find_row (dialog, "Decimals"), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 2);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_null (find_label_starting (dialog, "The scale rule"));
  save_screenshot (dialog, "settings-scale-rule.png");
  /* A real click: the dialog closes before it says which button it was. */
  click_widget (dialog, find_button_labelled (dialog, "_Add"));
  wait_for (no_message_dialog, NULL);
  settle ();

  json = comptoir_settings_dup (f->db, COMPTOIR_SETTING_SCALE_RULES);
  g_assert_nonnull (strstr (json, "\"28\""));
  rules = comptoir_settings_load_scale_rules (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comptoir_scale_rules_get_n_rules (rules), ==, 4);
  rule = comptoir_scale_rules_get_rule (rules, 3);
  g_assert_cmpstr (rule->prefix, ==, "28");
  g_assert_cmpint (rule->kind, ==, COMPTOIR_SCALE_PRICE);
  g_assert_cmpuint (rule->decimals, ==, 2);
  g_assert_cmpuint (rule->item_start, ==, 2);
  g_assert_cmpuint (rule->item_len, ==, 5);
  g_assert_cmpuint (rule->value_start, ==, 7);
  g_assert_cmpuint (rule->value_len, ==, 5);
  g_assert_false (rule->has_price_check_digit);
  comptoir_scale_rules_free (rules);
  row = find_row (page, "Codes starting with 28");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "item code digits 3–7 · price in €, 2 decimals, digits 8–12");

  /* Moved up one place, then removed. */
  g_signal_emit_by_name (find_button_with_tooltip (row, "Move Up"), "clicked");
  settle ();
  rules = comptoir_settings_load_scale_rules (f->db, &error);
  g_assert_cmpstr (comptoir_scale_rules_get_rule (rules, 2)->prefix, ==, "28");
  g_assert_cmpstr (comptoir_scale_rules_get_rule (rules, 3)->prefix, ==, "02");
  comptoir_scale_rules_free (rules);
  row = find_row (page, "Codes starting with 28");
  g_signal_emit_by_name (find_button_with_tooltip (row, "Remove Rule"), "clicked");
  settle ();
  g_free (json);
  json = comptoir_settings_dup (f->db, COMPTOIR_SETTING_SCALE_RULES);
  g_assert_null (strstr (json, "\"28\""));
  g_assert_null (find_row (page, "Codes starting with 28"));
  rules = comptoir_settings_load_scale_rules (f->db, &error);
  g_assert_cmpuint (comptoir_scale_rules_get_n_rules (rules), ==, 3);
  comptoir_scale_rules_free (rules);
  g_assert_true (shows_label (GTK_WIDGET (window), "Rule for 28 removed"));

  /* This till: GSettings, checked before it is stored. */
  apply_entry (find_row (page, "Till code"), "T2");
  assert_gsetting (settings, "till-code", "T2");
  row = find_row (page, "Receipt printer");
  apply_entry (row, "usb:zz");
  g_assert_true (gtk_widget_has_css_class (row, "field-error"));
  g_assert_nonnull (find_label_starting (GTK_WIDGET (window), "The receipt printer setting “usb:zz”"));
  assert_gsetting (settings, "receipt-printer", "");
  apply_entry (row, "usb:04b8:0e15");
  assert_gsetting (settings, "receipt-printer", "usb:04b8:0e15");

  /* Put right, the refusal goes away on its own. */
  wait_for (printer_refusal_gone, window);
  /* The page scrolled to the rules and the till's settings. */
  save_screenshot (GTK_WIDGET (window), "settings-rules.png");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_settings_reset (settings, "till-code");
  g_settings_reset (settings, "receipt-printer");
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  comptoir_register_resource ();
  load_app_style ();
  g_test_add ("/comptoir/ui/settings/window", Fixture, NULL, fixture_set_up, test_settings_window, fixture_tear_down);
  return g_test_run ();
}
