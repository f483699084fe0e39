/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-cli-member.h"
#include "comptoir-cli-member-record.h"
#include "comptoir-cli-private.h"

/* comptoir-cli member: a member's status and the ledger lines that
 * explain it, and the ledger operations, for scripts and support. */

static gboolean
parse_number (const char *text,
              gint64     *out)
{
  return text != NULL && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, out, NULL);
}

/* --on YYYY-MM-DD, today without it. */
static gboolean
parse_on (int          argc,
          char       **argv,
          ComptoirDay *out)
{
  const char *on = comptoir_cli_option_value (argc, argv, "--on");

  *out = on != NULL ? comptoir_day_from_iso (on) : comptoir_day_today ();
  return *out != COMPTOIR_DAY_NONE;
}

static void
print_line (const ComptoirStatusLine *line)
{
  g_autofree char *what = NULL;
  const char *note = NULL;
  char day[11];

  comptoir_day_to_iso (line->day, day);
  switch (line->kind)
    {
    case COMPTOIR_STATUS_LINE_ENTRY:
      what = g_strdup (comptoir_ledger_kind_get_label (line->entry.kind));
      note = line->entry.reason;
      break;
    case COMPTOIR_STATUS_LINE_CYCLE_DUE:
      what = g_strdup (_("Shift owed for the cycle"));
      break;
    case COMPTOIR_STATUS_LINE_LEAVE:
    default:
      {
        char to[11];

        comptoir_day_to_iso (line->leave.to_on, to);
        /* Translators: a leave period starts; "Holiday until 2026-08-15" */
        what = line->leave.to_on != COMPTOIR_DAY_NONE
                 ? g_strdup_printf (_("%s until %s"), comptoir_leave_kind_get_label (line->leave.kind), to)
                 : g_strdup_printf (_("%s, end not set"), comptoir_leave_kind_get_label (line->leave.kind));
      }
      break;
    }
  if (line->waived)
    note = _("waived: on leave or exempt");
  /* day, what, points counted, counter after, note */
  g_print ("%s\t%s\t%+lld\t%lld\t%s\n", day, what, (long long) line->counted, (long long) line->counter,
           note != NULL ? note : "");
}

static int
member_show (ComptoirDb *db,
             gint64      number)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberAtTill) member = { 0 };
  g_auto (ComptoirMemberStatus) status = { 0 };
  g_autofree char *note = NULL;
  char deadline[11];

  if (!comptoir_member_lookup_number (db, number, &member, &error) ||
      !comptoir_member_status_compute (db, member.id, comptoir_day_today (), &status, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  note = comptoir_member_status_describe (&status);
  g_print (_("Member %lld: %s\n"), (long long) member.number, member.name);
  if (!comptoir_cli_member_print_record (db, member.id, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print (_("Participation: %s\n"), comptoir_participation_get_label (status.facts.participation));
  g_print (_("Status: %s\n"), note != NULL ? note : comptoir_member_status_kind_get_label (status.kind));
  g_print (_("Counter: %lld\n"), (long long) status.counter);
  if (status.deadline != COMPTOIR_DAY_NONE)
    {
      comptoir_day_to_iso (status.deadline, deadline);
      g_print (_("Deadline: %s\n"), deadline);
    }
  g_print (_("Ledger (day, what, points, counter, note):\n"));
  for (guint i = 0; i < status.lines->len; i++)
    print_line (&g_array_index (status.lines, ComptoirStatusLine, i));
  return 0;
}

static gboolean
record_kind_from_string (const char         *text,
                         ComptoirLedgerKind *out)
{
  static const struct { const char *name; ComptoirLedgerKind kind; } kinds[] = {
    { "done", COMPTOIR_LEDGER_SHIFT_DONE },
    { "missed", COMPTOIR_LEDGER_SHIFT_MISSED },
    { "makeup", COMPTOIR_LEDGER_MAKEUP_DONE },
    { "late-cancel", COMPTOIR_LEDGER_LATE_CANCEL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i].name) == 0)
      {
        *out = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

int
comptoir_cli_member (ComptoirDb  *db,
                     int          argc,
                     char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberAtTill) member = { 0 };
  ComptoirLedgerKind kind;
  ComptoirDay on;
  gint64 number, points;
  gboolean ok;
  int status;

  /* add, import, search…: the record and life events. */
  if (comptoir_cli_member_record (db, argc, argv, &status))
    return status;
  if (argc < 2 || !parse_number (argv[1], &number))
    return 2;
  if (argc == 2 && g_str_equal (argv[0], "show"))
    return member_show (db, number);

  if (g_str_equal (argv[0], "record"))
    {
      if (argc < 3 || !record_kind_from_string (argv[2], &kind))
        return comptoir_cli_usage_error (_("member record NUMBER done|missed|makeup|late-cancel [--on YYYY-MM-DD]"));
      if (!parse_on (argc, argv, &on))
        return comptoir_cli_usage_error (_("give the day as --on YYYY-MM-DD, such as --on 2026-03-14."));
      ok = comptoir_member_lookup_number (db, number, &member, &error) &&
           comptoir_member_record_shift (db, member.id, kind, on, NULL, NULL, &error);
    }
  else if (g_str_equal (argv[0], "correct"))
    {
      const char *reason = comptoir_cli_option_value (argc, argv, "--reason");

      if (argc < 3 || !parse_number (argv[2], &points) || reason == NULL)
        return comptoir_cli_usage_error (_("member correct NUMBER POINTS --reason TEXT [--on YYYY-MM-DD]"));
      if (!parse_on (argc, argv, &on))
        return comptoir_cli_usage_error (_("give the day as --on YYYY-MM-DD, such as --on 2026-03-14."));
      ok = comptoir_member_lookup_number (db, number, &member, &error) &&
           comptoir_member_correct (db, member.id, on, points, reason, NULL, &error);
    }
  else
    return 2;

  if (!ok)
    return comptoir_cli_fail (g_steal_pointer (&error));
  return member_show (db, number);
}
