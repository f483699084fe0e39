/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-product"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-money.h"
#include "comptoir-product.h"

G_DEFINE_ENUM_TYPE (ComptoirUnit, comptoir_unit,
  G_DEFINE_ENUM_VALUE (COMPTOIR_UNIT_PIECE, "piece"),
  G_DEFINE_ENUM_VALUE (COMPTOIR_UNIT_KG, "kg"),
  G_DEFINE_ENUM_VALUE (COMPTOIR_UNIT_LITRE, "litre"))

static const char *unit_names[] = { "piece", "kg", "litre" };

const char *
comptoir_unit_to_string (ComptoirUnit unit)
{
  g_return_val_if_fail (unit <= COMPTOIR_UNIT_LITRE, "piece");
  return unit_names[unit];
}

gboolean
comptoir_unit_from_string (const char   *text,
                           ComptoirUnit *out_unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    if (g_strcmp0 (text, unit_names[i]) == 0)
      {
        *out_unit = (ComptoirUnit) i;
        return TRUE;
      }
  return FALSE;
}

const char *
comptoir_unit_get_label (ComptoirUnit unit)
{
  switch (unit)
    {
    case COMPTOIR_UNIT_KG:
      return _("per kg");
    case COMPTOIR_UNIT_LITRE:
      return _("per litre");
    case COMPTOIR_UNIT_PIECE:
    default:
      return _("per piece");
    }
}

struct _ComptoirProduct
{
  GObject       parent_instance;

  gint64        rowid;
  char         *id;
  char         *code;
  char         *name;
  GStrv         barcodes;
  ComptoirUnit  unit;
  gint64        price_cents;
  int           vat_bp;
  char         *category_id;
  char         *category_name;
  char         *supplier_ref;
  char         *origin;
  gboolean      organic;
  gboolean      quick;
  gboolean      active;
};

