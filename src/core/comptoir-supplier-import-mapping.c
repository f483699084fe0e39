/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-supplier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "comptoir-csv.h"
#include "comptoir-import-columns.h"
#include "comptoir-supplier-import.h"
#include "comptoir-supplier-private.h"

/* Which column of a supplier's file is what. Headers are compared as
 * comptoir_import_header_key() makes them: "Prix HT (€)", "PRIX HT" and
 * "prix_ht" are one. */

static const char *column_keys[COMPTOIR_SUPPLIER_N_COLS] = {
  [COMPTOIR_SUPPLIER_COL_REF] = "ref",
  [COMPTOIR_SUPPLIER_COL_BARCODE] = "barcode",
  [COMPTOIR_SUPPLIER_COL_NAME] = "name",
  [COMPTOIR_SUPPLIER_COL_PACK] = "pack",
  [COMPTOIR_SUPPLIER_COL_PRICE] = "price",
  [COMPTOIR_SUPPLIER_COL_PACK_PRICE] = "pack-price",
  [COMPTOIR_SUPPLIER_COL_VAT] = "vat",
};

/* What wholesalers' and producers' exports call their columns. */
static const struct {
  ComptoirSupplierColumn  column;
  const char             *header;
} synonyms[] = {
  { COMPTOIR_SUPPLIER_COL_REF, "ref" }, { COMPTOIR_SUPPLIER_COL_REF, "référence" },
  { COMPTOIR_SUPPLIER_COL_REF, "reference" }, { COMPTOIR_SUPPLIER_COL_REF, "réf fournisseur" },
  { COMPTOIR_SUPPLIER_COL_REF, "référence fournisseur" }, { COMPTOIR_SUPPLIER_COL_REF, "code article" },
  { COMPTOIR_SUPPLIER_COL_REF, "code" }, { COMPTOIR_SUPPLIER_COL_REF, "code produit" },
  { COMPTOIR_SUPPLIER_COL_REF, "réf article" }, { COMPTOIR_SUPPLIER_COL_REF, "référence article" },
  { COMPTOIR_SUPPLIER_COL_REF, "n° article" }, { COMPTOIR_SUPPLIER_COL_REF, "sku" },
  { COMPTOIR_SUPPLIER_COL_REF, "item code" }, { COMPTOIR_SUPPLIER_COL_REF, "item" },
  { COMPTOIR_SUPPLIER_COL_REF, "supplier ref" }, { COMPTOIR_SUPPLIER_COL_REF, "supplier reference" },
  { COMPTOIR_SUPPLIER_COL_REF, "product code" },
  { COMPTOIR_SUPPLIER_COL_BARCODE, "ean" }, { COMPTOIR_SUPPLIER_COL_BARCODE, "ean13" },
  { COMPTOIR_SUPPLIER_COL_BARCODE, "code ean" }, { COMPTOIR_SUPPLIER_COL_BARCODE, "gencod" },
  { COMPTOIR_SUPPLIER_COL_BARCODE, "gencode" }, { COMPTOIR_SUPPLIER_COL_BARCODE, "code-barres" },
  { COMPTOIR_SUPPLIER_COL_BARCODE, "code barre" }, { COMPTOIR_SUPPLIER_COL_BARCODE, "ean uvc" },
  { COMPTOIR_SUPPLIER_COL_BARCODE, "barcode" }, { COMPTOIR_SUPPLIER_COL_BARCODE, "gtin" },
  { COMPTOIR_SUPPLIER_COL_BARCODE, "upc" },
  { COMPTOIR_SUPPLIER_COL_NAME, "désignation" }, { COMPTOIR_SUPPLIER_COL_NAME, "libellé" },
  { COMPTOIR_SUPPLIER_COL_NAME, "libellé article" }, { COMPTOIR_SUPPLIER_COL_NAME, "nom" },
  { COMPTOIR_SUPPLIER_COL_NAME, "nom du produit" }, { COMPTOIR_SUPPLIER_COL_NAME, "produit" },
  { COMPTOIR_SUPPLIER_COL_NAME, "article" }, { COMPTOIR_SUPPLIER_COL_NAME, "description" },
  { COMPTOIR_SUPPLIER_COL_NAME, "name" }, { COMPTOIR_SUPPLIER_COL_NAME, "product" },
  { COMPTOIR_SUPPLIER_COL_NAME, "product name" },
  { COMPTOIR_SUPPLIER_COL_PACK, "colisage" }, { COMPTOIR_SUPPLIER_COL_PACK, "conditionnement" },
  { COMPTOIR_SUPPLIER_COL_PACK, "cond" }, { COMPTOIR_SUPPLIER_COL_PACK, "pcb" },
  { COMPTOIR_SUPPLIER_COL_PACK, "colis" }, { COMPTOIR_SUPPLIER_COL_PACK, "par colis" },
  { COMPTOIR_SUPPLIER_COL_PACK, "qté colis" }, { COMPTOIR_SUPPLIER_COL_PACK, "quantité par colis" },
  { COMPTOIR_SUPPLIER_COL_PACK, "unités par colis" }, { COMPTOIR_SUPPLIER_COL_PACK, "uvc par colis" },
  { COMPTOIR_SUPPLIER_COL_PACK, "nb uvc" }, { COMPTOIR_SUPPLIER_COL_PACK, "pack" },
  { COMPTOIR_SUPPLIER_COL_PACK, "pack size" }, { COMPTOIR_SUPPLIER_COL_PACK, "case size" },
  { COMPTOIR_SUPPLIER_COL_PACK, "units per case" },
  { COMPTOIR_SUPPLIER_COL_PRICE, "prix ht" }, { COMPTOIR_SUPPLIER_COL_PRICE, "prix unitaire ht" },
  { COMPTOIR_SUPPLIER_COL_PRICE, "prix achat ht" }, { COMPTOIR_SUPPLIER_COL_PRICE, "prix d'achat ht" },
  { COMPTOIR_SUPPLIER_COL_PRICE, "prix achat" }, { COMPTOIR_SUPPLIER_COL_PRICE, "prix d'achat" },
  { COMPTOIR_SUPPLIER_COL_PRICE, "pu ht" }, { COMPTOIR_SUPPLIER_COL_PRICE, "prix uvc ht" },
  { COMPTOIR_SUPPLIER_COL_PRICE, "prix" }, { COMPTOIR_SUPPLIER_COL_PRICE, "tarif" },
  { COMPTOIR_SUPPLIER_COL_PRICE, "tarif ht" }, { COMPTOIR_SUPPLIER_COL_PRICE, "prix au kg ht" },
  { COMPTOIR_SUPPLIER_COL_PRICE, "price" }, { COMPTOIR_SUPPLIER_COL_PRICE, "unit price" },
  { COMPTOIR_SUPPLIER_COL_PRICE, "cost" }, { COMPTOIR_SUPPLIER_COL_PRICE, "net price" },
  { COMPTOIR_SUPPLIER_COL_PACK_PRICE, "prix colis" }, { COMPTOIR_SUPPLIER_COL_PACK_PRICE, "prix colis ht" },
  { COMPTOIR_SUPPLIER_COL_PACK_PRICE, "prix du colis" }, { COMPTOIR_SUPPLIER_COL_PACK_PRICE, "prix du colis ht" },
  { COMPTOIR_SUPPLIER_COL_PACK_PRICE, "prix carton ht" }, { COMPTOIR_SUPPLIER_COL_PACK_PRICE, "tarif colis" },
  { COMPTOIR_SUPPLIER_COL_PACK_PRICE, "case price" }, { COMPTOIR_SUPPLIER_COL_PACK_PRICE, "pack price" },
  { COMPTOIR_SUPPLIER_COL_VAT, "tva" }, { COMPTOIR_SUPPLIER_COL_VAT, "taux tva" },
  { COMPTOIR_SUPPLIER_COL_VAT, "taux de tva" }, { COMPTOIR_SUPPLIER_COL_VAT, "tx tva" },
  { COMPTOIR_SUPPLIER_COL_VAT, "vat" }, { COMPTOIR_SUPPLIER_COL_VAT, "vat rate" },
};

