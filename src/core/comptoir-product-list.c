/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-product-list"

#include "config.h"

#include "comptoir-product-list.h"

#define CACHE_LIMIT 1024

struct _ComptoirProductList
{
  GObject             parent_instance;

  ComptoirCatalog    *catalog;
  GArray             *rowids;
  GHashTable         *cache;   /* rowid → ComptoirProduct */
  GCancellable       *pending;
  char               *text;
  ComptoirProductSort sort;
  gboolean            descending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ComptoirProductList, comptoir_product_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

enum {
  QUERY_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return COMPTOIR_TYPE_PRODUCT;
}

static guint
get_n_items (GListModel *model)
{
  return COMPTOIR_PRODUCT_LIST (model)->rowids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  ComptoirProductList *self = COMPTOIR_PRODUCT_LIST (model);
  g_autoptr (GError) error = NULL;
  ComptoirProduct *product;
  gint64 rowid;

  if (position >= self->rowids->len)
    return NULL;

  rowid = g_array_index (self->rowids, gint64, position);
  product = g_hash_table_lookup (self->cache, &rowid);
  if (product != NULL)
    return g_object_ref (product);

  product = comptoir_catalog_get_by_rowid (self->catalog, rowid, &error);
  if (product == NULL)
    {
      /* Deleted under us by another connection: show a blank row rather
       * than break the list's contract of returning an item. */
      g_warning ("Product %" G_GINT64_FORMAT " unreadable: %s", rowid, error->message);
      return comptoir_product_new ();
    }

  /* Widgets hold the products they show; the cache only saves re-reads
   * while scrolling back and forth. */
  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&rowid, sizeof rowid), g_object_ref (product));

  return product;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
comptoir_product_list_dispose (GObject *object)
{
  ComptoirProductList *self = COMPTOIR_PRODUCT_LIST (object);

  if (self->pending != NULL)
    g_cancellable_cancel (self->pending);
  g_clear_object (&self->pending);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (comptoir_product_list_parent_class)->dispose (object);
}

static void
comptoir_product_list_finalize (GObject *object)
{
  ComptoirProductList *self = COMPTOIR_PRODUCT_LIST (object);

  g_array_unref (self->rowids);
  g_hash_table_unref (self->cache);
  g_free (self->text);

  G_OBJECT_CLASS (comptoir_product_list_parent_class)->finalize (object);
}

static void
comptoir_product_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ComptoirProductList *self = COMPTOIR_PRODUCT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rowids->len);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->pending != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comptoir_product_list_class_init (ComptoirProductListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = comptoir_product_list_dispose;
  object_class->finalize = comptoir_product_list_finalize;
  object_class->get_property = comptoir_product_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[QUERY_FAILED] =
    g_signal_new ("query-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
comptoir_product_list_init (ComptoirProductList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->text = g_strdup ("");
}

ComptoirProductList *
comptoir_product_list_new (ComptoirCatalog *catalog)
{
  ComptoirProductList *self;

  g_return_val_if_fail (COMPTOIR_IS_CATALOG (catalog), NULL);

  self = g_object_new (COMPTOIR_TYPE_PRODUCT_LIST, NULL);
  self->catalog = g_object_ref (catalog);
  return self;
}

ComptoirCatalog *
comptoir_product_list_get_catalog (ComptoirProductList *self)
{
  return self->catalog;
}

const char *
comptoir_product_list_get_text (ComptoirProductList *self)
{
  return self->text;
}

ComptoirProductSort
comptoir_product_list_get_sort (ComptoirProductList *self)
{
  return self->sort;
}

gboolean
comptoir_product_list_get_descending (ComptoirProductList *self)
{
  return self->descending;
}

gboolean
comptoir_product_list_get_loading (ComptoirProductList *self)
{
  return self->pending != NULL;
}

static void
replace_rowids (ComptoirProductList *self,
                GArray              *rowids)
{
  guint removed = self->rowids->len;

  g_hash_table_remove_all (self->cache);

  /* Two signals rather than one, the list really empty in between: GTK
   * 4.8's list views keep the row widgets of a same-sized replacement bound
   * to their old items (a new sort of the same 100,000 rows showed the old
   * order until scrolled). */
  g_array_set_size (self->rowids, 0);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);

  g_array_unref (self->rowids);
  self->rowids = g_array_ref (rowids);
  if (rowids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, rowids->len);

  if (removed != rowids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
remember_query (ComptoirProductList *self,
                const char          *text,
                ComptoirProductSort  sort,
                gboolean             descending)
{
  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");
  self->sort = sort;
  self->descending = descending;
}

typedef struct {
  ComptoirProductList *self;
  GCancellable        *cancellable;
} QueryData;

static void
query_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  QueryData *data = user_data;
  ComptoirProductList *self = data->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rowids = comptoir_catalog_search_finish (COMPTOIR_CATALOG (source), result, &error);

  /* Only the latest query may change the list. */
  if (self->pending == data->cancellable)
    {
      g_clear_object (&self->pending);
      if (rowids != NULL)
        replace_rowids (self, rowids);
      else
        g_signal_emit (self, signals[QUERY_FAILED], 0, error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }

  g_object_unref (data->cancellable);
  g_object_unref (data->self);
  g_free (data);
}

void
comptoir_product_list_query (ComptoirProductList *self,
                             const char          *text,
                             ComptoirProductSort  sort,
                             gboolean             descending)
{
  QueryData *data;
  gboolean was_loading = self->pending != NULL;

  g_return_if_fail (COMPTOIR_IS_PRODUCT_LIST (self));

  remember_query (self, text, sort, descending);

  if (self->pending != NULL)
    g_cancellable_cancel (self->pending);
  g_clear_object (&self->pending);
  self->pending = g_cancellable_new ();

  data = g_new0 (QueryData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->pending);

  comptoir_catalog_search_async (self->catalog, text, sort, descending,
                                 self->pending, query_done, data);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
comptoir_product_list_query_sync (ComptoirProductList  *self,
                                  const char           *text,
                                  ComptoirProductSort   sort,
                                  gboolean              descending,
                                  GError              **error)
{
  g_autoptr (GArray) rowids = NULL;

  g_return_val_if_fail (COMPTOIR_IS_PRODUCT_LIST (self), FALSE);

  rowids = comptoir_catalog_search (self->catalog, text, sort, descending, error);
  if (rowids == NULL)
    return FALSE;

  remember_query (self, text, sort, descending);
  replace_rowids (self, rowids);
  return TRUE;
}

guint
comptoir_product_list_refresh (ComptoirProductList *self,
                               ComptoirProduct     *product)
{
  gint64 rowid = comptoir_product_get_rowid (product);

  g_hash_table_remove (self->cache, &rowid);

  for (guint i = 0; i < self->rowids->len; i++)
    if (g_array_index (self->rowids, gint64, i) == rowid)
      {
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
        return i;
      }

  /* A product just created shows first, whatever the order, so that the
   * person sees what they made. */
  g_array_prepend_val (self->rowids, rowid);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return 0;
}
