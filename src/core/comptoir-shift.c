/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-shift"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "comptoir-member-private.h"
#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-settings.h"
#include "comptoir-shift-private.h"

/* Names, times, the shift rules and templates; and what the other
 * shift files share (comptoir-shift-private.h). */

static const char * const job_names[] = { "cashier", "receiving", "shelving", "cleaning", "office", "other" };
static const char * const claim_kind_names[] = { "squad", "book", "makeup", "take" };

const char *
comptoir_shift_job_to_string (ComptoirShiftJob job)
{
  g_return_val_if_fail (job < G_N_ELEMENTS (job_names), NULL);
  return job_names[job];
}

gboolean
comptoir_shift_job_from_string (const char       *text,
                                ComptoirShiftJob *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (job_names); i++)
    if (g_strcmp0 (text, job_names[i]) == 0)
      {
        *out = (ComptoirShiftJob) i;
        return TRUE;
      }
  return FALSE;
}

const char *
comptoir_shift_job_get_label (ComptoirShiftJob job)
{
  switch (job)
    {
    case COMPTOIR_SHIFT_JOB_CASHIER:
      return _("Cashier");
    case COMPTOIR_SHIFT_JOB_RECEIVING:
      return _("Receiving");
    case COMPTOIR_SHIFT_JOB_SHELVING:
      return _("Shelving");
    case COMPTOIR_SHIFT_JOB_CLEANING:
      return _("Cleaning");
    case COMPTOIR_SHIFT_JOB_OFFICE:
      return _("Office");
    case COMPTOIR_SHIFT_JOB_OTHER:
      return _("Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
comptoir_claim_kind_to_string (ComptoirClaimKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (claim_kind_names), NULL);
  return claim_kind_names[kind];
}

gboolean
comptoir_claim_kind_from_string (const char        *text,
                                 ComptoirClaimKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (claim_kind_names); i++)
    if (g_strcmp0 (text, claim_kind_names[i]) == 0)
      {
        *out = (ComptoirClaimKind) i;
        return TRUE;
      }
  return FALSE;
}

char *
comptoir_shift_week_letter (guint week_index)
{
  if (week_index < 26)
    return g_strdup_printf ("%c", 'A' + week_index);
  return g_strdup_printf ("W%u", week_index + 1);
}

guint
comptoir_shift_week_index (const ComptoirStatusRules *rules,
                           ComptoirDay                day)
{
  gint64 cycle = MAX (rules->cycle_days, 1);
  gint64 offset = ((gint64) day - (gint64) rules->cycle_start) % cycle;

  /* Days before cycle_start belong to earlier cycles, not to none. */
  if (offset < 0)
    offset += cycle;
  return (guint) (offset / 7);
}

char *
comptoir_shift_format_minute (guint minute)
{
  return g_strdup_printf ("%02u:%02u", minute / 60, minute % 60);
}

static gboolean
parse_digits (const char *text,
              gsize       len,
              guint       max,
              guint      *out)
{
  guint value = 0;

  if (len == 0 || len > 2)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  if (value > max)
    return FALSE;
  *out = value;
  return TRUE;
}

gboolean
comptoir_shift_parse_minute (const char *text,
                             guint      *out)
{
  const char *sep;
  guint hours, minutes = 0;

  if (text == NULL)
    return FALSE;
  sep = strpbrk (text, ":hH");
  if (sep == NULL)
    {
      if (!parse_digits (text, strlen (text), 24, &hours))
        return FALSE;
    }
  else
    {
      /* "9h" as French planning sheets write it, "9:30", "9h30". */
      if (!parse_digits (text, sep - text, 24, &hours))
        return FALSE;
      if (sep[1] != '\0' && (strlen (sep + 1) != 2 || !parse_digits (sep + 1, 2, 59, &minutes)))
        return FALSE;
      if (sep[1] == '\0' && *sep == ':')
        return FALSE;
    }
  if (hours == 24 && minutes > 0)
    return FALSE;
  *out = hours * 60 + minutes;
  return TRUE;
}

/* Rules ------------------------------------------------------------------ */

void
comptoir_shift_rules_init_default (ComptoirShiftRules *rules)
{
  rules->cancel_notice_hours = 48;
  rules->checkin_early_minutes = 30;
  rules->absent_grace_minutes = 15;
}

static const struct {
  const char *name;
  gint64      max;
} rule_limits[] = {
  { "cancel_notice_hours", 720 },
  { "checkin_early_minutes", 240 },
  { "absent_grace_minutes", 1440 },
};

static guint *
rule_field (ComptoirShiftRules *rules,
            guint               index)
{
  switch (index)
    {
    case 0: return &rules->cancel_notice_hours;
    case 1: return &rules->checkin_early_minutes;
    case 2: return &rules->absent_grace_minutes;
    default: g_assert_not_reached ();
    }
}

gboolean
comptoir_shift_rules_from_json (const char          *json,
                                gboolean             strict,
                                ComptoirShiftRules  *out,
                                GError             **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GList) names = NULL;
  ComptoirShiftRules rules;
  JsonObject *object;

  comptoir_shift_rules_init_default (&rules);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, &local_error) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The shift rules cannot be read (%s): write them as an object such as "
                     "{\"cancel_notice_hours\": 48, \"absent_grace_minutes\": 15}."),
                   local_error != NULL ? local_error->message : _("not an object"));
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (rule_limits); i++)
        {
          if (!g_str_equal (l->data, rule_limits[i].name))
            continue;
          known = TRUE;
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
              json_node_get_int (node) < 0 || json_node_get_int (node) > rule_limits[i].max)
            {
              g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("In the shift rules, “%s” must be a whole number from 0 to %lld."),
                           (const char *) l->data, (long long) rule_limits[i].max);
              return FALSE;
            }
          *rule_field (&rules, i) = (guint) json_node_get_int (node);
        }
      /* A rule from a newer version on another machine is not an error. */
      if (!known && strict)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("“%s” is not a shift rule. The rules are cancel_notice_hours, "
                         "checkin_early_minutes and absent_grace_minutes."),
                       (const char *) l->data);
          return FALSE;
        }
    }
  *out = rules;
  return TRUE;
}

