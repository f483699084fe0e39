/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-stock-table.h"

struct _ComptoirStockRow
{
  GObject   parent_instance;

  char     *id;
  char     *style;
  char    **cells;
};

G_DEFINE_FINAL_TYPE (ComptoirStockRow, comptoir_stock_row, G_TYPE_OBJECT)

static void
comptoir_stock_row_finalize (GObject *object)
{
  ComptoirStockRow *self = COMPTOIR_STOCK_ROW (object);

  g_free (self->id);
  g_free (self->style);
  g_strfreev (self->cells);

  G_OBJECT_CLASS (comptoir_stock_row_parent_class)->finalize (object);
}

static void
comptoir_stock_row_class_init (ComptoirStockRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comptoir_stock_row_finalize;
}

static void
comptoir_stock_row_init (ComptoirStockRow *self)
{
}

ComptoirStockRow *
comptoir_stock_row_new (const char  *id,
                        const char  *style,
                        char       **cells)
{
  ComptoirStockRow *self = g_object_new (COMPTOIR_TYPE_STOCK_ROW, NULL);

  self->id = g_strdup (id);
  self->style = g_strdup (style);
  self->cells = cells;
  return self;
}

const char *
comptoir_stock_row_get_id (ComptoirStockRow *row)
{
  g_return_val_if_fail (COMPTOIR_IS_STOCK_ROW (row), NULL);

  return row->id;
}

/* Each column's factory knows its column by number and what its
 * labels look like. */
typedef struct {
  guint    index;
  gboolean numeric;
  char    *css_class;
} Column;

static void
column_free (Column *column)
{
  g_free (column->css_class);
  g_free (column);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Column                   *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (column->css_class != NULL)
    gtk_widget_add_css_class (label, column->css_class);
  gtk_list_item_set_child (item, label);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         Column                   *column)
{
  ComptoirStockRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = column->index < g_strv_length (row->cells) ? row->cells[column->index] : "";
  const char *previous = g_object_get_data (G_OBJECT (label), "row-style");

  gtk_label_set_label (GTK_LABEL (label), text);
  /* A cell long enough to be cut still says all of it. */
  gtk_widget_set_tooltip_text (label, text != NULL && g_utf8_strlen (text, -1) > 24 ? text : NULL);
  if (previous != NULL)
    gtk_widget_remove_css_class (label, previous);
  if (row->style != NULL)
    gtk_widget_add_css_class (label, row->style);
  g_object_set_data_full (G_OBJECT (label), "row-style", g_strdup (row->style), g_free);
}

GtkColumnView *
comptoir_stock_table_new (const ComptoirStockColumn *columns,
                          guint                      n_columns,
                          const char                *accessible_label)
{
  GListStore *store = g_list_store_new (COMPTOIR_TYPE_STOCK_ROW);
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (store));
  GtkColumnView *view;

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_reorderable (view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (view), "stock-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      Column *data = g_new0 (Column, 1);

      data->index = i;
      data->numeric = columns[i].numeric;
      data->css_class = g_strdup (columns[i].css_class);
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup), data);
      g_signal_connect_data (factory, "bind", G_CALLBACK (on_bind), data,
                             (GClosureNotify) (void (*) (void)) column_free, 0);
      column = gtk_column_view_column_new (columns[i].title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  return view;
}

static GListStore *
store_of (GtkColumnView *view)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));

  return G_LIST_STORE (gtk_single_selection_get_model (selection));
}

void
comptoir_stock_table_set_rows (GtkColumnView *view,
                               GPtrArray     *rows)
{
  GListStore *store;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  store = store_of (view);
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       rows != NULL ? rows->pdata : NULL, rows != NULL ? rows->len : 0);
}

guint
comptoir_stock_table_get_n_rows (GtkColumnView *view)
{
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (store_of (view)));
}

const char *
comptoir_stock_table_get_id (GtkColumnView *view,
                             guint          position)
{
  g_autoptr (ComptoirStockRow) row = NULL;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (store_of (view)), position);
  /* The store keeps the row, and its id, alive. */
  return row != NULL ? row->id : NULL;
}

void
comptoir_stock_table_select (GtkColumnView *view,
                             const char    *id)
{
  GtkSingleSelection *selection;
  GListModel *model;
  guint n;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  model = G_LIST_MODEL (store_of (view));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr (ComptoirStockRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (row->id, id) != 0)
        continue;
      gtk_single_selection_set_selected (selection, i);
      /* GTK 4.8 has no gtk_column_view_scroll_to (4.12): the list view
       * inside it has the action that scrolls. */
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
      return;
    }
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
}
