/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "comptoir-cli-private.h"
#include "comptoir-cli-shifts.h"

/* comptoir-cli shifts: the work-shift services for set-up, scripts and
 * support. Output is tab-separated for scripts. Every option takes a
 * value, so that what is not an option (or its value) is an argument. */

/* The n-th argument that is not an option nor an option's value. */
static const char *
argument (int          argc,
          char       **argv,
          int          n)
{
  return comptoir_cli_argument (argc, argv, NULL, n);
}

static int
count_arguments (int     argc,
                 char  **argv)
{
  return comptoir_cli_count_arguments (argc, argv, NULL);
}

/* --now "YYYY-MM-DD HH:MM", the clock without it. */
static GDateTime *
parse_now (int     argc,
           char  **argv)
{
  const char *text = comptoir_cli_option_value (argc, argv, "--now");
  int y, mo, d, h, mi;
  char end;

  if (text == NULL)
    return g_date_time_new_now_local ();
  if (sscanf (text, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &end) != 5)
    return NULL;
  return g_date_time_new_local (y, mo, d, h, mi, 0);
}

/* A day option, the day of now without it; COMPTOIR_DAY_NONE when it is
 * not a date. */
static ComptoirDay
parse_day_option (int          argc,
                  char       **argv,
                  const char  *name,
                  GDateTime   *now)
{
  const char *text = comptoir_cli_option_value (argc, argv, name);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return comptoir_day_from_iso (text != NULL ? text : today);
}

static gboolean
parse_uint (const char *text,
            guint       min,
            guint       max,
            guint      *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* "A"…"Z", or "W27" as comptoir_shift_week_letter writes it. */
static gboolean
parse_week (const char *text,
            guint      *out)
{
  if (text == NULL)
    return FALSE;
  if (text[0] >= 'A' && text[0] <= 'Z' && text[1] == '\0')
    {
      *out = (guint) (text[0] - 'A');
      return TRUE;
    }
  if (text[0] == 'W' && parse_uint (text + 1, 27, 52, out))
    {
      (*out)--;
      return TRUE;
    }
  return FALSE;
}

static gboolean
member_id_of (ComptoirDb  *db,
              const char  *number_text,
              char       **out,
              GError     **error)
{
  g_auto (ComptoirMemberAtTill) member = { 0 };
  gint64 number;

  if (number_text == NULL || !g_ascii_string_to_signed (number_text, 10, 1, G_MAXINT64, &number, NULL))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not a member number."), number_text != NULL ? number_text : "");
      return FALSE;
    }
  if (!comptoir_member_lookup_number (db, number, &member, error))
    return FALSE;
  *out = g_strdup (member.id);
  return TRUE;
}

static const char *
outcome_word (ComptoirClaimOutcome outcome)
{
  /* Translators: a claim on a seat, decided or waiting for the hub */
  return outcome == COMPTOIR_CLAIM_ACCEPTED ? _("accepted") : _("pending");
}

static void
print_slot (const ComptoirShiftSlot *slot)
{
  g_autofree char *start = comptoir_shift_format_minute (slot->start_minute);
  g_autofree char *end = comptoir_shift_format_minute (slot->end_minute);
  g_autofree char *week = comptoir_shift_week_letter (slot->week_index);
  g_autoptr (GString) who = g_string_new (NULL);
  g_autofree char *pending = slot->n_pending > 0 ? g_strdup_printf (" (+%u)", slot->n_pending) : g_strdup ("");
  char day[11];

  comptoir_day_to_iso (slot->day, day);
  for (guint i = 0; i < slot->seats->len; i++)
    {
      const ComptoirShiftSeat *seat = &g_array_index (slot->seats, ComptoirShiftSeat, i);

      if (i > 0)
        g_string_append (who, ", ");
      g_string_append_printf (who, "%lld %s", (long long) seat->number, seat->name);
      /* Marks: ? pending, ~ offered on the board, + came, - absent. */
      if (seat->state == COMPTOIR_SEAT_PENDING)
        g_string_append (who, " ?");
      else if (seat->state == COMPTOIR_SEAT_OFFERED)
        g_string_append (who, " ~");
      if (seat->attendance == COMPTOIR_ATTENDANCE_PRESENT)
        g_string_append (who, " +");
      else if (seat->attendance == COMPTOIR_ATTENDANCE_ABSENT)
        g_string_append (who, " -");
    }
  /* id, day, week, start-end, job, filled/capacity (+pending), who */
  g_print ("%s\t%s\t%s\t%s-%s\t%s\t%u/%u%s\t%s%s\n", slot->id, day, week, start, end,
           comptoir_shift_job_to_string (slot->job), slot->n_held, slot->capacity,
           pending,
           who->str, slot->cancelled ? _(" [cancelled]") : "");
}

