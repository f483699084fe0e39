/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>

#include "comptoir-core.h"

/* A real database file in a fresh temporary folder, removed afterwards. */
typedef struct {
  char            *dir;
  char            *path;
  ComptoirDb      *db;
  ComptoirCatalog *catalog;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("comptoir-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->catalog = comptoir_catalog_new (f->db);
}

static inline void
fixture_remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        fixture_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->catalog);
  g_clear_object (&f->db);
  fixture_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static inline gint64
fixture_query_int (ComptoirDb *db,
                   const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_true (comptoir_db_step_done (db, stmt, &error));
  g_assert_no_error (error);
  return sqlite3_column_int64 (stmt, 0);
}

/* The first column of the first row, which must be there: a query for one
 * value, such as a member's id or name, that the test goes on to use. */
static inline char *
fixture_query_text (ComptoirDb *db,
                    const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static inline ComptoirProduct *
fixture_product (const char *code,
                 const char *name,
                 gint64      price_cents,
                 int         vat_bp,
                 const char *barcode)
{
  ComptoirProduct *p = comptoir_product_new ();
  const char *barcodes[] = { barcode, NULL };

  comptoir_product_set_code (p, code);
  comptoir_product_set_name (p, name);
  comptoir_product_set_price_cents (p, price_cents);
  comptoir_product_set_vat_bp (p, vat_bp);
  comptoir_product_set_barcodes (p, barcode ? barcodes : NULL);
  return p;
}
