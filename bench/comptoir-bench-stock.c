/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include "comptoir-bench.h"
#include "comptoir-core.h"

/* Stock: every product's stock from two years of movements, ours (the
 * folded balances and their tails) next to the bare aggregate a shop
 * without balances would run over the same table; one product's stock
 * as a screen asks it (the bar: 0.2 ms) with a tail not folded yet; and
 * folding a day of sales, what the app does when the till is idle. */

#define TICKET_LINES 20

typedef struct {
  ComptoirDb *db;
  GPtrArray  *ids;
  GRand      *rand;
  gint64      n_written;
} History;

/* Popular products sell far more than the long tail: an index skewed
 * towards the start of the catalogue. */
static const char *
pick (History *h)
{
  double u = g_rand_double (h->rand);

  return g_ptr_array_index (h->ids, (guint) (u * u * u * h->ids->len));
}

static ComptoirChange *
movement (const char *product_id,
          gint64      quantity_milli,
          const char *reason,
          const char *at,
          gint64      unit_cost_cents)
{
  ComptoirChange *change = comptoir_change_new ("stock_movement", NULL);

  comptoir_change_set_text (change, "product_id", product_id);
  comptoir_change_set_int (change, "quantity_milli", quantity_milli);
  comptoir_change_set_text (change, "reason", reason);
  comptoir_change_set_text (change, "at", at);
  if (unit_cost_cents >= 0)
    comptoir_change_set_int (change, "unit_cost_cents", unit_cost_cents);
  else
    comptoir_change_set_null (change, "unit_cost_cents");
  return change;
}

typedef struct {
  ComptoirChange **changes;
  guint            n;
} Group;

static gboolean
write_group (ComptoirDb  *db,
             gpointer     user_data,
             GError     **error)
{
  Group *g = user_data;

  return comptoir_db_insert_facts (db, g->changes, g->n, error);
}

/* A day of the shop: tickets of twenty lines, each one change-log
 * entry as a sale's are; deliveries bringing a bit more than was sold,
 * at a purchase price; a few losses. One transaction. */