static int
print_slots (GArray *slots)
{
  for (guint i = 0; i < slots->len; i++)
    print_slot (&g_array_index (slots, ComptoirShiftSlot, i));
  return 0;
}

static int
template_add (ComptoirDb  *db,
              int          argc,
              char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  ComptoirShiftTemplate t = { 0 };

  if (!parse_week (comptoir_cli_option_value (argc, argv, "--week"), &t.week_index) ||
      !parse_uint (comptoir_cli_option_value (argc, argv, "--weekday"), 1, 7, &t.weekday) ||
      !comptoir_shift_parse_minute (comptoir_cli_option_value (argc, argv, "--start"), &t.start_minute) ||
      !comptoir_shift_parse_minute (comptoir_cli_option_value (argc, argv, "--end"), &t.end_minute) ||
      !comptoir_shift_job_from_string (comptoir_cli_option_value (argc, argv, "--job"), &t.job) ||
      !parse_uint (comptoir_cli_option_value (argc, argv, "--capacity"), 1, 99, &t.capacity))
    return comptoir_cli_usage_error (_("shifts template add --week A --weekday 1-7 --start 9:00 --end 12:00 "
                                       "--job cashier|receiving|shelving|cleaning|office|other --capacity N "
                                       "[--role ROLE]"));
  t.required_role = (char *) comptoir_cli_option_value (argc, argv, "--role");
  t.active = TRUE;
  if (!(id = comptoir_shift_template_save (db, &t, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", id);
  return 0;
}

static int
templates_list (ComptoirDb *db,
                ComptoirDay on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) templates = NULL;

  if (!comptoir_shift_list_templates (db, on, &templates, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < templates->len; i++)
    {
      const ComptoirShiftTemplate *t = &g_array_index (templates, ComptoirShiftTemplate, i);
      g_autofree char *week = comptoir_shift_week_letter (t->week_index);
      g_autofree char *start = comptoir_shift_format_minute (t->start_minute);
      g_autofree char *end = comptoir_shift_format_minute (t->end_minute);

      /* id, week, weekday, start-end, job, squad/capacity, role, active */
      g_print ("%s\t%s\t%u\t%s-%s\t%s\t%u/%u\t%s\t%s\n", t->id, week, t->weekday, start, end,
               comptoir_shift_job_to_string (t->job), t->n_squad, t->capacity,
               t->required_role != NULL ? t->required_role : "-", t->active ? _("active") : _("inactive"));
    }
  return 0;
}

/* slot add DAY START END JOB CAPACITY [--role ROLE]: a one-off slot (an
 * inventory, a delivery) that no template makes; prints its id. */
static int
slot_add (ComptoirDb  *db,
          int          argc,
          char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  ComptoirDay day = comptoir_day_from_iso (argument (argc, argv, 2));
  guint start, end, capacity;
  ComptoirShiftJob job;

  if (count_arguments (argc, argv) != 7 || day == COMPTOIR_DAY_NONE ||
      !comptoir_shift_parse_minute (argument (argc, argv, 3), &start) ||
      !comptoir_shift_parse_minute (argument (argc, argv, 4), &end) ||
      !comptoir_shift_job_from_string (argument (argc, argv, 5), &job) ||
      !parse_uint (argument (argc, argv, 6), 1, 99, &capacity))
    return comptoir_cli_usage_error (_("shifts slot add YYYY-MM-DD 9:00 12:00 "
                                       "cashier|receiving|shelving|cleaning|office|other CAPACITY [--role ROLE]"));
  id = comptoir_shift_add_slot (db, day, start, end, job, capacity,
                                comptoir_cli_option_value (argc, argv, "--role"), &error);
  if (id == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", id);
  return 0;
}

/* closing add|remove|list: the days the shop is closed, when no shift is
 * made. */
static int
closing (ComptoirDb  *db,
         int          argc,
         char       **argv,
         GDateTime   *now)
{
  g_autoptr (GError) error = NULL;
  const char *verb = argument (argc, argv, 1);
  ComptoirDay day = comptoir_day_from_iso (argument (argc, argv, 2));
  int n_args = count_arguments (argc, argv);

  if (g_strcmp0 (verb, "add") == 0 && n_args == 4)
    {
      guint n_cancelled;

      if (day == COMPTOIR_DAY_NONE)
        return comptoir_cli_usage_error (_("shifts closing add YYYY-MM-DD LABEL"));
      if (!comptoir_shift_add_closing_day (db, day, argument (argc, argv, 3), &n_cancelled, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u shift cancelled\n", "%u shifts cancelled\n", n_cancelled),
               n_cancelled);
      return 0;
    }
  if (g_strcmp0 (verb, "remove") == 0 && n_args == 3)
    {
      if (day == COMPTOIR_DAY_NONE)
        return comptoir_cli_usage_error (_("shifts closing remove YYYY-MM-DD"));
      if (!comptoir_shift_remove_closing_day (db, day, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      return 0;
    }
  if (g_strcmp0 (verb, "list") == 0 && n_args == 2)
    {
      g_autoptr (GArray) days = NULL;
      ComptoirDay from = parse_day_option (argc, argv, "--from", now);
      /* A year ahead: the holidays a shop plans its closures for. */
      guint n_days = 366;

      if (from == COMPTOIR_DAY_NONE ||
          (comptoir_cli_option_value (argc, argv, "--days") != NULL &&
           !parse_uint (comptoir_cli_option_value (argc, argv, "--days"), 1, 3660, &n_days)))
        return comptoir_cli_usage_error (_("shifts closing list [--from YYYY-MM-DD] [--days N]"));
      if (!comptoir_shift_list_closing_days (db, from, from + n_days - 1, &days, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      for (guint i = 0; i < days->len; i++)
        {
          const ComptoirClosingDay *closed = &g_array_index (days, ComptoirClosingDay, i);
          char iso[11];

          comptoir_day_to_iso (closed->day, iso);
          /* day, label */
          g_print ("%s\t%s\n", iso, closed->label != NULL ? closed->label : "");
        }
      return 0;
    }
  return 2;
}

static int
run (ComptoirDb  *db,
     int          argc,
     char       **argv,
     GDateTime   *now)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *member = NULL;
  g_autofree char *result = NULL;
  const char *what = argv[0];
  const char *arg1 = argument (argc, argv, 1);
  const char *arg2 = argument (argc, argv, 2);
  ComptoirClaimOutcome outcome = COMPTOIR_CLAIM_ACCEPTED;
  /* Without --on: the day of now. */
  ComptoirDay today = parse_day_option (argc, argv, "--on", now);
  int n_args = count_arguments (argc, argv);

  if (g_str_equal (what, "generate"))
    {
      ComptoirDay from = parse_day_option (argc, argv, "--from", now);
      guint weeks, n_slots, n_seats;

      if (!parse_uint (comptoir_cli_option_value (argc, argv, "--weeks"), 1, 53, &weeks) || from == COMPTOIR_DAY_NONE)
        return comptoir_cli_usage_error (_("shifts generate --weeks N [--from YYYY-MM-DD]"));
      if (!comptoir_shift_generate (db, from, weeks, &n_slots, &n_seats, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      g_print (_("%u shifts made, %u squad seats given\n"), n_slots, n_seats);
      return 0;
    }
  if (g_str_equal (what, "template") && g_strcmp0 (arg1, "add") == 0)
    return template_add (db, argc, argv);
  if (g_str_equal (what, "templates"))
    return templates_list (db, today);
  if (g_str_equal (what, "squad") && g_strcmp0 (arg1, "join") == 0 && n_args == 4)
    {
      ComptoirDay from = parse_day_option (argc, argv, "--from", now);

      if (from == COMPTOIR_DAY_NONE)
        return comptoir_cli_usage_error (_("give the day as --from YYYY-MM-DD."));
      if (!member_id_of (db, argument (argc, argv, 3), &member, &error) ||
          !comptoir_shift_squad_join (db, arg2, member, from, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      return 0;
    }
  if (g_str_equal (what, "squad") && g_strcmp0 (arg1, "leave") == 0 && n_args == 3)
    {
      /* --on is the first day out of the squad, today without it. */
      if (today == COMPTOIR_DAY_NONE)
        return comptoir_cli_usage_error (_("give the day as --on YYYY-MM-DD."));
      if (!member_id_of (db, arg2, &member, &error) ||
          !comptoir_shift_squad_leave (db, member, today, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      return 0;
    }
  if (g_str_equal (what, "slot") && g_strcmp0 (arg1, "add") == 0)
    return slot_add (db, argc, argv);
  if (g_str_equal (what, "slot") && g_strcmp0 (arg1, "cancel") == 0 && n_args == 3)
    {
      if (!comptoir_shift_cancel_slot (db, arg2, NULL, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      return 0;
    }
  if (g_str_equal (what, "list"))
    {
      g_autoptr (GArray) slots = NULL;
      ComptoirDay from = parse_day_option (argc, argv, "--from", now);
      guint days = 7;

      if (from == COMPTOIR_DAY_NONE ||
          (comptoir_cli_option_value (argc, argv, "--days") != NULL &&
           !parse_uint (comptoir_cli_option_value (argc, argv, "--days"), 1, 366, &days)))
        return comptoir_cli_usage_error (_("shifts list [--from YYYY-MM-DD] [--days N]"));
      if (!comptoir_shift_list_slots (db, from, from + days - 1, &slots, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      return print_slots (slots);
    }
  if (g_str_equal (what, "offers"))
    {
      g_autoptr (GArray) slots = NULL;

      if (!comptoir_shift_list_offers (db, today, &slots, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      for (guint i = 0; i < slots->len; i++)
        {
          const ComptoirShiftSlot *slot = &g_array_index (slots, ComptoirShiftSlot, i);

          for (guint j = 0; j < slot->seats->len; j++)
            {
              const ComptoirShiftSeat *seat = &g_array_index (slot->seats, ComptoirShiftSeat, j);
              g_autofree char *start = comptoir_shift_format_minute (slot->start_minute);
              char day[11];

              if (seat->state != COMPTOIR_SEAT_OFFERED)
                continue;
              comptoir_day_to_iso (slot->day, day);
              /* offer id, slot id, day, start, job, offered by */
              g_print ("%s\t%s\t%s\t%s\t%s\t%lld %s\n", seat->offer_id, slot->id, day, start,
                       comptoir_shift_job_to_string (slot->job), (long long) seat->number, seat->name);
            }
        }
      return 0;
    }
  if ((g_str_equal (what, "book") || g_str_equal (what, "cancel") || g_str_equal (what, "offer") ||
       g_str_equal (what, "take")) && n_args == 3)
    {
      gboolean late = FALSE;

      if (!member_id_of (db, arg2, &member, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      if (g_str_equal (what, "book"))
        result = comptoir_shift_book (db, arg1, member, NULL, now, &outcome, &error);
      else if (g_str_equal (what, "take"))
        result = comptoir_shift_take (db, arg1, member, NULL, now, &outcome, &error);
      else if (g_str_equal (what, "offer"))
        result = comptoir_shift_offer (db, arg1, member, now, &error);
      else if (comptoir_shift_cancel (db, arg1, member, NULL, now, &late, &error))
        result = g_strdup (late ? _("cancelled late") : _("cancelled"));
      if (result == NULL)
        return comptoir_cli_fail (g_steal_pointer (&error));
      if (g_str_equal (what, "book") || g_str_equal (what, "take"))
        g_print ("%s\t%s\n", result, outcome_word (outcome));
      else
        g_print ("%s\n", result);
      return 0;
    }
  if (g_str_equal (what, "checkin") && n_args == 2)
    {
      if (!member_id_of (db, arg1, &member, &error) ||
          !(result = comptoir_shift_check_in (db, member, comptoir_cli_option_value (argc, argv, "--slot"), NULL, now,
                                              &error)))
        return comptoir_cli_fail (g_steal_pointer (&error));
      g_print ("%s\n", result);
      return 0;
    }
  if (g_str_equal (what, "absent") && n_args == 1)
    {
      guint n_marked;

      if (!comptoir_shift_mark_absent (db, now, &n_marked, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u member marked absent\n", "%u members marked absent\n", n_marked),
               n_marked);
      return 0;
    }
  if (g_str_equal (what, "correct") && n_args == 4)
    {
      const char *word = argument (argc, argv, 3);
      ComptoirAttendance attendance = g_strcmp0 (word, "present") == 0  ? COMPTOIR_ATTENDANCE_PRESENT
                                      : g_strcmp0 (word, "absent") == 0 ? COMPTOIR_ATTENDANCE_ABSENT
                                                                        : COMPTOIR_ATTENDANCE_NONE;
      const char *reason = comptoir_cli_option_value (argc, argv, "--reason");

      if (attendance == COMPTOIR_ATTENDANCE_NONE || reason == NULL)
        return comptoir_cli_usage_error (_("shifts correct SLOT_ID MEMBER_NUMBER present|absent --reason TEXT"));
      if (!member_id_of (db, arg2, &member, &error) ||
          !comptoir_shift_correct_attendance (db, arg1, member, attendance, reason, NULL, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      return 0;
    }
  if (g_str_equal (what, "closing"))
    return closing (db, argc, argv, now);
  if (g_str_equal (what, "decide") && n_args == 1)
    {
      guint n_accepted, n_refused;

      /* The core refuses, saying which machine decides, off the arbiter. */
      if (!comptoir_shift_decide_pending (db, &n_accepted, &n_refused, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      /* Translators: claims on seats decided by the arbiter, "3 accepted, 1 refused" */
      g_print (_("%u accepted, %u refused\n"), n_accepted, n_refused);
      return 0;
    }
  if (g_str_equal (what, "role") && g_strcmp0 (arg1, "grant") == 0 && n_args == 4)
    {
      if (!member_id_of (db, arg2, &member, &error) ||
          !comptoir_member_role_grant (db, member, argument (argc, argv, 3), &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      return 0;
    }
  return 2;
}

int
comptoir_cli_shifts (ComptoirDb  *db,
                     int          argc,
                     char       **argv)
{
  g_autoptr (GDateTime) now = NULL;

  if (argc < 1)
    return 2;
  if (!(now = parse_now (argc, argv)))
    return comptoir_cli_usage_error (_("give the time as --now \"YYYY-MM-DD HH:MM\", such as --now \"2026-03-14 09:30\"."));
  return run (db, argc, argv, now);
}