char *
comptoir_shift_rules_to_json (const ComptoirShiftRules *rules)
{
  return g_strdup_printf ("{\"cancel_notice_hours\": %u, \"checkin_early_minutes\": %u, "
                          "\"absent_grace_minutes\": %u}",
                          rules->cancel_notice_hours, rules->checkin_early_minutes,
                          rules->absent_grace_minutes);
}

gboolean
comptoir_shift_rules_load (ComptoirDb          *db,
                           ComptoirShiftRules  *out,
                           GError             **error)
{
  g_autofree char *json = comptoir_settings_dup (db, COMPTOIR_SETTING_SHIFT_RULES);

  if (json == NULL || *json == '\0')
    {
      comptoir_shift_rules_init_default (out);
      return TRUE;
    }
  return comptoir_shift_rules_from_json (json, FALSE, out, error);
}

/* Shared helpers ---------------------------------------------------------- */

char *
_comptoir_shift_uuid8 (const char *first,
                       ...)
{
  g_autoptr (GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 bytes[32];
  gsize len = sizeof bytes;
  va_list args;

  g_checksum_update (sha, (const guchar *) first, -1);
  va_start (args, first);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    {
      g_checksum_update (sha, (const guchar *) "\n", 1);
      g_checksum_update (sha, (const guchar *) part, -1);
    }
  va_end (args);
  g_checksum_get_digest (sha, bytes, &len);

  /* RFC 9562 version 8 (custom), variant 10. */
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                          bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
}

char *
_comptoir_shift_timestamp (GDateTime *now)
{
  g_autoptr (GDateTime) utc = NULL;

  if (now == NULL)
    return comptoir_timestamp_now ();
  utc = g_date_time_to_utc (now);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

void
_comptoir_shift_split_now (GDateTime   *now,
                           ComptoirDay *day,
                           guint       *minute)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  *day = g_date_get_julian (&date);
  *minute = (guint) (g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now));
}

static void
seat_clear (gpointer data)
{
  g_free (((ComptoirShiftSeat *) data)->name);
}

void
comptoir_shift_slot_clear (ComptoirShiftSlot *slot)
{
  g_clear_pointer (&slot->required_role, g_free);
  g_clear_pointer (&slot->seats, g_array_unref);
}

void
_comptoir_shift_slot_from_row (sqlite3_stmt              *stmt,
                               int                        first,
                               const ComptoirStatusRules *rules,
                               ComptoirShiftSlot         *out)
{
  const char *template_id = (const char *) sqlite3_column_text (stmt, first + 1);
  const char *role = (const char *) sqlite3_column_text (stmt, first + 7);

  memset (out, 0, sizeof *out);
  g_strlcpy (out->id, (const char *) sqlite3_column_text (stmt, first), sizeof out->id);
  g_strlcpy (out->template_id, template_id != NULL ? template_id : "", sizeof out->template_id);
  out->day = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, first + 2));
  out->week_index = comptoir_shift_week_index (rules, out->day);
  out->start_minute = (guint) sqlite3_column_int (stmt, first + 3);
  out->end_minute = (guint) sqlite3_column_int (stmt, first + 4);
  if (!comptoir_shift_job_from_string ((const char *) sqlite3_column_text (stmt, first + 5), &out->job))
    out->job = COMPTOIR_SHIFT_JOB_OTHER;
  out->capacity = (guint) sqlite3_column_int (stmt, first + 6);
  out->required_role = g_strdup (role);
  out->cancelled = sqlite3_column_int (stmt, first + 8) != 0;
  out->seats = g_array_new (FALSE, TRUE, sizeof (ComptoirShiftSeat));
  g_array_set_clear_func (out->seats, seat_clear);
}

