/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-settings-page"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "comptoir-money.h"
#include "comptoir-settings-page-private.h"
#include "comptoir-shift.h"

/* The Members and Shifts group of the Settings section: the status rules
 * (the cycle, grace, points), the shift rules (notice, check-in, absence)
 * and the value of a share. The status and shift rules are each one JSON
 * setting: a change reads the rules in force, changes the one rule and
 * writes them all back through comptoir_settings_set(), which checks
 * them; the core, not this file, says what is allowed. */

typedef enum {
  FIELD_STATUS_NUMBER,  /* a whole number in the status rules */
  FIELD_STATUS_POINTS,  /* a cost in points, stored negative in the status rules */
  FIELD_STATUS_DATE,
  FIELD_STATUS_SWITCH,
  FIELD_SHIFT_NUMBER,   /* a whole number in the shift rules */
  FIELD_SHARE_VALUE,
} FieldKind;

/* The spin buttons take more than the core allows so that a value out of
 * range is refused with the core's own reason, not silently clamped.
 * The point costs are the exception: the core's reason speaks of the
 * stored negative numbers, which would only puzzle someone who typed a
 * positive cost. */
static const struct {
  const char *name;      /* the rule's JSON member */
  FieldKind   kind;
  const char *title;
  const char *subtitle;  /* NULL: none (entry rows have none) */
  int         lower;
  int         upper;
} fields[] = {
  { "cycle_days", FIELD_STATUS_NUMBER, N_("Cycle length, in days"),
    N_("From 7 to 364; 28 = four weeks A, B, C, D"), 0, 9999 },
  { "cycle_start", FIELD_STATUS_DATE,
    N_("Day a cycle starts, the Monday of week A (YYYY-MM-DD or DD/MM/YYYY)"), NULL, 0, 0 },
  { "grace_days", FIELD_STATUS_NUMBER, N_("Grace days before suspension"),
    N_("Days a member in alert has to make up before they may no longer shop"), 0, 9999 },
  { "tolerated_missed", FIELD_STATUS_NUMBER, N_("Missed shifts tolerated before an alert"),
    N_("0: the first missed shift puts the member in alert"), 0, 9999 },
  { "missed_points", FIELD_STATUS_POINTS, N_("Points a missed shift costs"),
    N_("Taken off the member’s counter, from 1 to 5"), 1, 5 },
  { "late_cancel_points", FIELD_STATUS_POINTS, N_("Points a late cancellation costs"),
    N_("From 0 to 5; 0 forgives late cancellations"), 0, 5 },
  { "flying_owe_per_cycle", FIELD_STATUS_SWITCH, N_("Flying members owe one shift per cycle"),
    N_("Each cycle that ends takes one shift off their counter; otherwise they owe nothing"), 0, 0 },
  { "cancel_notice_hours", FIELD_SHIFT_NUMBER, N_("Cancellation notice, in hours"),
    N_("Cancelling later than this before a shift starts is a late cancellation"), 0, 9999 },
  { "checkin_early_minutes", FIELD_SHIFT_NUMBER, N_("Check-in opens, in minutes before the start"),
    N_("How early members can check in for their shift"), 0, 9999 },
  { "absent_grace_minutes", FIELD_SHIFT_NUMBER, N_("Absent after, in minutes past the end"),
    N_("Members not checked in by then are marked absent"), 0, 9999 },
  { COMPTOIR_SETTING_SHARE_VALUE, FIELD_SHARE_VALUE, N_("Value of one share, in euros"), NULL, 0, 0 },
};

static guint
row_field (GtkWidget *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "shift-field"));
}

static const char *
field_setting (guint field)
{
  switch (fields[field].kind)
    {
    case FIELD_SHIFT_NUMBER:
      return COMPTOIR_SETTING_SHIFT_RULES;
    case FIELD_SHARE_VALUE:
      return COMPTOIR_SETTING_SHARE_VALUE;
    case FIELD_STATUS_NUMBER:
    case FIELD_STATUS_POINTS:
    case FIELD_STATUS_DATE:
    case FIELD_STATUS_SWITCH:
    default:
      return COMPTOIR_SETTING_STATUS_RULES;
    }
}

/* The rules in force, read as this version knows them: a stored value it
 * cannot read counts as its default, as it does for the till. */
static void
load_status_rules (ComptoirSettingsPage *self,
                   ComptoirStatusRules  *rules)
{
  g_autoptr (GError) error = NULL;

  if (!comptoir_settings_load_status_rules (self->db, rules, &error))
    {
      g_warning ("Reading the status rules: %s", error->message);
      comptoir_status_rules_init_default (rules);
    }
}

