/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The stock screens' tables: rows of text read off a core list (the
 * products to reorder, a count's lines, a product's movements), shown
 * in a GtkColumnView so that a list of thousands of products only
 * makes the rows on screen. A row carries the id of what it shows
 * (a product, a count), and a style class given to each of its cells. */

#define COMPTOIR_TYPE_STOCK_ROW (comptoir_stock_row_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirStockRow, comptoir_stock_row, COMPTOIR, STOCK_ROW, GObject)

/* cells: the texts, one per column, taken. style may be NULL. */
ComptoirStockRow *comptoir_stock_row_new      (const char       *id,
                                               const char       *style,
                                               char            **cells);
const char       *comptoir_stock_row_get_id   (ComptoirStockRow *row);

typedef struct {
  const char *title;       /* translated */
  int         width;       /* fixed width, -1: takes the width left */
  gboolean    numeric;     /* right-aligned, tabular figures */
  const char *css_class;   /* given to the column's cells, or NULL */
} ComptoirStockColumn;

/* A column view of rows (a GListStore of ComptoirStockRow in a single
 * selection that selects nothing on its own). */
GtkColumnView    *comptoir_stock_table_new     (const ComptoirStockColumn *columns,
                                                guint                      n_columns,
                                                const char                *accessible_label);
/* Replaces the rows by rows (a GPtrArray of ComptoirStockRow). */
void              comptoir_stock_table_set_rows (GtkColumnView *view,
                                                 GPtrArray     *rows);
guint             comptoir_stock_table_get_n_rows (GtkColumnView *view);
/* The id of the row at position, NULL past the end. */
const char       *comptoir_stock_table_get_id  (GtkColumnView *view,
                                                guint          position);
/* Selects the row of id and brings it into view; none when id is NULL
 * or not shown. */
void              comptoir_stock_table_select  (GtkColumnView *view,
                                                const char    *id);

G_END_DECLS