const char *
comptoir_supplier_column_to_key (ComptoirSupplierColumn column)
{
  g_return_val_if_fail (column < COMPTOIR_SUPPLIER_N_COLS, NULL);
  return column_keys[column];
}

const char *
comptoir_supplier_column_get_label (ComptoirSupplierColumn column)
{
  switch (column)
    {
    case COMPTOIR_SUPPLIER_COL_REF:        return _("supplier reference");
    case COMPTOIR_SUPPLIER_COL_BARCODE:    return _("barcode");
    case COMPTOIR_SUPPLIER_COL_NAME:       return _("name");
    case COMPTOIR_SUPPLIER_COL_PACK:       return _("pack size");
    case COMPTOIR_SUPPLIER_COL_PRICE:      return _("unit price excluding VAT");
    case COMPTOIR_SUPPLIER_COL_PACK_PRICE: return _("pack price excluding VAT");
    case COMPTOIR_SUPPLIER_COL_VAT:        return _("VAT rate");
    case COMPTOIR_SUPPLIER_N_COLS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
column_for_key (const char *key)
{
  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    if (g_str_equal (key, column_keys[c]))
      return c;
  /* "pack_price", as a script may write it. */
  if (g_str_equal (key, "pack_price"))
    return COMPTOIR_SUPPLIER_COL_PACK_PRICE;
  return -1;
}

ComptoirSupplierMapping *
comptoir_supplier_mapping_new (void)
{
  return g_new0 (ComptoirSupplierMapping, 1);
}

ComptoirSupplierMapping *
comptoir_supplier_mapping_copy (const ComptoirSupplierMapping *mapping)
{
  ComptoirSupplierMapping *copy = comptoir_supplier_mapping_new ();

  g_return_val_if_fail (mapping != NULL, copy);
  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    copy->headers[c] = g_strdup (mapping->headers[c]);
  return copy;
}

void
comptoir_supplier_mapping_free (ComptoirSupplierMapping *mapping)
{
  if (mapping == NULL)
    return;
  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    g_free (mapping->headers[c]);
  g_free (mapping);
}

ComptoirSupplierMapping *
comptoir_supplier_mapping_parse (const char  *text,
                                 GError     **error)
{
  g_autoptr (ComptoirSupplierMapping) mapping = comptoir_supplier_mapping_new ();
  g_auto (GStrv) pairs = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_autofree char *pair = g_strstrip (g_strdup (pairs[i]));
      const char *equal = strchr (pair, '=');
      g_autofree char *key = NULL;
      g_autofree char *header = NULL;
      int column;

      if (pair[0] == '\0')
        continue;
      if (equal != NULL)
        {
          key = g_strstrip (g_strndup (pair, equal - pair));
          header = g_strstrip (g_strdup (equal + 1));
        }
      column = key != NULL ? column_for_key (key) : -1;
      if (column < 0 || header[0] == '\0')
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("“%s” does not say which column is what. Write it like “ref=Réf,barcode=EAN,"
                         "name=Désignation,pack=Colisage,price=Prix HT,vat=TVA” (also pack-price=)."),
                       pair);
          return NULL;
        }
      g_free (mapping->headers[column]);
      mapping->headers[column] = g_steal_pointer (&header);
    }
  return g_steal_pointer (&mapping);
}