static void
load_shift_rules (ComptoirSettingsPage *self,
                  ComptoirShiftRules   *rules)
{
  g_autoptr (GError) error = NULL;

  if (!comptoir_shift_rules_load (self->db, rules, &error))
    {
      g_warning ("Reading the shift rules: %s", error->message);
      comptoir_shift_rules_init_default (rules);
    }
}

/* The JSON of the rules in force, as an object to change one member of. */
static JsonNode *
current_rules (ComptoirSettingsPage *self,
               const char           *setting)
{
  g_autofree char *json = NULL;

  if (g_str_equal (setting, COMPTOIR_SETTING_SHIFT_RULES))
    {
      ComptoirShiftRules rules;

      load_shift_rules (self, &rules);
      json = comptoir_shift_rules_to_json (&rules);
    }
  else
    {
      ComptoirStatusRules rules;

      load_status_rules (self, &rules);
      json = comptoir_status_rules_to_json (&rules);
    }
  return json_from_string (json, NULL);
}

/* "24/11/2026" (or with dots) → "2026-11-24", which the core then checks
 * as a date; any other text is given to the core as it is, to be
 * refused with its reason. */
static char *
date_to_iso (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_auto (GStrv) parts = NULL;
  guint64 v[3];

  if (comptoir_day_from_iso (stripped) != COMPTOIR_DAY_NONE)
    return g_steal_pointer (&stripped);
  g_strdelimit (stripped, ".", '/');
  parts = g_strsplit (stripped, "/", -1);
  if (g_strv_length (parts) != 3 || strlen (parts[2]) != 4)
    return g_strdup (text);
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 9999, &v[i], NULL))
      return g_strdup (text);
  return g_strdup_printf ("%04" G_GUINT64_FORMAT "-%02" G_GUINT64_FORMAT "-%02" G_GUINT64_FORMAT,
                          v[2], v[1], v[0]);
}

/* Loading */

static void
set_spin (GtkWidget *row,
          int        value)
{
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (row), "spin"), value);
}

static void
load_row (ComptoirSettingsPage      *self,
          GtkWidget                 *row,
          const ComptoirStatusRules *status,
          const ComptoirShiftRules  *shift)
{
  guint field = row_field (row);
  const char *name = fields[field].name;
  char day[11];

  switch (fields[field].kind)
    {
    case FIELD_STATUS_NUMBER:
      set_spin (row, g_str_equal (name, "cycle_days") ? status->cycle_days
                     : g_str_equal (name, "grace_days") ? status->grace_days
                     : status->tolerated_missed);
      break;
    case FIELD_STATUS_POINTS:
      set_spin (row, -(g_str_equal (name, "missed_points") ? status->missed_points : status->late_cancel_points));
      break;
    case FIELD_STATUS_DATE:
      comptoir_day_to_iso (status->cycle_start, day);
      _comptoir_settings_page_set_entry_text (ADW_ENTRY_ROW (row), day);
      break;
    case FIELD_STATUS_SWITCH:
      gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "switch"), status->flying_owe_per_cycle);
      break;
    case FIELD_SHIFT_NUMBER:
      set_spin (row, (int) (g_str_equal (name, "cancel_notice_hours") ? shift->cancel_notice_hours
                            : g_str_equal (name, "checkin_early_minutes") ? shift->checkin_early_minutes
                            : shift->absent_grace_minutes));
      break;
    case FIELD_SHARE_VALUE:
    default:
      {
        g_autofree char *text = comptoir_money_format_local (comptoir_settings_get_int (self->db, name));

        _comptoir_settings_page_set_entry_text (ADW_ENTRY_ROW (row), text);
      }
      break;
    }
}

/* Shows the values in force: when the page is shown (another machine may
 * have changed them) and after each change, saved or refused. */
static void
load_rows (ComptoirSettingsPage *self,
           GtkWidget            *only)
{
  ComptoirStatusRules status;
  ComptoirShiftRules shift;
  gboolean loading = self->loading;

  load_status_rules (self, &status);
  load_shift_rules (self, &shift);
  self->loading = TRUE;
  for (guint i = 0; i < self->shift_rows->len; i++)
    if (only == NULL || only == g_ptr_array_index (self->shift_rows, i))
      load_row (self, g_ptr_array_index (self->shift_rows, i), &status, &shift);
  self->loading = loading;
}

void
_comptoir_settings_page_load_shifts (ComptoirSettingsPage *self)
{
  load_rows (self, NULL);
}

/* Applying */

/* Writes the setting, then shows the value in force: the new one, or on
 * a refusal the one still stored, with the core's reason. */