gboolean
_comptoir_shift_load_slot (ComptoirDb         *db,
                           const char         *slot_id,
                           ComptoirShiftSlot  *out,
                           GError            **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  ComptoirStatusRules rules;
  int rc;

  if (!comptoir_settings_load_status_rules (db, &rules, error))
    return FALSE;
  stmt = comptoir_db_prepare (db, "SELECT " COMPTOIR_SHIFT_SLOT_COLUMNS " FROM shift_slot s WHERE s.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("No shift has this identifier: open the planning again."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  _comptoir_shift_slot_from_row (stmt, 0, &rules, out);
  return TRUE;
}

gboolean
_comptoir_shift_load_member (ComptoirDb           *db,
                             const char           *member_id,
                             ComptoirShiftMember  *out,
                             GError              **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT id, number, participation, left_on FROM member WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  if (!_comptoir_member_step_one (db, stmt, error))
    return FALSE;
  g_strlcpy (out->id, (const char *) sqlite3_column_text (stmt, 0), sizeof out->id);
  out->number = sqlite3_column_int64 (stmt, 1);
  if (!comptoir_participation_from_string ((const char *) sqlite3_column_text (stmt, 2), &out->participation))
    out->participation = COMPTOIR_PARTICIPATION_STANDARD;
  out->left_on = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 3));
  return TRUE;
}

gboolean
_comptoir_shift_member_gone (const ComptoirShiftMember *member,
                             ComptoirDay                day)
{
  return member->left_on != COMPTOIR_DAY_NONE && member->left_on <= day;
}

gboolean
_comptoir_shift_check_staff (ComptoirDb  *db,
                             const char  *staff_id,
                             GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;

  if (staff_id == NULL)
    return TRUE;
  if (!(stmt = comptoir_db_prepare (db, "SELECT 1 FROM staff WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                       _("No member of staff has this identifier: log in again."));
  return FALSE;
}

gboolean
_comptoir_shift_on_leave (ComptoirDb   *db,
                          const char   *member_id,
                          ComptoirDay   day,
                          gboolean     *out,
                          GError      **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  char iso[11];

  stmt = comptoir_db_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM member_leave WHERE member_id = ?1 AND from_on <= ?2 "
                              "AND (to_on IS NULL OR to_on >= ?2))",
                              error);
  if (stmt == NULL)
    return FALSE;
  comptoir_day_to_iso (day, iso);
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  *out = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

static gboolean
insert_all (ComptoirDb  *db,
            gpointer     user_data,
            GError     **error)
{
  GPtrArray *changes = user_data;

  return comptoir_db_insert_facts (db, (ComptoirChange **) changes->pdata, changes->len, error);
}

/* As one change-log entry: the hub gets a claim with its decision, or
 * an attendance with its ledger entry, together or not at all. */
gboolean
_comptoir_shift_insert_facts (ComptoirDb  *db,
                              GPtrArray   *changes,
                              GError     **error)
{
  if (changes->len == 0)
    return TRUE;
  return comptoir_db_insert_fact_group (db, insert_all, changes, error);
}

/* Templates ---------------------------------------------------------------- */

void
comptoir_shift_template_clear (ComptoirShiftTemplate *template)
{
  g_clear_pointer (&template->required_role, g_free);
}

static char *
normalise_role (const char *role)
{
  char *text = g_strstrip (g_strdup (role != NULL ? role : ""));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
_comptoir_shift_check_times (guint    start_minute,
                             guint    end_minute,
                             guint    capacity,
                             GError **error)
{
  if (start_minute >= 1440 || end_minute > 1440 || end_minute <= start_minute)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A shift ends after it starts, on the same day: such as 09:00 to 12:00."));
      return FALSE;
    }
  if (capacity < 1 || capacity > 99)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A shift has room for 1 to 99 people."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
squad_size (ComptoirDb  *db,
            const char  *template_id,
            ComptoirDay  on,
            guint       *out,
            GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  char iso[11];

  stmt = comptoir_db_prepare (db,
                              "SELECT count (DISTINCT member_id) FROM shift_squad WHERE template_id = ?1 "
                              "AND from_on <= ?2 AND (to_on IS NULL OR to_on >= ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;
  comptoir_day_to_iso (on, iso);
  sqlite3_bind_text (stmt, 1, template_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  *out = (guint) sqlite3_column_int (stmt, 0);
  return TRUE;
}

typedef struct {
  const ComptoirShiftTemplate *template;
  char                        *id;
} SaveTemplate;

static gboolean
save_template (ComptoirDb  *db,
               gpointer     user_data,
               GError     **error)
{
  SaveTemplate *op = user_data;
  const ComptoirShiftTemplate *t = op->template;
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *role = normalise_role (t->required_role);
  ComptoirStatusRules rules;
  guint n_weeks, n_squad;

  if (!comptoir_settings_load_status_rules (db, &rules, error))
    return FALSE;
  n_weeks = (rules.cycle_days + 6) / 7;
  if (t->week_index >= n_weeks)
    {
      g_autofree char *last = comptoir_shift_week_letter (n_weeks - 1);

      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The shop’s cycle has weeks A to %s: choose one of them."), last);
      return FALSE;
    }
  if (t->weekday < 1 || t->weekday > 7)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the day of the week from 1 (Monday) to 7 (Sunday)."));
      return FALSE;
    }
  if (t->job >= COMPTOIR_SHIFT_N_JOBS)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID, _("Choose the job of the shift."));
      return FALSE;
    }
  if (!_comptoir_shift_check_times (t->start_minute, t->end_minute, t->capacity, error))
    return FALSE;

  if (t->id[0] != '\0')
    {
      g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT 1 FROM shift_template WHERE id = ?1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, t->id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                               _("This shift template is not recorded: open the templates again."));
          return FALSE;
        }
      if (!squad_size (db, t->id, comptoir_day_today (), &n_squad, error))
        return FALSE;
      if (t->capacity < n_squad)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u member is in this squad: make room for them, or move them to another "
                                    "squad first.",
                                    "%u members are in this squad: make room for them, or move some to another "
                                    "squad first.",
                                    n_squad),
                       n_squad);
          return FALSE;
        }
    }

  change = comptoir_change_new ("shift_template", t->id[0] != '\0' ? t->id : NULL);
  comptoir_change_set_int (change, "week_index", t->week_index);
  comptoir_change_set_int (change, "weekday", t->weekday);
  comptoir_change_set_int (change, "start_minute", t->start_minute);
  comptoir_change_set_int (change, "end_minute", t->end_minute);
  comptoir_change_set_text (change, "job", comptoir_shift_job_to_string (t->job));
  comptoir_change_set_int (change, "capacity", t->capacity);
  comptoir_change_set_text (change, "required_role", role);
  comptoir_change_set_bool (change, "active", t->active);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return FALSE;
  op->id = g_strdup (comptoir_change_get_row_id (change));
  return TRUE;
}