G_DEFINE_FINAL_TYPE (ComptoirProduct, comptoir_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_BARCODES,
  PROP_BARCODES_TEXT,
  PROP_UNIT,
  PROP_UNIT_LABEL,
  PROP_PRICE_CENTS,
  PROP_PRICE_TEXT,
  PROP_VAT_BP,
  PROP_VAT_TEXT,
  PROP_CATEGORY_ID,
  PROP_CATEGORY_NAME,
  PROP_SUPPLIER_REF,
  PROP_ORIGIN,
  PROP_ORGANIC,
  PROP_QUICK,
  PROP_ACTIVE,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
comptoir_product_finalize (GObject *object)
{
  ComptoirProduct *self = COMPTOIR_PRODUCT (object);

  g_free (self->id);
  g_free (self->code);
  g_free (self->name);
  g_strfreev (self->barcodes);
  g_free (self->category_id);
  g_free (self->category_name);
  g_free (self->supplier_ref);
  g_free (self->origin);

  G_OBJECT_CLASS (comptoir_product_parent_class)->finalize (object);
}

static void
comptoir_product_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ComptoirProduct *self = COMPTOIR_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_BARCODES:
      g_value_set_boxed (value, self->barcodes);
      break;
    case PROP_BARCODES_TEXT:
      g_value_take_string (value, self->barcodes ? g_strjoinv (", ", self->barcodes) : g_strdup (""));
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_UNIT_LABEL:
      g_value_set_string (value, comptoir_unit_get_label (self->unit));
      break;
    case PROP_PRICE_CENTS:
      g_value_set_int64 (value, self->price_cents);
      break;
    case PROP_PRICE_TEXT:
      {
        g_autofree char *amount = comptoir_money_format_local (self->price_cents);
        /* Translators: a price, e.g. "2.35 €"; the first %s is the amount */
        g_value_take_string (value, g_strdup_printf (_("%s €"), amount));
      }
      break;
    case PROP_VAT_BP:
      g_value_set_int (value, self->vat_bp);
      break;
    case PROP_VAT_TEXT:
      g_value_take_string (value, comptoir_vat_rate_format (self->vat_bp));
      break;
    case PROP_CATEGORY_ID:
      g_value_set_string (value, self->category_id);
      break;
    case PROP_CATEGORY_NAME:
      g_value_set_string (value, self->category_name);
      break;
    case PROP_SUPPLIER_REF:
      g_value_set_string (value, self->supplier_ref);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    case PROP_ORGANIC:
      g_value_set_boolean (value, self->organic);
      break;
    case PROP_QUICK:
      g_value_set_boolean (value, self->quick);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_STATUS_LABEL:
      /* Only the exception is worth a word in a list of 100,000. */
      g_value_set_string (value, self->active ? "" : _("Withdrawn"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comptoir_product_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ComptoirProduct *self = COMPTOIR_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_CODE:
      comptoir_product_set_code (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      comptoir_product_set_name (self, g_value_get_string (value));
      break;
    case PROP_BARCODES:
      comptoir_product_set_barcodes (self, g_value_get_boxed (value));
      break;
    case PROP_UNIT:
      comptoir_product_set_unit (self, g_value_get_enum (value));
      break;
    case PROP_PRICE_CENTS:
      comptoir_product_set_price_cents (self, g_value_get_int64 (value));
      break;
    case PROP_VAT_BP:
      comptoir_product_set_vat_bp (self, g_value_get_int (value));
      break;
    case PROP_SUPPLIER_REF:
      comptoir_product_set_supplier_ref (self, g_value_get_string (value));
      break;
    case PROP_ORIGIN:
      comptoir_product_set_origin (self, g_value_get_string (value));
      break;
    case PROP_ORGANIC:
      comptoir_product_set_organic (self, g_value_get_boolean (value));
      break;
    case PROP_QUICK:
      comptoir_product_set_quick (self, g_value_get_boolean (value));
      break;
    case PROP_ACTIVE:
      comptoir_product_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comptoir_product_class_init (ComptoirProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = comptoir_product_finalize;
  object_class->get_property = comptoir_product_get_property;
  object_class->set_property = comptoir_product_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_BARCODES] = g_param_spec_boxed ("barcodes", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_BARCODES_TEXT] = g_param_spec_string ("barcodes-text", NULL, NULL, NULL, ro);
  properties[PROP_UNIT] = g_param_spec_enum ("unit", NULL, NULL, COMPTOIR_TYPE_UNIT, COMPTOIR_UNIT_PIECE, rw);
  properties[PROP_UNIT_LABEL] = g_param_spec_string ("unit-label", NULL, NULL, NULL, ro);
  properties[PROP_PRICE_CENTS] = g_param_spec_int64 ("price-cents", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PRICE_TEXT] = g_param_spec_string ("price-text", NULL, NULL, NULL, ro);
  properties[PROP_VAT_BP] = g_param_spec_int ("vat-bp", NULL, NULL, 0, 10000, 2000, rw);
  properties[PROP_VAT_TEXT] = g_param_spec_string ("vat-text", NULL, NULL, NULL, ro);
  properties[PROP_CATEGORY_ID] = g_param_spec_string ("category-id", NULL, NULL, NULL, ro);
  properties[PROP_CATEGORY_NAME] = g_param_spec_string ("category-name", NULL, NULL, NULL, ro);
  properties[PROP_SUPPLIER_REF] = g_param_spec_string ("supplier-ref", NULL, NULL, NULL, rw);
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, rw);
  properties[PROP_ORGANIC] = g_param_spec_boolean ("organic", NULL, NULL, FALSE, rw);
  properties[PROP_QUICK] = g_param_spec_boolean ("quick", NULL, NULL, FALSE, rw);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, rw);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
comptoir_product_init (ComptoirProduct *self)
{
  self->vat_bp = 2000;
  self->active = TRUE;
  self->barcodes = g_new0 (char *, 1);
}

ComptoirProduct *
comptoir_product_new (void)
{
  return g_object_new (COMPTOIR_TYPE_PRODUCT, NULL);
}

ComptoirProduct *
comptoir_product_copy (ComptoirProduct *self)
{
  ComptoirProduct *copy = comptoir_product_new ();

  copy->rowid = self->rowid;
  copy->id = g_strdup (self->id);
  copy->code = g_strdup (self->code);
  copy->name = g_strdup (self->name);
  g_strfreev (copy->barcodes);
  copy->barcodes = g_strdupv (self->barcodes);
  copy->unit = self->unit;
  copy->price_cents = self->price_cents;
  copy->vat_bp = self->vat_bp;
  copy->category_id = g_strdup (self->category_id);
  copy->category_name = g_strdup (self->category_name);
  copy->supplier_ref = g_strdup (self->supplier_ref);
  copy->origin = g_strdup (self->origin);
  copy->organic = self->organic;
  copy->quick = self->quick;
  copy->active = self->active;

  return copy;
}

void
_comptoir_product_set_identity (ComptoirProduct *self,
                                gint64           rowid,
                                const char      *id)
{
  self->rowid = rowid;
  g_free (self->id);
  self->id = g_strdup (id);
}

gint64
comptoir_product_get_rowid (ComptoirProduct *self)
{
  return self->rowid;
}

const char *
comptoir_product_get_id (ComptoirProduct *self)
{
  return self->id;
}

/* GLib 2.74 has no g_set_str. */
static gboolean
replace_str (char       **field,
             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_string (ComptoirProduct  *self,
            char            **field,
            const char       *value,
            guint             prop)
{
  if (replace_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

#define STRING_ACCESSORS(field, PROP)                                            \
  const char *                                                                   \
  comptoir_product_get_##field (ComptoirProduct *self)                           \
  {                                                                              \
    return self->field;                                                          \
  }                                                                              \
  void                                                                           \
  comptoir_product_set_##field (ComptoirProduct *self, const char *value)        \
  {                                                                              \
    set_string (self, &self->field, value, PROP);                                \
  }

STRING_ACCESSORS (code, PROP_CODE)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (supplier_ref, PROP_SUPPLIER_REF)
STRING_ACCESSORS (origin, PROP_ORIGIN)

const char * const *
comptoir_product_get_barcodes (ComptoirProduct *self)
{
  return (const char * const *) self->barcodes;
}

void
comptoir_product_set_barcodes (ComptoirProduct    *self,
                               const char * const *barcodes)
{
  if (g_strv_equal ((const char * const *) self->barcodes,
                    barcodes ? barcodes : (const char * const[]) { NULL }))
    return;
  g_strfreev (self->barcodes);
  self->barcodes = barcodes ? g_strdupv ((char **) barcodes) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BARCODES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BARCODES_TEXT]);
}

ComptoirUnit
comptoir_product_get_unit (ComptoirProduct *self)
{
  return self->unit;
}

void
comptoir_product_set_unit (ComptoirProduct *self,
                           ComptoirUnit     unit)
{
  if (self->unit == unit)
    return;
  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_LABEL]);
}

gint64
comptoir_product_get_price_cents (ComptoirProduct *self)
{
  return self->price_cents;
}

void
comptoir_product_set_price_cents (ComptoirProduct *self,
                                  gint64           cents)
{
  if (self->price_cents == cents)
    return;
  self->price_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_CENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_TEXT]);
}

