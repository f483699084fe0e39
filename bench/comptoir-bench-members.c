/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "comptoir-bench.h"
#include "comptoir-core.h"

/* Member statuses: every member's from scratch (the bar: 200 ms for
 * 10,000 members with two years of shifts) next to a single SQL
 * aggregate over the same ledger, which only sums the counters; and one
 * member's, as the till asks it per card scanned (the bar: 1 ms). */

#define HISTORY_DAYS 730
#define BATCH        500

/* A shop's two years: most members standard (one shift per 4-week
 * cycle, now and then missed and made up, the last ones not always yet),
 * a fifth flying (a shift most cycles, the cycles owed computed), a few
 * leaves. */
static void
write_history (ComptoirDb *db,
               int         n_members,
               GPtrArray  *ids)
{
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GError) error = NULL;
  ComptoirDay today = comptoir_day_today (), start = today - HISTORY_DAYS;
  char day[11], since[11];

  comptoir_day_to_iso (start, since);
  for (int from = 0; from < n_members; from += BATCH)
    {
      if (!comptoir_db_begin (db, &error))
        die (g_steal_pointer (&error));
      for (int i = from; i < MIN (from + BATCH, n_members); i++)
        {
          g_autoptr (ComptoirChange) member = comptoir_change_new ("member", NULL);
          gboolean flying = g_rand_int_range (rand, 0, 5) == 0;
          char *id = g_strdup (comptoir_change_get_row_id (member));

          g_ptr_array_add (ids, id);
          comptoir_change_set_int (member, "number", i + 1);
          comptoir_change_set_text (member, "first_name", "Membre");
          comptoir_change_set_text (member, "last_name", "Banc d'essai");
          comptoir_change_set_text (member, "participation", flying ? "flying" : "standard");
          comptoir_change_set_text (member, "participation_since", since);
          if (!comptoir_db_apply_change (db, member, NULL, &error))
            die (g_steal_pointer (&error));

          for (ComptoirDay d = start + g_rand_int_range (rand, 0, 28); d <= today; d += 28)
            {
              guint roll = g_rand_int_range (rand, 0, 100);
              const char *kind = roll < 8 ? "shift_missed" : "shift_done";
              gint64 points = roll < 8 ? -1 : flying ? 1 : 0;
              ComptoirChange *entry;

              /* Flying members skip a cycle now and then, and work an
               * extra shift as often. */
              if (flying && roll >= 95)
                continue;
              if (flying && roll >= 85)
                kind = "makeup_done";
              for (guint e = 0; e < 2; e++)
                {
                  g_autofree char *at = comptoir_timestamp_now ();

                  entry = comptoir_change_new ("counter_entry", NULL);
                  comptoir_day_to_iso (d + 9 * e, day);
                  comptoir_change_set_text (entry, "member_id", id);
                  comptoir_change_set_text (entry, "at", at);
                  comptoir_change_set_text (entry, "effective_on", day);
                  comptoir_change_set_text (entry, "kind", e == 0 ? kind : "makeup_done");
                  comptoir_change_set_int (entry, "points", e == 0 ? points : 1);
                  g_ptr_array_add (facts, entry);
                  /* Missed shifts are made up nine days later, but for
                   * some of the last three months. */
                  if (roll >= 8 || (roll < 3 && d + 90 > today) || d + 9 > today)
                    break;
                }
            }
          if (g_rand_int_range (rand, 0, 30) == 0)
            {
              g_autoptr (ComptoirChange) leave = comptoir_change_new ("member_leave", NULL);

              comptoir_change_set_text (leave, "member_id", id);
              comptoir_change_set_text (leave, "kind", "holiday");
              comptoir_day_to_iso (start + g_rand_int_range (rand, 0, HISTORY_DAYS), day);
              comptoir_change_set_text (leave, "from_on", day);
              comptoir_day_to_iso (comptoir_day_from_iso (day) + 60, day);
              comptoir_change_set_text (leave, "to_on", day);
              if (!comptoir_db_apply_change (db, leave, NULL, &error))
                die (g_steal_pointer (&error));
            }
        }
      if (!comptoir_db_insert_facts (db, (ComptoirChange **) facts->pdata, facts->len, &error) ||
          !comptoir_db_commit (db, &error))
        die (g_steal_pointer (&error));
      g_ptr_array_set_size (facts, 0);
    }
}