static void
write_day (History *h,
           GDate   *day,
           guint    n_sales)
{
  g_autoptr (GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  g_autoptr (GError) error = NULL;
  char date[16];
  guint n_receipts = n_sales / TICKET_LINES + 1;

  g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
  if (!comptoir_db_begin (h->db, &error))
    die (g_steal_pointer (&error));

  for (guint r = 0; r < n_receipts; r++)
    {
      g_autofree char *at = g_strdup_printf ("%sT07:%02u:%02u.%06uZ", date, r / 60 % 60, r % 60, r);
      g_ptr_array_add (batch, movement (pick (h), 24000, "receipt", at, g_rand_int_range (h->rand, 40, 2500)));
    }
  for (guint l = 0; l < n_sales; l++)
    {
      guint ticket = l / TICKET_LINES;
      g_autofree char *at = g_strdup_printf ("%sT%02u:%02u:%02u.%06uZ", date, 9 + ticket * 10 / (n_sales / TICKET_LINES + 1),
                                             ticket / 60 % 60, ticket % 60, l);
      g_ptr_array_add (batch, movement (pick (h), -1000 * g_rand_int_range (h->rand, 1, 4), "sale", at, -1));
    }
  for (guint k = 0; k < n_sales / 500 + 1; k++)
    {
      g_autofree char *at = g_strdup_printf ("%sT20:00:%02u.000000Z", date, k % 60);
      g_ptr_array_add (batch, movement (pick (h), -1000, "breakage", at, -1));
    }

  for (guint i = 0; i < batch->len; i += TICKET_LINES)
    {
      Group g = { (ComptoirChange **) batch->pdata + i, MIN (TICKET_LINES, batch->len - i) };

      if (!comptoir_db_insert_fact_group (h->db, write_group, &g, &error))
        die (g_steal_pointer (&error));
    }
  if (!comptoir_db_commit (h->db, &error))
    die (g_steal_pointer (&error));
  h->n_written += batch->len;
}

typedef struct {
  gint64 sum;
  guint  n;
} Tally;

static gboolean
tally (const char          *product_id,
       const ComptoirStock *stock,
       gpointer             user_data)
{
  Tally *t = user_data;

  t->sum += stock->quantity_milli;
  t->n++;
  return TRUE;
}

/* Movements not folded yet. */
static gint64
tail_length (ComptoirDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT (SELECT max (rowid) FROM stock_movement) - upto FROM stock_fold", &error);

  if (stmt == NULL || !comptoir_db_step_done (db, stmt, &error))
    die (g_steal_pointer (&error));
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
bare_all (sqlite3_stmt *aggregate,
          Tally        *t)
{
  gint64 start = now_ns ();

  t->sum = 0;
  t->n = 0;
  while (sqlite3_step (aggregate) == SQLITE_ROW)
    {
      t->sum += sqlite3_column_int64 (aggregate, 1);
      t->n++;
    }
  sqlite3_reset (aggregate);
  return now_ns () - start;
}

static void
measure_one (History    *h,
             const char *what,
             guint       n_queries)
{
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n_queries; i++)
    {
      ComptoirStock stock;
      const char *id = g_ptr_array_index (h->ids, g_rand_int_range (h->rand, 0, h->ids->len));
      gint64 start = now_ns (), elapsed;

      if (!comptoir_stock_get (h->db, id, &stock, &error))
        die (g_steal_pointer (&error));
      elapsed = now_ns () - start;
      g_array_append_val (ours, elapsed);
    }
  report (what, ours, NULL);
}

void
bench_stock (const char *path,
             int         n_days,
             int         sales_per_day,
             int         n_queries)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) folds = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) scans = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) mismatches = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  g_autoptr (GDate) day = g_date_new ();
  sqlite3_stmt *aggregate = NULL, *one = NULL;
  History h = { NULL, ids, rand, 0 };
  Tally t = { 0 }, b = { 0 };
  guint n_folded = 0;
  gint64 start;
  double seconds;

  if (n_days <= 0)
    return;
  if (!(db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error)))
    die (g_steal_pointer (&error));
  h.db = db;
  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT id FROM product ORDER BY rowid", &error);
    if (stmt == NULL)
      die (g_steal_pointer (&error));
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  }
  if (ids->len == 0)
    return;

  /* The history, then one fold of it all: what the first fold after an
   * upgrade does. */
  g_date_set_time_t (day, time (NULL));
  g_date_subtract_days (day, n_days + 10);
  start = now_ns ();
  for (int d = 0; d < n_days; d++, g_date_add_days (day, 1))
    write_day (&h, day, sales_per_day);
  seconds = (now_ns () - start) / 1e9;
  g_print ("stock: %u products, %" G_GINT64_FORMAT " movements over %d days (%d sale lines a day), written in %.1f s\n",
           ids->len, h.n_written, n_days, sales_per_day, seconds);
  start = now_ns ();
  if (!comptoir_stock_fold (db, &n_folded, &error))
    die (g_steal_pointer (&error));
  g_print ("%-34s %.0f ms for %u movements\n", "first fold of the whole history", (now_ns () - start) / 1e6, n_folded);

  /* A tail of about 1,000 movements not folded yet, as between two
   * idle moments of a busy till (a day adds a receipt per ticket and a
   * loss per 500 sales to its sale lines). */
  write_day (&h, day, 950);

  sqlite3_prepare_v2 (comptoir_db_get_handle (db),
                      "SELECT product_id, sum (quantity_milli) FROM stock_movement GROUP BY product_id",
                      -1, &aggregate, NULL);
  /* Few rounds: the bare aggregate sorts millions of rows each time. */
  for (guint i = 0; i < 4; i++)
    {
      gint64 elapsed;

      /* Alternate which goes first so that cache warmth favours neither. */
      if (i % 2 == 1)
        {
          elapsed = bare_all (aggregate, &b);
          g_array_append_val (bare, elapsed);
        }
      start = now_ns ();
      t.sum = 0;
      t.n = 0;
      if (!comptoir_stock_foreach (db, tally, &t, &error))
        die (g_steal_pointer (&error));
      elapsed = now_ns () - start;
      g_array_append_val (ours, elapsed);
      if (i % 2 == 0)
        {
          elapsed = bare_all (aggregate, &b);
          g_array_append_val (bare, elapsed);
        }
    }
  sqlite3_finalize (aggregate);
  if (t.sum != b.sum || t.n != b.n)
    {
      g_printerr ("comptoir-bench: every stock: %u products summing %" G_GINT64_FORMAT ", the bare aggregate %u "
                  "summing %" G_GINT64_FORMAT "\n", t.n, t.sum, b.n, b.sum);
      exit (1);
    }
  g_print ("stock: %u products moved; a tail of %" G_GINT64_FORMAT " movements not folded\n", t.n,
           tail_length (db));
  report ("every stock (vs bare GROUP BY)", ours, bare);

  /* One product: the balance and its tail, against summing its
   * movements with no balance (there is no index by product: each sale
   * would pay for it). */
  measure_one (&h, "one stock, tail 1,000 (bar 0.2 ms)", MAX (n_queries, 1000));
  sqlite3_prepare_v2 (comptoir_db_get_handle (db), "SELECT sum (quantity_milli) FROM stock_movement WHERE product_id = ?1",
                      -1, &one, NULL);
  for (guint i = 0; i < 5; i++)
    {
      gint64 elapsed;

      start = now_ns ();
      sqlite3_bind_text (one, 1, g_ptr_array_index (ids, i), -1, SQLITE_STATIC);
      while (sqlite3_step (one) == SQLITE_ROW)
        ;
      sqlite3_reset (one);
      elapsed = now_ns () - start;
      g_array_append_val (scans, elapsed);
    }
  sqlite3_finalize (one);
  report ("one stock, bare sum of its moves", scans, NULL);
  write_day (&h, day, 950);
  g_print ("stock: a tail of %" G_GINT64_FORMAT " movements not folded\n", tail_length (db));
  measure_one (&h, "one stock, tail 2,000 (fold limit)", MAX (n_queries, 1000));

  /* A day of sales folded, as the app does when the till is idle. */
  for (guint i = 0; i < 5; i++)
    {
      gint64 elapsed;

      if (!comptoir_stock_fold (db, NULL, &error))
        die (g_steal_pointer (&error));
      g_date_add_days (day, 1);
      write_day (&h, day, sales_per_day);
      start = now_ns ();
      if (!comptoir_stock_fold (db, &n_folded, &error))
        die (g_steal_pointer (&error));
      elapsed = now_ns () - start;
      g_array_append_val (folds, elapsed);
    }
  g_print ("stock: a day is %u movements\n", n_folded);
  report ("fold a day of sales", folds, NULL);

  start = now_ns ();
  if (!comptoir_stock_check (db, &mismatches, &error))
    die (g_steal_pointer (&error));
  g_print ("%-34s %.0f ms, %u mismatches\n", "check every balance from scratch", (now_ns () - start) / 1e6,
           mismatches->len);
}