int
comptoir_product_get_vat_bp (ComptoirProduct *self)
{
  return self->vat_bp;
}

void
comptoir_product_set_vat_bp (ComptoirProduct *self,
                             int              vat_bp)
{
  if (self->vat_bp == vat_bp)
    return;
  self->vat_bp = vat_bp;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAT_BP]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAT_TEXT]);
}

const char *
comptoir_product_get_category_id (ComptoirProduct *self)
{
  return self->category_id;
}

const char *
comptoir_product_get_category_name (ComptoirProduct *self)
{
  return self->category_name;
}

void
comptoir_product_set_category (ComptoirProduct *self,
                               const char      *id,
                               const char      *name)
{
  if (replace_str (&self->category_id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_ID]);
  if (replace_str (&self->category_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_NAME]);
}

gboolean
comptoir_product_get_organic (ComptoirProduct *self)
{
  return self->organic;
}

void
comptoir_product_set_organic (ComptoirProduct *self,
                              gboolean         organic)
{
  organic = !!organic;
  if (self->organic == organic)
    return;
  self->organic = organic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIC]);
}

gboolean
comptoir_product_get_quick (ComptoirProduct *self)
{
  return self->quick;
}

void
comptoir_product_set_quick (ComptoirProduct *self,
                            gboolean         quick)
{
  quick = !!quick;
  if (self->quick == quick)
    return;
  self->quick = quick;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUICK]);
}

gboolean
comptoir_product_get_active (ComptoirProduct *self)
{
  return self->active;
}

void
comptoir_product_set_active (ComptoirProduct *self,
                             gboolean         active)
{
  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}