static void
apply (ComptoirSettingsPage *self,
       GtkWidget            *row,
       const char           *setting,
       const char           *value)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = comptoir_settings_set (self->db, setting, value, &error);

  load_rows (self, row);
  if (ok)
    _comptoir_settings_page_saved (self, row);
  else
    _comptoir_settings_page_show_error (self, row, error->message);
}

static void
apply_rule (ComptoirSettingsPage *self,
            GtkWidget            *row,
            JsonNode             *value)
{
  guint field = row_field (row);
  const char *setting = field_setting (field);
  g_autoptr (JsonNode) root = current_rules (self, setting);
  g_autofree char *before = json_to_string (root, FALSE);
  g_autofree char *json = NULL;

  json_object_set_member (json_node_get_object (root), fields[field].name, value);
  json = json_to_string (root, FALSE);
  /* Nothing to write: the value in force, typed again or put back after
   * a refusal (GtkSpinButton says so once more when its text is reset). */
  if (g_str_equal (json, before))
    {
      load_rows (self, row);
      return;
    }
  apply (self, row, setting, json);
}

static void
on_spin_changed (GtkSpinButton        *spin,
                 ComptoirSettingsPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (spin), "row");
  gint64 value = gtk_spin_button_get_value_as_int (spin);

  if (self->loading || self->db == NULL)
    return;
  if (fields[row_field (row)].kind == FIELD_STATUS_POINTS)
    value = -value;
  apply_rule (self, row, json_node_init_int (json_node_alloc (), value));
}

static void
on_switch_changed (GtkSwitch            *toggle,
                   GParamSpec           *pspec,
                   ComptoirSettingsPage *self)
{
  if (self->loading || self->db == NULL)
    return;
  apply_rule (self, g_object_get_data (G_OBJECT (toggle), "row"),
              json_node_init_boolean (json_node_alloc (), gtk_switch_get_active (toggle)));
}

static void
on_entry_apply (AdwEntryRow          *entry,
                ComptoirSettingsPage *self)
{
  GtkWidget *row = GTK_WIDGET (entry);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *value = NULL;
  gint64 cents;

  if (fields[row_field (row)].kind == FIELD_STATUS_DATE)
    {
      g_autofree char *iso = date_to_iso (text);

      apply_rule (self, row, json_node_init_string (json_node_alloc (), iso));
      return;
    }

  if (!comptoir_money_parse (text, &cents))
    {
      g_autofree char *typed = g_strstrip (g_strdup (text));
      g_autofree char *message = g_strdup_printf (_("“%s” is not an amount in euros, such as 10 or 12,50."), typed);

      load_rows (self, row);
      _comptoir_settings_page_show_error (self, row, message);
      return;
    }
  value = g_strdup_printf ("%" G_GINT64_FORMAT, cents);
  apply (self, row, COMPTOIR_SETTING_SHARE_VALUE, value);
}

static void
on_entry_changed (GtkWidget            *row,
                  ComptoirSettingsPage *self)
{
  _comptoir_settings_page_clear_error (self, row);
}

/* Building */

static GtkWidget *
action_row (guint       field,
            GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = _(fields[field].title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(fields[field].subtitle));
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  g_object_set_data (G_OBJECT (suffix), "row", row);
  return row;
}

static GtkWidget *
build_row (ComptoirSettingsPage *self,
           guint                 field)
{
  GtkWidget *row;

  switch (fields[field].kind)
    {
    case FIELD_STATUS_NUMBER:
    case FIELD_STATUS_POINTS:
    case FIELD_SHIFT_NUMBER:
      {
        GtkWidget *spin = gtk_spin_button_new_with_range (fields[field].lower, fields[field].upper, 1);

        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
        /* One width for all, whatever their range: the values line up. */
        gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
        row = action_row (field, spin);
        g_object_set_data (G_OBJECT (row), "spin", spin);
        g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_spin_changed), self, 0);
      }
      break;
    case FIELD_STATUS_SWITCH:
      {
        GtkWidget *toggle = gtk_switch_new ();

        row = action_row (field, toggle);
        g_object_set_data (G_OBJECT (row), "switch", toggle);
        g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_switch_changed), self, 0);
      }
      break;
    case FIELD_STATUS_DATE:
    case FIELD_SHARE_VALUE:
    default:
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[field].title));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      if (fields[field].kind == FIELD_SHARE_VALUE)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_entry_apply), self, 0);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_entry_changed), self, 0);
      break;
    }
  g_object_set_data (G_OBJECT (row), "shift-field", GUINT_TO_POINTER (field));
  return row;
}

void
_comptoir_settings_page_init_shifts (ComptoirSettingsPage *self)
{
  self->shift_rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = build_row (self, i);

      adw_preferences_group_add (self->shifts_group, row);
      g_ptr_array_add (self->shift_rows, row);
    }
}
