/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-scan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-gs1.h"
#include "comptoir-member.h"
#include "comptoir-scan.h"

void
comptoir_scan_clear (ComptoirScan *scan)
{
  g_clear_object (&scan->product);
  g_clear_pointer (&scan->member_id, g_free);
  g_clear_pointer (&scan->lot, g_free);
}

static void
scan_init (ComptoirScan    *scan,
           ComptoirProduct *product)
{
  memset (scan, 0, sizeof *scan);
  scan->product = product;
  scan->quantity_milli = 1000;
  scan->unit_price_cents = -1;
  scan->needs_weight = comptoir_product_get_unit (product) != COMPTOIR_UNIT_PIECE;
  g_date_clear (&scan->best_before, 1);
  g_date_clear (&scan->expiry, 1);
}

static ComptoirProduct *
find (ComptoirCatalog  *catalog,
      const char       *code,
      GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  ComptoirProduct *product = comptoir_catalog_lookup (catalog, code, &local_error);

  if (product == NULL && !g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return product;
}

/* A scale label names its article by the code with the value zeroed (the
 * form a shop registers as the article's barcode), or by its item code. */
static gboolean
resolve_scale (ComptoirCatalog      *catalog,
               ComptoirScaleReading *reading,
               const char           *text,
               ComptoirScan         *out,
               GError              **error)
{
  g_autoptr (GError) local_error = NULL;
  ComptoirProduct *product = find (catalog, reading->lookup_code, &local_error);

  if (product == NULL && local_error == NULL)
    product = find (catalog, reading->item_code, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (product == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("The scale label %s is for article %s, which is not in the catalogue. "
                     "Register the article with the code %s, or sell it by name."),
                   text, reading->item_code, reading->lookup_code);
      return FALSE;
    }

  scan_init (out, product);
  if (reading->kind == COMPTOIR_SCALE_WEIGHT)
    out->quantity_milli = reading->quantity_milli;
  else
    out->unit_price_cents = reading->price_cents;
  out->needs_weight = FALSE;
  return TRUE;
}

static gboolean
resolve_gs1 (ComptoirCatalog  *catalog,
             const char       *text,
             ComptoirScan     *out,
             GError          **error)
{
  g_autoptr (ComptoirGs1Data) data = comptoir_gs1_parse (text, -1, NULL, error);
  g_autoptr (GError) local_error = NULL;
  ComptoirProduct *product = NULL;

  if (data == NULL)
    return FALSE;

  if (data->ean13 != NULL)
    product = find (catalog, data->ean13, &local_error);
  if (product == NULL && local_error == NULL && data->gtin != NULL)
    product = find (catalog, data->gtin, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (product == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("No product has the GTIN %s of this label. Add the barcode to the product, "
                     "or sell it by name."),
                   data->gtin != NULL ? data->gtin : "—");
      return FALSE;
    }

  scan_init (out, product);
  if (data->has_net_weight)
    {
      out->quantity_milli = data->net_weight_milli;
      out->needs_weight = FALSE;
    }
  if (data->has_price)
    {
      out->unit_price_cents = data->price_cents;
      out->needs_weight = FALSE;
    }
  out->lot = g_strdup (data->batch);
  out->best_before = data->best_before_date;
  out->expiry = data->expiry_date;
  return TRUE;
}

static gboolean
looks_like_gs1 (const char *text)
{
  /* Plain digits are ambiguous ("21…" would read as a GS1 serial number):
   * only a symbology identifier, a group separator, brackets or a leading
   * GTIN mark a GS1 element string. */
  return text[0] == ']' || text[0] == '(' || strchr (text, '\x1d') != NULL ||
         (g_str_has_prefix (text, "01") && strlen (text) > 16);
}

gboolean
comptoir_scan_resolve (ComptoirCatalog     *catalog,
                       ComptoirScaleRules  *rules,
                       const char          *text,
                       ComptoirScan        *out,
                       GError             **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr (GError) local_error = NULL;
  ComptoirScaleReading reading;
  ComptoirProduct *product;

  g_return_val_if_fail (COMPTOIR_IS_CATALOG (catalog), FALSE);

  if (clean[0] == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Nothing was read. Scan the code again."));
      return FALSE;
    }

  if (!looks_like_gs1 (clean))
    {
      product = find (catalog, clean, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (product != NULL)
        {
          scan_init (out, product);
          return TRUE;
        }

      {
        g_auto (ComptoirMemberAtTill) member = { 0 };

        if (comptoir_member_lookup_card (comptoir_catalog_get_db (catalog), clean, &member, &local_error))
          {
            memset (out, 0, sizeof *out);
            out->member_id = g_steal_pointer (&member.id);
            g_date_clear (&out->best_before, 1);
            g_date_clear (&out->expiry, 1);
            return TRUE;
          }
        if (!g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        g_clear_error (&local_error);
      }

      if (rules != NULL && comptoir_scale_rules_match (rules, clean, &reading, &local_error))
        return resolve_scale (catalog, &reading, clean, out, error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* A barcode-shaped code with a wrong check digit is a misread: say
       * so rather than "unknown product". */
      if (strspn (clean, "0123456789") == strlen (clean) &&
          (strlen (clean) == 8 || strlen (clean) == 12 || strlen (clean) == 13) &&
          comptoir_barcode_classify (clean) == COMPTOIR_BARCODE_INVALID)
        {
          g_free (comptoir_barcode_normalize (clean, error));  /* sets the check-digit message */
          return FALSE;
        }

      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("No product has the code %s. Scan again, or find the product by name."),
                   clean);
      return FALSE;
    }

  return resolve_gs1 (catalog, clean, out, error);
}