char *
comptoir_supplier_mapping_format (const ComptoirSupplierMapping *mapping)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    if (mapping->headers[c] != NULL)
      g_string_append_printf (text, "%s%s=%s", text->len > 0 ? ", " : "", column_keys[c], mapping->headers[c]);
  return g_string_free (text, FALSE);
}

char *
comptoir_supplier_mapping_to_json (const ComptoirSupplierMapping *mapping)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    if (mapping->headers[c] != NULL)
      {
        json_builder_set_member_name (builder, column_keys[c]);
        json_builder_add_string_value (builder, mapping->headers[c]);
      }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

ComptoirSupplierMapping *
comptoir_supplier_mapping_from_json (const char  *json,
                                     GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (ComptoirSupplierMapping) mapping = comptoir_supplier_mapping_new ();
  JsonObject *object;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CORRUPT,
                           _("The saved column mapping of this supplier cannot be read. Give the mapping "
                             "again when importing their catalogue."));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  /* Keys a newer version saved are left out, not refused. */
  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    {
      JsonNode *node = json_object_get_member (object, column_keys[c]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        mapping->headers[c] = g_strdup (json_node_get_string (node));
    }
  return g_steal_pointer (&mapping);
}

static int
column_for_header_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      g_autofree char *candidate = comptoir_import_header_key (synonyms[i].header);

      if (g_str_equal (key, candidate))
        return synonyms[i].column;
    }
  return -1;
}

static int
column_for_header (const char *header)
{
  static const char *suffixes[] = { "euros", "euro", "eur" };
  g_autofree char *key = comptoir_import_header_key (header);
  int column = column_for_header_key (key);

  /* "Prix HT (€)", "Prix HT en euros" */
  for (guint i = 0; column < 0 && i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (key, suffixes[i]))
      {
        key[strlen (key) - strlen (suffixes[i])] = '\0';
        column = column_for_header_key (key);
      }
  return column;
}

ComptoirSupplierMapping *
comptoir_supplier_mapping_guess (const char * const *header)
{
  ComptoirSupplierMapping *mapping = comptoir_supplier_mapping_new ();

  /* The first column of each meaning wins: "Code" then "Réf" are both
   * references, the first is the one their order forms use. */
  for (guint i = 0; header != NULL && header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[i]));
      int column;

      if (name[0] == '\0')
        continue;
      column = column_for_header (name);
      if (column >= 0 && mapping->headers[column] == NULL)
        mapping->headers[column] = g_steal_pointer (&name);
    }
  return mapping;
}

ComptoirSupplierMapping *
comptoir_supplier_load_mapping (ComptoirDb  *db,
                                const char  *supplier_id,
                                GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *json = _comptoir_supplier_dup_import_mapping (db, supplier_id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (json == NULL)
    return NULL;
  return comptoir_supplier_mapping_from_json (json, error);
}
