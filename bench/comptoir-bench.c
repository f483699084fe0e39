/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/vfs.h>
#include <time.h>

#include "comptoir-bench.h"
#include "comptoir-core.h"
#include "comptoir-product-order.h"

/* Figures for the catalogue, each next to a baseline measured in the same
 * run on the same file, so that a noisy machine moves both. */

static int opt_products = 100000;
static int opt_members = 2000;
static int opt_queries = 2000;
static int opt_status_members = 10000;
static int opt_stock_days = 730;
static int opt_stock_sales = 2000;
static int opt_order_days = 730;
static char *opt_dir;

static const GOptionEntry entries[] = {
  { "products", 0, 0, G_OPTION_ARG_INT, &opt_products, "Products in the demo shop", "N" },
  { "members", 0, 0, G_OPTION_ARG_INT, &opt_members, "Members in the demo shop", "N" },
  { "queries", 0, 0, G_OPTION_ARG_INT, &opt_queries, "Timed repetitions of each measure", "N" },
  { "status-members", 0, 0, G_OPTION_ARG_INT, &opt_status_members, "Members with two years of shifts for the status measures", "N" },
  { "stock-days", 0, 0, G_OPTION_ARG_INT, &opt_stock_days, "Days of stock movements for the stock measures (0: none)", "N" },
  { "stock-sales", 0, 0, G_OPTION_ARG_INT, &opt_stock_sales, "Sale lines a day in that history", "N" },
  { "order-days", 0, 0, G_OPTION_ARG_INT, &opt_order_days, "Days of sales for the order suggestion measure (0: none)", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the databases, on the disk to measure (default: a new one in the user's cache folder)", "DIR" },
  { NULL }
};

static const char *prefixes[] = {
  "pat", "pâtes", "bio", "lait", "pomme", "fromage", "riz", "choc", "vin", "savon",
  "confiture", "huile", "café", "yaourt", "farine", "300", "pain", "jus", "thé", "miel",
};

gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

double
percentile_ms (GArray *samples,
               double  p)
{
  guint index;

  g_array_sort (samples, compare_gint64);
  index = (guint) (p * (samples->len - 1) + 0.5);
  return g_array_index (samples, gint64, index) / 1e6;
}

void
report (const char *what,
        GArray     *ours,
        GArray     *bare)
{
  double p50 = percentile_ms (ours, 0.50), p99 = percentile_ms (ours, 0.99);

  if (bare == NULL)
    {
      g_print ("%-34s p50 %8.4f ms   p99 %8.4f ms\n", what, p50, p99);
      return;
    }
  g_print ("%-34s p50 %8.4f ms   p99 %8.4f ms   bare p50 %8.4f ms   p99 %8.4f ms   ratio p50 %.2fx  p99 %.2fx\n",
           what, p50, p99, percentile_ms (bare, 0.50), percentile_ms (bare, 0.99),
           p50 / percentile_ms (bare, 0.50), p99 / percentile_ms (bare, 0.99));
}

void
die (GError *error)
{
  g_printerr ("comptoir-bench: %s\n", error->message);
  exit (1);
}

static void
bench_open (const char *dir)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/open-%u.db", dir, i);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autoptr (GError) error = NULL;
      gint64 start = now_ns (), elapsed;
      g_autoptr (ComptoirDb) db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error);

      elapsed = now_ns () - start;
      if (db == NULL)
        die (error);
      g_array_append_val (samples, elapsed);
      g_clear_object (&db);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  report ("open + migrate a new database", samples, NULL);
}

static void
bench_reopen (const char *path)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 start = now_ns (), elapsed;
      g_autoptr (ComptoirDb) db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error);

      elapsed = now_ns () - start;
      if (db == NULL)
        die (error);
      g_array_append_val (samples, elapsed);
    }
  report ("open the demo shop (no migration)", samples, NULL);
}

static guint
bare_search (sqlite3_stmt *stmt,
             const char   *fts_query,
             gint64       *buffer,
             guint         capacity)
{
  guint n = 0;

  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n < capacity)
        buffer[n] = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  sqlite3_reset (stmt);
  return n;
}