char *
comptoir_shift_template_save (ComptoirDb                   *db,
                              const ComptoirShiftTemplate  *template,
                              GError                      **error)
{
  SaveTemplate op = { template, NULL };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (template != NULL, NULL);

  if (!comptoir_db_transaction (db, save_template, &op, error))
    {
      g_free (op.id);
      return NULL;
    }
  return op.id;
}

static void
template_clear_func (gpointer data)
{
  comptoir_shift_template_clear (data);
}

gboolean
comptoir_shift_list_templates (ComptoirDb  *db,
                               ComptoirDay  on,
                               GArray     **out,
                               GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GArray) templates = g_array_new (FALSE, TRUE, sizeof (ComptoirShiftTemplate));
  char iso[11];
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_array_set_clear_func (templates, template_clear_func);
  stmt = comptoir_db_prepare (db,
                              "SELECT t.id, t.week_index, t.weekday, t.start_minute, t.end_minute, t.job, "
                              "t.capacity, t.required_role, t.active, "
                              "(SELECT count (DISTINCT q.member_id) FROM shift_squad q WHERE q.template_id = t.id "
                              "AND q.from_on <= ?1 AND (q.to_on IS NULL OR q.to_on >= ?1)) "
                              "FROM shift_template t ORDER BY t.week_index, t.weekday, t.start_minute, t.job, t.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  comptoir_day_to_iso (on, iso);
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirShiftTemplate t = { 0 };

      g_strlcpy (t.id, (const char *) sqlite3_column_text (stmt, 0), sizeof t.id);
      t.week_index = (guint) sqlite3_column_int (stmt, 1);
      t.weekday = (guint) sqlite3_column_int (stmt, 2);
      t.start_minute = (guint) sqlite3_column_int (stmt, 3);
      t.end_minute = (guint) sqlite3_column_int (stmt, 4);
      if (!comptoir_shift_job_from_string ((const char *) sqlite3_column_text (stmt, 5), &t.job))
        t.job = COMPTOIR_SHIFT_JOB_OTHER;
      t.capacity = (guint) sqlite3_column_int (stmt, 6);
      t.required_role = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      t.active = sqlite3_column_int (stmt, 8) != 0;
      t.n_squad = (guint) sqlite3_column_int (stmt, 9);
      g_array_append_val (templates, t);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  *out = g_steal_pointer (&templates);
  return TRUE;
}
