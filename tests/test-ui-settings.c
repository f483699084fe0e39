/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-resources.h"
#include "comptoir-settings-page.h"
#include "comptoir-shift.h"
#include "comptoir-window.h"
#include "test-ui.h"

/* The real window on a fresh shop, under the Xvfb the test runner starts:
 * the Settings section saves what is applied, refuses what the core
 * refuses, and edits the scale label rules through its dialog. */

#define LOCK_REFUSED "Give the lock delay in seconds, from 0 (never lock) to 86400."
#define MARKUP_REFUSED "“abc” is not a coefficient: give the number the purchase price excluding VAT is " \
                       "multiplied by, such as 1.20 or ×1.3 (at most four decimals)."
#define CYCLE_REFUSED "In the status rules, “cycle_days” must be a whole number from 7 to 364."

static void
assert_gsetting (GSettings  *settings,
                 const char *key,
                 const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
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

static gboolean
page_unmapped (gpointer page)
{
  return !gtk_widget_get_mapped (page);
}

static GtkSpinButton *
row_spin (GtkWidget *row)
{
  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (find_descendant (row, GTK_TYPE_SPIN_BUTTON));
}

/* As a person does it: type a number in the spin button, then Enter. */
static void
type_in_spin (GtkSpinButton *spin,
              const char    *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (spin));
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  type_text (GTK_EDITABLE (spin), text);
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (spin), GTK_TYPE_TEXT), "activate");
  settle ();
}

static void
load_status_rules (Fixture             *f,
                   ComptoirStatusRules *rules)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_settings_load_status_rules (f->db, rules, &error));
  g_assert_no_error (error);
}

static void
load_shift_rules (Fixture            *f,
                  ComptoirShiftRules *rules)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_shift_rules_load (f->db, rules, &error));
  g_assert_no_error (error);
}

/* The members and shifts rules: each change writes the whole rules back,
 * the others as they were; a cycle the core refuses is not stored. */
