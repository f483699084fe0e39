/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

/* What the member status tests share. */

/* A member numbered number, through the write API; returns their id. */
static inline char *
test_add_member (ComptoirDb *db,
                 gint64      number)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirChange) change = comptoir_change_new ("member", NULL);

  comptoir_change_set_int (change, "number", number);
  comptoir_change_set_text (change, "first_name", "Marie");
  comptoir_change_set_text (change, "last_name", "Dupont");
  g_assert_true (comptoir_db_apply_change (db, change, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (comptoir_change_get_row_id (change));
}

/* The explanation, one "DAY WHAT POINTS [waived] =COUNTER" per line,
 * joined by "; ". */
static inline char *
test_explain (const ComptoirMemberStatus *status)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < status->lines->len; i++)
    {
      const ComptoirStatusLine *line = &g_array_index (status->lines, ComptoirStatusLine, i);
      char day[11];

      comptoir_day_to_iso (line->day, day);
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s ", day);
      switch (line->kind)
        {
        case COMPTOIR_STATUS_LINE_ENTRY:
          g_string_append_printf (out, "%s %+lld", comptoir_ledger_kind_to_string (line->entry.kind),
                                  (long long) line->entry.points);
          break;
        case COMPTOIR_STATUS_LINE_CYCLE_DUE:
          g_string_append (out, "cycle_due -1");
          break;
        case COMPTOIR_STATUS_LINE_LEAVE:
        default:
          g_string_append_printf (out, "leave:%s", comptoir_leave_kind_to_string (line->leave.kind));
          break;
        }
      if (line->waived)
        g_string_append (out, " waived");
      g_string_append_printf (out, " =%lld", (long long) line->counter);
    }
  return g_string_free (out, FALSE);
}