typedef struct {
  guint  counts[COMPTOIR_MEMBER_UNSUBSCRIBED + 1];
  gint64 sum;
} Tally;

static gboolean
tally (const ComptoirMemberStatus *status,
       gpointer                    user_data)
{
  Tally *t = user_data;

  t->counts[status->kind]++;
  t->sum += status->counter;
  return TRUE;
}

void
bench_member_status (const char *dir,
                     int         n_members,
                     int         n_queries)
{
  g_autofree char *path = g_build_filename (dir, "members.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) one = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  g_autoptr (ComptoirStmt) aggregate = NULL;
  ComptoirDay today = comptoir_day_today ();
  Tally t = { { 0 } };
  gint64 start, n_entries, bare_sum = 0;
  double seconds;

  if (n_members <= 0)
    return;
  g_unlink (path);
  db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    die (g_steal_pointer (&error));
  start = now_ns ();
  write_history (db, n_members, ids);
  seconds = (now_ns () - start) / 1e9;
  aggregate = comptoir_db_prepare (db, "SELECT count (*) FROM counter_entry", &error);
  if (aggregate == NULL || !comptoir_db_step_done (db, aggregate, &error))
    die (g_steal_pointer (&error));
  n_entries = sqlite3_column_int64 (aggregate, 0);
  g_clear_pointer (&aggregate, comptoir_stmt_release);
  g_print ("members: %d with two years of shifts, %" G_GINT64_FORMAT " ledger entries, written in %.1f s\n",
           n_members, n_entries, seconds);

  /* The baseline: what a tracker that stores counters would do, one
   * GROUP BY over the ledger; it knows nothing of cycles, leaves,
   * deadlines or explanations. */
  aggregate = comptoir_db_prepare (db, "SELECT member_id, sum (points) FROM counter_entry GROUP BY member_id", &error);
  if (aggregate == NULL)
    die (g_steal_pointer (&error));
  for (guint i = 0; i < 11; i++)
    {
      gint64 elapsed;

      memset (&t, 0, sizeof t);
      start = now_ns ();
      if (!comptoir_member_status_compute_all (db, today, tally, &t, &error))
        die (g_steal_pointer (&error));
      elapsed = now_ns () - start;
      g_array_append_val (ours, elapsed);

      bare_sum = 0;
      start = now_ns ();
      while (sqlite3_step (aggregate) == SQLITE_ROW)
        bare_sum += sqlite3_column_int64 (aggregate, 1);
      sqlite3_reset (aggregate);
      elapsed = now_ns () - start;
      g_array_append_val (bare, elapsed);
    }
  g_print ("members: up to date %u, alert %u, suspended %u, exempted %u, unsubscribed %u; "
           "sum of counters %" G_GINT64_FORMAT " (entries alone %" G_GINT64_FORMAT ")\n",
           t.counts[COMPTOIR_MEMBER_UP_TO_DATE], t.counts[COMPTOIR_MEMBER_ALERT],
           t.counts[COMPTOIR_MEMBER_SUSPENDED], t.counts[COMPTOIR_MEMBER_EXEMPTED],
           t.counts[COMPTOIR_MEMBER_UNSUBSCRIBED], t.sum, bare_sum);
  report ("all statuses (vs SQL aggregate)", ours, bare);
  g_print ("%-34s %.1f ms for %d members (bar 200 ms for 10,000)\n", "all statuses from scratch",
           percentile_ms (ours, 0.5), n_members);

  for (int i = 0; i < MAX (n_queries, 200); i++)
    {
      g_auto (ComptoirMemberStatus) status = { 0 };
      const char *id = g_ptr_array_index (ids, (i * 7919) % ids->len);
      gint64 elapsed;

      start = now_ns ();
      if (!comptoir_member_status_compute (db, id, today, &status, &error))
        die (g_steal_pointer (&error));
      elapsed = now_ns () - start;
      g_array_append_val (one, elapsed);
    }
  report ("one member's status (bar 1 ms)", one, NULL);

  g_clear_pointer (&aggregate, comptoir_stmt_release);
  g_clear_object (&db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}