static void
check_members_and_shifts (Fixture   *f,
                          GtkWidget *window,
                          GtkWidget *page)
{
  ComptoirStatusRules status, defaults;
  ComptoirShiftRules shift;
  GtkSpinButton *spin;
  GtkStack *stack;
  GtkWidget *row;
  gint64 changes;

  comptoir_status_rules_init_default (&defaults);
  row = find_row (page, "Cycle length");
  scroll_to (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));
  spin = row_spin (row);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 28);
  type_in_spin (spin, "21");
  load_status_rules (f, &status);
  g_assert_cmpuint (status.cycle_days, ==, 21);
  g_assert_cmpuint (status.grace_days, ==, defaults.grace_days);
  g_assert_cmpuint (status.cycle_start, ==, defaults.cycle_start);
  g_assert_cmpint (status.late_cancel_points, ==, -1);
  g_assert_false (gtk_widget_has_css_class (row, "field-error"));

  /* Late cancellations forgiven: one real click on the spin's minus. */
  row = find_row (page, "Points a late cancellation costs");
  spin = row_spin (row);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 1);
  click_widget (window, find_with_class (GTK_WIDGET (spin), GTK_TYPE_BUTTON, "down"));
  settle ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  load_status_rules (f, &status);
  g_assert_cmpint (status.late_cancel_points, ==, 0);
  g_assert_cmpuint (status.cycle_days, ==, 21);
  g_assert_cmpint (status.missed_points, ==, -1);

  /* A date as the shop writes it; stored as the core's ISO date. */
  row = find_row (page, "Day a cycle starts");
  apply_entry (row, "06/01/2025");
  load_status_rules (f, &status);
  g_assert_cmpuint (status.cycle_start, ==, comptoir_day_from_iso ("2025-01-06"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-01-06");
  apply_entry (row, "31/02/2025");
  g_assert_true (gtk_widget_has_css_class (row, "field-error"));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (row), "In the status rules, “cycle_start”"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-01-06");
  load_status_rules (f, &status);
  g_assert_cmpuint (status.cycle_start, ==, comptoir_day_from_iso ("2025-01-06"));
  set_switch (find_row (page, "Flying members owe"), FALSE);
  load_status_rules (f, &status);
  g_assert_false (status.flying_owe_per_cycle);
  g_assert_cmpuint (status.cycle_days, ==, 21);

  /* The shift rules, in a setting of their own. */
  type_in_spin (row_spin (find_row (page, "Cancellation notice")), "24");
  load_shift_rules (f, &shift);
  g_assert_cmpuint (shift.cancel_notice_hours, ==, 24);
  g_assert_cmpuint (shift.checkin_early_minutes, ==, 30);
  g_assert_cmpuint (shift.absent_grace_minutes, ==, 15);

  /* The share in euros, stored in cents. */
  row = find_row (page, "Value of one share");
  apply_entry (row, "12,50");
  assert_setting (f, COMPTOIR_SETTING_SHARE_VALUE, "1250");
  apply_entry (row, "0");
  g_assert_true (gtk_widget_has_css_class (row, "field-error"));
  assert_setting (f, COMPTOIR_SETTING_SHARE_VALUE, "1250");
  apply_entry (row, "15");
  g_assert_false (gtk_widget_has_css_class (row, "field-error"));
  assert_setting (f, COMPTOIR_SETTING_SHARE_VALUE, "1500");

  /* A cycle of 400 days: the core's reason on the row and in the toast,
   * nothing written, the row back to the cycle in force. */
  changes = count_changes (f, COMPTOIR_SETTING_STATUS_RULES);
  row = find_row (page, "Cycle length");
  spin = row_spin (row);
  type_in_spin (spin, "400");
  g_assert_true (gtk_widget_has_css_class (row, "field-error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, CYCLE_REFUSED);
  g_assert_true (shows_label (window, CYCLE_REFUSED));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 21);
  g_assert_cmpint (count_changes (f, COMPTOIR_SETTING_STATUS_RULES), ==, changes);
  load_status_rules (f, &status);
  g_assert_cmpuint (status.cycle_days, ==, 21);
  scroll_to (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));
  save_screenshot (window, "settings-shifts.png");

  /* Another machine changes the rules: shown when the page is shown again. */
  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_STATUS_RULES,
                                        "{\"cycle_days\": 14, \"grace_days\": 7}", NULL));
  stack = GTK_STACK (gtk_widget_get_ancestor (page, GTK_TYPE_STACK));
  gtk_stack_set_visible_child_name (stack, "products");
  wait_for (page_unmapped, page);
  gtk_stack_set_visible_child_name (stack, "settings");
  wait_for (window_mapped, page);
  settle ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 14);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (row_spin (find_row (page, "Grace days"))), ==, 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (row_spin (find_row (page, "Points a late"))), ==, 1);
  /* Saved again, the mark goes. */
  type_in_spin (spin, "28");
  g_assert_false (gtk_widget_has_css_class (row, "field-error"));
  load_status_rules (f, &status);
  g_assert_cmpuint (status.cycle_days, ==, 28);
  g_assert_cmpuint (status.grace_days, ==, 7);
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
  scroll_to_top (find_row (page, "Shop name"));
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

  /* The shop's coefficient, typed as people say it and stored as the
   * markup the core computes with; what is not a coefficient is refused
   * and nothing is written. */
  row = find_row (page, "Coefficient over the purchase price");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "×1.20");
  apply_entry (row, "1,35");
  assert_setting (f, COMPTOIR_SETTING_DEFAULT_MARKUP, "3500");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "×1.35");
  g_assert_false (gtk_widget_has_css_class (row, "field-error"));
  g_assert_cmpint (count_changes (f, COMPTOIR_SETTING_DEFAULT_MARKUP), ==, 1);
  apply_entry (row, "abc");
  g_assert_true (gtk_widget_has_css_class (row, "field-error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, MARKUP_REFUSED);
  g_assert_true (shows_label (GTK_WIDGET (window), MARKUP_REFUSED));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "×1.35");
  assert_setting (f, COMPTOIR_SETTING_DEFAULT_MARKUP, "3500");
  g_assert_cmpint (count_changes (f, COMPTOIR_SETTING_DEFAULT_MARKUP), ==, 1);
  scroll_to (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));
  save_screenshot (GTK_WIDGET (window), "settings-prices-error.png");
  /* The shown value applied again is the same markup: nothing to log. */
  apply_entry (row, "×1.35");
  g_assert_false (gtk_widget_has_css_class (row, "field-error"));
  g_assert_cmpint (count_changes (f, COMPTOIR_SETTING_DEFAULT_MARKUP), ==, 1);
  apply_entry (row, "x1.2");
  assert_setting (f, COMPTOIR_SETTING_DEFAULT_MARKUP, "2000");
  save_screenshot (GTK_WIDGET (window), "settings-prices.png");

  check_members_and_shifts (f, GTK_WIDGET (window), page);

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
  click_widget (dialog, find_button (dialog, "_Add"));
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