static void
bench_search (ComptoirCatalog *catalog,
              const char      *path)
{
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) full = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint64 *buffer = g_new (gint64, opt_products + 1);
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 total_results = 0;

  /* The baseline: the same FTS5 query on a bare connection, prepared
   * once, with the query string already built; it returns the matches
   * unordered, ours returns them sorted by name. */
  if (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (raw, COMPTOIR_PRODUCT_FTS_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("comptoir-bench: %s\n", sqlite3_errmsg (raw));
      exit (1);
    }

  for (int i = 0; i < opt_queries; i++)
    {
      const char *text = prefixes[i % G_N_ELEMENTS (prefixes)];
      g_autofree char *fts_query = comptoir_text_fts_query (text);
      g_autoptr (GError) error = NULL;
      g_autoptr (GArray) rowids = NULL;
      gint64 start, elapsed;
      guint n_bare;

      /* Alternate which goes first so that cache warmth favours neither. */
      if (i % 2 == 0)
        {
          start = now_ns ();
          n_bare = bare_search (stmt, fts_query, buffer, opt_products);
          elapsed = now_ns () - start;
          g_array_append_val (bare, elapsed);
        }

      start = now_ns ();
      rowids = comptoir_catalog_search (catalog, text, COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error);
      elapsed = now_ns () - start;
      if (rowids == NULL)
        die (g_steal_pointer (&error));
      g_array_append_val (ours, elapsed);

      if (i % 2 == 1)
        {
          start = now_ns ();
          n_bare = bare_search (stmt, fts_query, buffer, opt_products);
          elapsed = now_ns () - start;
          g_array_append_val (bare, elapsed);
        }

      if (n_bare != rowids->len)
        {
          g_printerr ("comptoir-bench: “%s”: %u results, bare %u\n", text, rowids->len, n_bare);
          exit (1);
        }
      total_results += rowids->len;
    }

  g_print ("search: %u prefixes, %.0f results on average\n",
           (guint) G_N_ELEMENTS (prefixes), (double) total_results / opt_queries);
  report ("search by prefix (ours vs bare FTS5)", ours, bare);

  for (int i = 0; i < MAX (opt_queries / 50, 5); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 start = now_ns (), elapsed;
      g_autoptr (GArray) rowids = comptoir_catalog_search (catalog, "", COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error);

      elapsed = now_ns () - start;
      if (rowids == NULL)
        die (g_steal_pointer (&error));
      g_array_append_val (full, elapsed);
    }
  report ("whole catalogue sorted by name", full, NULL);

  sqlite3_finalize (stmt);
  sqlite3_close (raw);
}

/* After any write the ranks are rebuilt by the next search: the price a
 * person pays for the fast searches, once per change. */
static void
bench_search_after_edit (ComptoirCatalog *catalog)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) some = comptoir_catalog_search (catalog, "pat", COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error);

  if (some == NULL || some->len == 0)
    return;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (ComptoirProduct) product =
        comptoir_catalog_get_by_rowid (catalog, g_array_index (some, gint64, i % some->len), &error);
      g_autoptr (GArray) rowids = NULL;
      gint64 start, elapsed;

      if (product == NULL)
        die (g_steal_pointer (&error));
      comptoir_product_set_price_cents (product, comptoir_product_get_price_cents (product) + 1);
      if (!comptoir_catalog_save_product (catalog, product, &error))
        die (g_steal_pointer (&error));

      start = now_ns ();
      rowids = comptoir_catalog_search (catalog, "pat", COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error);
      elapsed = now_ns () - start;
      if (rowids == NULL)
        die (g_steal_pointer (&error));
      g_array_append_val (samples, elapsed);
    }
  report ("first search after an edit", samples, NULL);
}

static void
bench_barcode (ComptoirDb      *db,
               ComptoirCatalog *catalog)
{
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) barcodes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) all = comptoir_db_prepare (db, "SELECT barcode FROM product_barcode ORDER BY random () LIMIT 5000", &error);
  sqlite3_stmt *raw = NULL;

  if (all == NULL)
    die (g_steal_pointer (&error));
  while (sqlite3_step (all) == SQLITE_ROW)
    g_ptr_array_add (barcodes, g_strdup ((const char *) sqlite3_column_text (all, 0)));
  if (barcodes->len == 0)
    return;

  /* Baseline: the indexed probe alone, no product built. */
  sqlite3_prepare_v2 (comptoir_db_get_handle (db),
                      "SELECT p.rowid, p.name, p.price_cents, p.vat_bp FROM product_barcode b "
                      "JOIN product p ON p.id = b.product_id WHERE b.barcode = ?1",
                      -1, &raw, NULL);

  for (int i = 0; i < MAX (opt_queries * 5, 100); i++)
    {
      const char *barcode = g_ptr_array_index (barcodes, i % barcodes->len);
      gint64 start = now_ns (), elapsed;
      g_autoptr (ComptoirProduct) product = comptoir_catalog_lookup_barcode (catalog, barcode, &error);

      elapsed = now_ns () - start;
      if (product == NULL)
        die (g_steal_pointer (&error));
      g_array_append_val (ours, elapsed);

      start = now_ns ();
      sqlite3_bind_text (raw, 1, barcode, -1, SQLITE_STATIC);
      if (sqlite3_step (raw) != SQLITE_ROW)
        g_error ("bare lookup of %s failed", barcode);
      sqlite3_reset (raw);
      elapsed = now_ns () - start;
      g_array_append_val (bare, elapsed);
    }
  sqlite3_finalize (raw);
  report ("barcode lookup (ours vs bare)", ours, bare);
}

