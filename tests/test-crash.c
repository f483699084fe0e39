/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-fixture.h"

#define CYCLES 200

/* A till pulled from the wall: a child commits tickets in a loop and is
 * killed with SIGKILL at random moments. Every ticket it reported is there
 * and complete, no ticket is partial, and the fiscal journal verifies. */
static void
test_kill_nine (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) reported = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *child_path = g_test_build_filename (G_TEST_BUILT, "crash-child", NULL);
  ComptoirDemoOptions options = { .n_products = 400, .n_members = 0, .seed = 3 };
  GRand *rand = g_rand_new_with_seed (9);
  gint64 entries = 0;
  guint killed_mid_run = 0;

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  g_clear_object (&f->catalog);
  g_clear_object (&f->db);

  for (guint cycle = 0; cycle < CYCLES; cycle++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", cycle);
      const char *child_argv[] = { child_path, f->path, seed, NULL };
      g_autoptr (GIOChannel) out = NULL;
      g_autofree char *text = NULL;
      g_auto (GStrv) lines = NULL;
      GPid pid;
      int out_fd, status;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_usleep (g_rand_int_range (rand, 2000, 60000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      killed_mid_run += WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;

      out = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (out, TRUE);
      g_io_channel_read_to_end (out, &text, NULL, NULL);
      lines = g_strsplit (text != NULL ? text : "", "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          gint64 number;
          guint n_lines;

          /* The last line may be cut by the kill: only whole lines count. */
          if (lines[i + 1] == NULL || sscanf (lines[i], "%" G_GINT64_FORMAT " %u", &number, &n_lines) != 2)
            continue;
          g_hash_table_insert (reported, g_memdup2 (&number, sizeof number), GUINT_TO_POINTER (n_lines));
        }
    }
  g_rand_free (rand);
  g_test_message ("%u kills, %u tickets reported", killed_mid_run, g_hash_table_size (reported));
  g_assert_cmpuint (killed_mid_run, ==, CYCLES);
  g_assert_cmpuint (g_hash_table_size (reported), >, 0);

  f->db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->catalog = comptoir_catalog_new (f->db);

  /* Every reported ticket is there with all its lines. */
  {
    GHashTableIter iter;
    gpointer key, value;
    g_autoptr (ComptoirStmt) stmt =
      comptoir_db_prepare (f->db, "SELECT count (*) FROM ticket t JOIN ticket_line l ON l.ticket_id = t.id "
                                  "WHERE t.till_id = (SELECT id FROM till WHERE code = 'T1') AND t.number = ?1", &error);

    g_hash_table_iter_init (&iter, reported);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, GPOINTER_TO_UINT (value));
        sqlite3_reset (stmt);
      }
  }

  /* No partial ticket: each has lines, a payment, stock movements and a
   * journal entry, and the totals add up. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket t WHERE "
                                             "NOT EXISTS (SELECT 1 FROM ticket_line WHERE ticket_id = t.id) OR "
                                             "NOT EXISTS (SELECT 1 FROM ticket_payment WHERE ticket_id = t.id) OR "
                                             "NOT EXISTS (SELECT 1 FROM fiscal_entry WHERE source_id = t.id) OR "
                                             "t.total_cents <> (SELECT sum (total_cents) FROM ticket_line WHERE ticket_id = t.id)"),
                   ==, 0);
  /* As a set difference: stock movements have no index on their source,
   * and a correlated lookup per line would be quadratic in the tickets. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM (SELECT ticket_id, product_id FROM ticket_line "
                                             "EXCEPT SELECT source_id, product_id FROM stock_movement)"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT max (number) - count (*) FROM ticket"), ==, 0);

  g_assert_true (comptoir_fiscal_verify (f->db, &entries, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entries, ==, fixture_query_int (f->db, "SELECT count (*) FROM ticket"));
}

static gint64
last_reported (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  gint64 last = 0;

  /* Only whole lines count: the last may be cut by the kill. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    last = g_ascii_strtoll (lines[i], NULL, 10);
  return last;
}

/* Killed while scanning: the till reopens on the same ticket with every
 * line the cashier saw, and at most the one being saved more. */
static void
test_kill_nine_open_ticket (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *child_path = g_test_build_filename (G_TEST_BUILT, "crash-child", NULL);
  g_autofree char *till = NULL;
  ComptoirDemoOptions options = { .n_products = 200, .n_members = 0, .seed = 4 };
  GRand *rand = g_rand_new_with_seed (11);
  gint64 seen = 0;

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  till = comptoir_till_ensure (f->db, "T1", &error);
  g_clear_object (&f->catalog);
  g_clear_object (&f->db);

  for (guint cycle = 0; cycle < 50; cycle++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", cycle);
      const char *child_argv[] = { child_path, f->path, seed, "draft", NULL };
      g_autoptr (GIOChannel) out = NULL;
      g_autoptr (ComptoirDb) db = NULL;
      g_autoptr (ComptoirOpenTicket) ticket = NULL;
      g_autofree char *text = NULL;
      gint64 reported;
      guint n_lines;
      GPid pid;
      int out_fd, status;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_usleep (g_rand_int_range (rand, 2000, 40000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      out = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (out, TRUE);
      g_io_channel_read_to_end (out, &text, NULL, NULL);
      reported = MAX (last_reported (text), seen);

      db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      ticket = comptoir_open_ticket_resume_or_start (db, till, &error);
      g_assert_no_error (error);
      n_lines = comptoir_open_ticket_get_n_lines (ticket);
      g_assert_cmpint (n_lines, >=, reported);
      g_assert_cmpint (n_lines, <=, reported + 1);
      for (guint p = 1; p <= n_lines; p++)
        {
          ComptoirOpenLine line;
          g_assert_true (comptoir_open_ticket_get_line (ticket, p, &line));
          g_assert_nonnull (line.label);
          g_assert_cmpint (line.quantity_milli, ==, 1000);
        }
      seen = n_lines;
    }
  g_rand_free (rand);
  g_test_message ("open ticket survived 50 kills with %" G_GINT64_FORMAT " lines", seen);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/comptoir/core/sale/kill-nine", Fixture, NULL, fixture_set_up, test_kill_nine, fixture_tear_down);
  g_test_add ("/comptoir/core/sale/kill-nine-open-ticket", Fixture, NULL, fixture_set_up,
              test_kill_nine_open_ticket, fixture_tear_down);
  return g_test_run ();
}
