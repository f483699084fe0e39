/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-status"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "comptoir-error.h"
#include "comptoir-member-status.h"

/* Days, names of the enumerations as the database stores them, and the
 * status rules as the settings store them. */

ComptoirDay
comptoir_day_from_iso (const char *text)
{
  guint v[3] = { 0 };
  const guint widths[3] = { 4, 2, 2 };
  const char *p = text;
  GDate date;

  if (text == NULL || strlen (text) != 10)
    return COMPTOIR_DAY_NONE;
  for (guint f = 0; f < 3; f++)
    {
      for (guint i = 0; i < widths[f]; i++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return COMPTOIR_DAY_NONE;
          v[f] = v[f] * 10 + (guint) (*p - '0');
        }
      if (f < 2 && *p++ != '-')
        return COMPTOIR_DAY_NONE;
    }
  if (!g_date_valid_dmy ((GDateDay) v[2], (GDateMonth) v[1], (GDateYear) v[0]))
    return COMPTOIR_DAY_NONE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) v[2], (GDateMonth) v[1], (GDateYear) v[0]);
  return g_date_get_julian (&date);
}

void
comptoir_day_to_iso (ComptoirDay  day,
                     char        *out)
{
  GDate date;

  if (day == COMPTOIR_DAY_NONE || !g_date_valid_julian (day))
    {
      out[0] = '\0';
      return;
    }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

ComptoirDay
comptoir_day_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

static gboolean
from_names (const char * const *names,
            guint               n_names,
            const char         *text,
            guint              *out)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static const char * const participation_names[] = { "standard", "flying", "exempt" };
static const char * const leave_names[] = { "holiday", "parental", "medical", "other" };
static const char * const ledger_names[] = {
  "shift_done", "shift_missed", "makeup_done", "late_cancel",
  "correction", "merge_out", "merge_in", "cycle_dues",
};
static const char * const status_names[] = { "up_to_date", "alert", "suspended", "exempted", "unsubscribed" };

const char *
comptoir_participation_to_string (ComptoirParticipation participation)
{
  g_return_val_if_fail (participation < G_N_ELEMENTS (participation_names), NULL);
  return participation_names[participation];
}

gboolean
comptoir_participation_from_string (const char            *text,
                                    ComptoirParticipation *out)
{
  guint i;

  if (!from_names (participation_names, G_N_ELEMENTS (participation_names), text, &i))
    return FALSE;
  *out = (ComptoirParticipation) i;
  return TRUE;
}

const char *
comptoir_participation_get_label (ComptoirParticipation participation)
{
  switch (participation)
    {
    case COMPTOIR_PARTICIPATION_STANDARD:
      return _("Standard (in a squad)");
    case COMPTOIR_PARTICIPATION_FLYING:
      return _("Flying");
    case COMPTOIR_PARTICIPATION_EXEMPT:
      return _("Exempt");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
comptoir_leave_kind_get_label (ComptoirLeaveKind kind)
{
  switch (kind)
    {
    case COMPTOIR_LEAVE_HOLIDAY:
      return _("Holiday");
    case COMPTOIR_LEAVE_PARENTAL:
      return _("Parental leave");
    case COMPTOIR_LEAVE_MEDICAL:
      return _("Medical leave");
    case COMPTOIR_LEAVE_OTHER:
      return _("Other leave");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
comptoir_leave_kind_to_string (ComptoirLeaveKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (leave_names), NULL);
  return leave_names[kind];
}

gboolean
comptoir_leave_kind_from_string (const char        *text,
                                 ComptoirLeaveKind *out)
{
  guint i;

  if (!from_names (leave_names, G_N_ELEMENTS (leave_names), text, &i))
    return FALSE;
  *out = (ComptoirLeaveKind) i;
  return TRUE;
}

const char *
comptoir_ledger_kind_to_string (ComptoirLedgerKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (ledger_names), NULL);
  return ledger_names[kind];
}

gboolean
comptoir_ledger_kind_from_string (const char         *text,
                                  ComptoirLedgerKind *out)
{
  guint i;

  if (!from_names (ledger_names, G_N_ELEMENTS (ledger_names), text, &i))
    return FALSE;
  *out = (ComptoirLedgerKind) i;
  return TRUE;
}

const char *
comptoir_ledger_kind_get_label (ComptoirLedgerKind kind)
{
  switch (kind)
    {
    case COMPTOIR_LEDGER_SHIFT_DONE:
      return _("Shift worked");
    case COMPTOIR_LEDGER_SHIFT_MISSED:
      return _("Shift missed");
    case COMPTOIR_LEDGER_MAKEUP_DONE:
      return _("Makeup shift worked");
    case COMPTOIR_LEDGER_LATE_CANCEL:
      return _("Late cancellation");
    case COMPTOIR_LEDGER_CORRECTION:
      return _("Correction");
    case COMPTOIR_LEDGER_MERGE_OUT:
      return _("Counter moved to the merged account");
    case COMPTOIR_LEDGER_MERGE_IN:
      return _("Counter of a merged account");
    case COMPTOIR_LEDGER_CYCLE_DUES:
      return _("Shifts owed as a flying member");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
comptoir_member_status_kind_to_string (ComptoirMemberStatusKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (status_names), NULL);
  return status_names[kind];
}

const char *
comptoir_member_status_kind_get_label (ComptoirMemberStatusKind kind)
{
  switch (kind)
    {
    case COMPTOIR_MEMBER_UP_TO_DATE:
      return _("Up to date");
    case COMPTOIR_MEMBER_ALERT:
      return _("Alert");
    case COMPTOIR_MEMBER_SUSPENDED:
      return _("Suspended");
    case COMPTOIR_MEMBER_EXEMPTED:
      return _("Exempted");
    case COMPTOIR_MEMBER_UNSUBSCRIBED:
      return _("Unsubscribed");
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_day (ComptoirDay  day,
            const char  *format)
{
  char text[64];
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (g_date_strftime (text, sizeof text, format, &date) == 0)
    return g_strdup ("?");
  return g_strdup (text);
}

char *
comptoir_member_status_describe (const ComptoirMemberStatus *status)
{
  g_autofree char *when = NULL;

  switch (status->kind)
    {
    case COMPTOIR_MEMBER_ALERT:
      /* Translators: a day and month, as in "before 12/12" */
      when = format_day (status->deadline, C_("short date", "%d/%m"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "alert: %lld shift to make up before %s",
                                           "alert: %lld shifts to make up before %s",
                                           (gulong) status->to_make_up),
                              (long long) status->to_make_up, when);
    case COMPTOIR_MEMBER_SUSPENDED:
      when = format_day (status->deadline, C_("short date", "%d/%m"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "suspended: %lld shift to make up since %s",
                                           "suspended: %lld shifts to make up since %s",
                                           (gulong) status->to_make_up),
                              (long long) status->to_make_up, when);
    case COMPTOIR_MEMBER_UNSUBSCRIBED:
      /* Translators: a full date, as in "left the cooperative on 01/09/2026" */
      when = format_day (status->facts.left_on, C_("date", "%d/%m/%Y"));
      return g_strdup_printf (_("left the cooperative on %s"), when);
    case COMPTOIR_MEMBER_UP_TO_DATE:
    case COMPTOIR_MEMBER_EXEMPTED:
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------ */

void
comptoir_status_rules_init_default (ComptoirStatusRules *rules)
{
  rules->cycle_days = 28;
  rules->cycle_start = comptoir_day_from_iso ("2024-01-01");
  rules->grace_days = 28;
  rules->tolerated_missed = 0;
  rules->flying_owe_per_cycle = TRUE;
  rules->missed_points = -1;
  rules->late_cancel_points = -1;
}

static const struct {
  const char *name;
  gint64      min;
  gint64      max;
} int_rules[] = {
  { "cycle_days", 7, 364 },
  { "grace_days", 0, 364 },
  { "tolerated_missed", 0, 100 },
  { "missed_points", -5, -1 },
  { "late_cancel_points", -5, 0 },
};

static void
set_int_rule (ComptoirStatusRules *rules,
              guint                index,
              gint64               value)
{
  switch (index)
    {
    case 0: rules->cycle_days = (guint) value; break;
    case 1: rules->grace_days = (guint) value; break;
    case 2: rules->tolerated_missed = (guint) value; break;
    case 3: rules->missed_points = (gint) value; break;
    case 4: rules->late_cancel_points = (gint) value; break;
    default: g_assert_not_reached ();
    }
}

static gboolean
read_rule (ComptoirStatusRules  *rules,
           const char           *name,
           JsonNode             *node,
           gboolean              strict,
           GError              **error)
{
  gboolean is_int = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;

  for (guint i = 0; i < G_N_ELEMENTS (int_rules); i++)
    if (g_str_equal (name, int_rules[i].name))
      {
        if (!is_int || json_node_get_int (node) < int_rules[i].min || json_node_get_int (node) > int_rules[i].max)
          {
            g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                         _("In the status rules, “%s” must be a whole number from %lld to %lld."),
                         name, (long long) int_rules[i].min, (long long) int_rules[i].max);
            return FALSE;
          }
        set_int_rule (rules, i, json_node_get_int (node));
        return TRUE;
      }

  if (g_str_equal (name, "cycle_start"))
    {
      const char *text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                           ? json_node_get_string (node) : NULL;

      rules->cycle_start = comptoir_day_from_iso (text);
      if (rules->cycle_start == COMPTOIR_DAY_NONE)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("In the status rules, “cycle_start” must be the date a cycle starts on, "
                                 "such as \"2024-01-01\"."));
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_equal (name, "flying_owe_per_cycle"))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("In the status rules, “flying_owe_per_cycle” must be true or false."));
          return FALSE;
        }
      rules->flying_owe_per_cycle = json_node_get_boolean (node);
      return TRUE;
    }
  if (!strict)
    return TRUE;
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("“%s” is not a status rule. The rules are cycle_days, cycle_start, grace_days, "
                 "tolerated_missed, flying_owe_per_cycle, missed_points and late_cancel_points."),
               name);
  return FALSE;
}

gboolean
comptoir_status_rules_from_json (const char           *json,
                                 gboolean              strict,
                                 ComptoirStatusRules  *out,
                                 GError              **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GList) names = NULL;
  ComptoirStatusRules rules;
  JsonObject *object;

  comptoir_status_rules_init_default (&rules);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, &local_error) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The status rules cannot be read (%s): write them as an object such as "
                     "{\"cycle_days\": 28, \"grace_days\": 28}."),
                   local_error != NULL ? local_error->message : _("not an object"));
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (!read_rule (&rules, l->data, json_object_get_member (object, l->data), strict, error))
      return FALSE;
  *out = rules;
  return TRUE;
}

char *
comptoir_status_rules_to_json (const ComptoirStatusRules *rules)
{
  char start[11];

  comptoir_day_to_iso (rules->cycle_start, start);
  return g_strdup_printf ("{\"cycle_days\": %u, \"cycle_start\": \"%s\", \"grace_days\": %u, "
                          "\"tolerated_missed\": %u, \"flying_owe_per_cycle\": %s, "
                          "\"missed_points\": %d, \"late_cancel_points\": %d}",
                          rules->cycle_days, start, rules->grace_days, rules->tolerated_missed,
                          rules->flying_owe_per_cycle ? "true" : "false",
                          rules->missed_points, rules->late_cancel_points);
}