/* The filesystem's name for the reader of the figures: on tmpfs fsync
 * costs nothing, and both sides of the commit comparison measure CPU
 * only. */
static const char *
filesystem_name (const char *dir,
                 gboolean   *out_in_memory)
{
  static const struct { long magic; const char *name; gboolean in_memory; } known[] = {
    { 0xEF53, "ext2/3/4", FALSE },
    { 0x58465342, "xfs", FALSE },
    { 0x9123683E, "btrfs", FALSE },
    { 0xF2F52010, "f2fs", FALSE },
    { 0x2FC12FC1, "zfs", FALSE },
    { 0x794C7630, "overlayfs", FALSE },
    { 0x6969, "nfs", FALSE },
    { 0x65735546, "fuse", FALSE },
    { 0x01021997, "9p", FALSE },
    { 0x01021994, "tmpfs", TRUE },
    { 0x858458F6, "ramfs", TRUE },
  };
  struct statfs fs;

  *out_in_memory = FALSE;
  if (statfs (dir, &fs) != 0)
    return "unknown";
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if ((long) fs.f_type == known[i].magic)
      {
        *out_in_memory = known[i].in_memory;
        return known[i].name;
      }
  return "unknown";
}

/* Rows in the replicated tables, and in the change log. */
static void
count_rows (ComptoirDb *db,
            gint64     *out_data,
            gint64     *out_log)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT name FROM replicated_table", &error);
    if (stmt == NULL)
      die (g_steal_pointer (&error));
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  }

  *out_data = 0;
  for (guint i = 0; i < tables->len; i++)
    {
      /* Table names come from the schema, not from a person. */
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s",
                                              (const char *) g_ptr_array_index (tables, i));
      g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, &error);

      if (stmt == NULL || !comptoir_db_step_done (db, stmt, &error))
        die (g_steal_pointer (&error));
      *out_data += sqlite3_column_int64 (stmt, 0);
    }

  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT count (*) FROM change_log", &error);
    if (stmt == NULL || !comptoir_db_step_done (db, stmt, &error))
      die (g_steal_pointer (&error));
    *out_log = sqlite3_column_int64 (stmt, 0);
  }
}

/* Sells a 20-line ticket paid by card; returns how long the commit took. */
static gint64
sell_ticket (ComptoirDb      *db,
             ComptoirCatalog *catalog,
             const char      *till,
             GRand           *rand,
             gint64           n_products)
{
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
  g_auto (ComptoirCommittedTicket) ticket = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 start;

  for (guint l = 0; l < 20; l++)
    {
      g_autoptr (ComptoirProduct) product =
        comptoir_catalog_get_by_rowid (catalog, g_rand_int_range (rand, 1, n_products + 1), &error);
      if (product == NULL)
        die (g_steal_pointer (&error));
      comptoir_sale_add_product (sale, product, 1000);
    }
  comptoir_sale_add_payment (sale, "card", comptoir_sale_get_total (sale));

  start = now_ns ();
  if (!comptoir_sale_commit (sale, db, till, &ticket, &error))
    die (g_steal_pointer (&error));
  return now_ns () - start;
}

/* The baseline: a transaction inserting rows into a 4-column table with
 * a TEXT primary key; returns how long it took. */
static gint64
bare_transaction (sqlite3      *raw,
                  sqlite3_stmt *insert,
                  gint64        rows,
                  guint         round)
{
  gint64 start = now_ns ();

  sqlite3_exec (raw, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  for (gint64 r = 0; r < rows; r++)
    {
      g_autofree char *id = comptoir_uuid7_new ();
      sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, r);
      sqlite3_bind_int64 (insert, 3, round);
      sqlite3_bind_text (insert, 4, "Pâtes penne complètes bio 500 g", -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("bare insert: %s", sqlite3_errmsg (raw));
      sqlite3_reset (insert);
    }
  if (sqlite3_exec (raw, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("bare commit: %s", sqlite3_errmsg (raw));
  return now_ns () - start;
}

/* A 20-line ticket committed with everything it writes (ticket, lines,
 * stock movements, payment, journal entry, change log), against a bare
 * SQLite transaction inserting as many rows, counted in the tables, with
 * the same durability, into a file in the same folder. The two take
 * turns, so that a noisy machine weighs on both alike. */
static void
bench_commit (ComptoirDb      *db,
              ComptoirCatalog *catalog,
              const char      *dir)
{
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autofree char *till = comptoir_till_ensure (db, "BENCH", &error);
  g_autofree char *bare_path = g_build_filename (dir, "bare.db", NULL);
  gint64 n_products = comptoir_catalog_count_products (catalog, &error);
  gint64 data_start, log_start, data_first, log_first, data_end, log_end;
  gint64 data_rows, log_rows;
  guint n = MAX (opt_queries / 10, 20);
  GRand *rand = g_rand_new_with_seed (5);
  sqlite3 *raw = NULL;
  sqlite3_stmt *insert = NULL;
  gboolean in_memory;
  const char *fs_name = filesystem_name (dir, &in_memory);

  if (till == NULL)
    die (g_steal_pointer (&error));

  /* The first ticket, untimed, prepares the statements and tells how
   * many rows a ticket writes. */
  count_rows (db, &data_start, &log_start);
  sell_ticket (db, catalog, till, rand, n_products);
  count_rows (db, &data_first, &log_first);
  data_rows = data_first - data_start;
  log_rows = log_first - log_start;

  g_unlink (bare_path);
  if (sqlite3_open (bare_path, &raw) != SQLITE_OK ||
      sqlite3_exec (raw, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                         "CREATE TABLE row (id TEXT PRIMARY KEY, a INTEGER, b INTEGER, c TEXT)",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (raw, "INSERT INTO row VALUES (?1, ?2, ?3, ?4)", -1, &insert, NULL) != SQLITE_OK)
    g_error ("bare database: %s", sqlite3_errmsg (raw));
  bare_transaction (raw, insert, data_rows + log_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      gint64 elapsed;

      if (i % 2 == 0)
        {
          elapsed = sell_ticket (db, catalog, till, rand, n_products);
          g_array_append_val (ours, elapsed);
        }
      elapsed = bare_transaction (raw, insert, data_rows + log_rows, i + 1);
      g_array_append_val (bare, elapsed);
      if (i % 2 == 1)
        {
          elapsed = sell_ticket (db, catalog, till, rand, n_products);
          g_array_append_val (ours, elapsed);
        }
    }
  g_rand_free (rand);
  sqlite3_finalize (insert);
  sqlite3_close (raw);
  g_unlink (bare_path);

  /* Every ticket is alike: the timed ones must have written as much as
   * the first. */
  count_rows (db, &data_end, &log_end);
  if (data_end - data_first != n * data_rows || log_end - log_first != n * log_rows)
    {
      g_printerr ("comptoir-bench: %u tickets wrote %" G_GINT64_FORMAT " data and %" G_GINT64_FORMAT
                  " change-log rows, not %u times the first ticket's\n",
                  n, data_end - data_first, log_end - log_first, n);
      exit (1);
    }

  g_print ("commit: a 20-line ticket writes %" G_GINT64_FORMAT " data rows and %" G_GINT64_FORMAT
           " change-log rows (counted in the tables, %u tickets); the bare transaction inserts %"
           G_GINT64_FORMAT " rows\n",
           data_rows, log_rows, n + 1, data_rows + log_rows);
  g_print ("commit: both databases in %s, on %s%s\n", dir, fs_name,
           in_memory ? " (in memory: fsync is free, only CPU is compared)" : "");
  report ("commit a 20-line ticket (vs bare)", ours, bare);
}

/* What the cashier waits for after a scan: resolving the code, pricing
 * the line and saving it to the open ticket (synchronous=FULL). */
static void
bench_scan_to_line (ComptoirDb      *db,
                    ComptoirCatalog *catalog)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) barcodes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new_default ();
  g_autofree char *till = comptoir_till_ensure (db, "SCAN", &error);
  g_autoptr (ComptoirOpenTicket) ticket = NULL;

  {
    g_autoptr (ComptoirStmt) stmt =
      comptoir_db_prepare (db, "SELECT b.barcode FROM product_barcode b JOIN product p ON p.id = b.product_id "
                               "WHERE p.active = 1 ORDER BY random () LIMIT 2000", &error);
    while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (barcodes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  }
  if (till == NULL || barcodes->len == 0)
    return;
  ticket = comptoir_open_ticket_resume_or_start (db, till, &error);
  if (ticket == NULL)
    die (g_steal_pointer (&error));

  for (int i = 0; i < MAX (opt_queries, 100); i++)
    {
      g_auto (ComptoirScan) scan = { 0 };
      gint64 start = now_ns (), elapsed;

      if (!comptoir_scan_resolve (catalog, rules, g_ptr_array_index (barcodes, i % barcodes->len), &scan, &error) ||
          comptoir_open_ticket_add_scan (ticket, &scan, &error) == 0)
        die (g_steal_pointer (&error));
      elapsed = now_ns () - start;
      g_array_append_val (samples, elapsed);
    }
  report ("scan to line (resolve, price, save)", samples, NULL);
}

/* From process start to the first frame of the till (the lock screen a
 * cashier meets), on the 100,000-product shop: the app prints the
 * monotonic clock at that frame and quits. Needs a display. */
static void
bench_till_ready (const char *path)
{
  const char *argv[] = { COMPTOIR_APP_PATH, "--db", path, "--report-ready", NULL };
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first = 0;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("%-34s skipped: no display (run the benchmark under xvfb-run -a)\n", "till ready after launch");
      return;
    }
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", COMPTOIR_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = NULL;
      int status = 0;
      gint64 start = g_get_monotonic_time (), ready;

      if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        die (g_steal_pointer (&error));
      ready = g_ascii_strtoll (out, NULL, 10) - start;
      if (i == 0)
        first = ready;
      else
        g_array_append_val (times, ready);
    }
  g_array_sort (times, compare_gint64);
  g_print ("%-34s first %6.0f ms   p50 %6.0f ms   max %6.0f ms   (bar 1000 ms)\n", "till ready after launch",
           first / 1e3, g_array_index (times, gint64, times->len / 2) / 1e3,
           g_array_index (times, gint64, times->len - 1) / 1e3);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— measure the catalogue");
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  g_autoptr (ComptoirCatalog) catalog = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  ComptoirDemoOptions options = { 0 };
  gint64 start;
  double seconds;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die (g_steal_pointer (&error));

  /* Not in /tmp: it is often tmpfs, where a durable commit costs no
   * more than any other. */
  if (opt_dir != NULL)
    dir = g_strdup (opt_dir);
  else
    {
      g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
      dir = g_build_filename (g_get_user_cache_dir (), "comptoir-bench-XXXXXX", NULL);
      if (g_mkdtemp (dir) == NULL)
        {
          g_printerr ("comptoir-bench: cannot create %s: %s\n", dir, g_strerror (errno));
          exit (1);
        }
    }
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "bench.db", NULL);
  g_unlink (path);

  g_print ("Comptoir catalogue benchmark: %d products, %d members, %d queries, SQLite %s\n",
           opt_products, opt_members, opt_queries, sqlite3_libversion ());

  bench_open (dir);

  db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    die (g_steal_pointer (&error));
  options.n_products = opt_products;
  options.n_members = opt_members;
  options.seed = 1;
  start = now_ns ();
  if (!comptoir_demo_generate (db, &options, NULL, NULL, &error))
    die (g_steal_pointer (&error));
  seconds = (now_ns () - start) / 1e9;
  g_print ("%-34s %.1f s, %.0f products/s (with %d members)\n", "demo generation",
           seconds, opt_products / seconds, opt_members);
  g_clear_object (&db);

  bench_reopen (path);

  db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    die (g_steal_pointer (&error));
  catalog = comptoir_catalog_new (db);
  bench_search (catalog, path);
  bench_barcode (db, catalog);
  bench_search_after_edit (catalog);
  bench_commit (db, catalog, dir);
  bench_scan_to_line (db, catalog);
  bench_receipt (db, dir, opt_queries);
  bench_member_status (dir, opt_status_members, opt_queries);
  bench_planning (dir);
  bench_orders (dir, opt_order_days);

  g_clear_object (&catalog);
  g_clear_object (&db);
  bench_till_ready (path);
  /* Last: two years of movements make the file grow. */
  bench_stock (path, opt_stock_days, opt_stock_sales, opt_queries);
  if (opt_dir == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  g_free (opt_dir);
  return 0;
}
