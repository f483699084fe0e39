/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-supplier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "comptoir-money.h"
#include "comptoir-supplier-import-private.h"

/* What a supplier catalogue import did, or would do: the lines' report
 * the product and member imports share, the columns used, the lines
 * linked by barcode, and the purchase prices that change, side by side. */

void
_comptoir_purchase_price_change_clear (gpointer data)
{
  ComptoirPurchasePriceChange *change = data;

  g_free (change->supplier_ref);
  g_free (change->name);
  g_free (change->product_id);
}

void
comptoir_supplier_import_report_free (ComptoirSupplierImportReport *report)
{
  if (report == NULL)
    return;
  comptoir_import_report_free (report->lines);
  comptoir_supplier_mapping_free (report->mapping);
  g_array_unref (report->price_changes);
  g_free (report);
}

ComptoirImportReport *
comptoir_supplier_import_report_get_lines (ComptoirSupplierImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->lines;
}

const ComptoirSupplierMapping *
comptoir_supplier_import_report_get_mapping (ComptoirSupplierImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->mapping;
}

ComptoirSupplierMappingSource
comptoir_supplier_import_report_get_mapping_source (ComptoirSupplierImportReport *report)
{
  g_return_val_if_fail (report != NULL, COMPTOIR_SUPPLIER_MAPPING_GUESSED);
  return report->source;
}

guint
comptoir_supplier_import_report_get_n_linked (ComptoirSupplierImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_linked;
}

guint
comptoir_supplier_import_report_get_n_price_changes (ComptoirSupplierImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->price_changes->len;
}

const ComptoirPurchasePriceChange *
comptoir_supplier_import_report_get_price_change (ComptoirSupplierImportReport *report,
                                                  guint                         index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->price_changes->len, NULL);
  return &g_array_index (report->price_changes, ComptoirPurchasePriceChange, index);
}

static char *
euros (gint64 cents)
{
  g_autofree char *amount = comptoir_money_format_local (cents);

  return g_strdup_printf (_("%s €"), amount);
}

/* "+4.2 %", to a tenth of a percent. */
static char *
percent (int change_bp)
{
  const char *mark = localeconv ()->decimal_point;
  gint64 tenths = comptoir_money_div_round (change_bp, 10);
  gint64 magnitude = ABS (tenths);

  return g_strdup_printf ("%s%lld%s%lld %%", tenths < 0 ? "−" : "+", (long long) (magnitude / 10),
                          mark != NULL && mark[0] != '\0' ? mark : ".", (long long) (magnitude % 10));
}

char *
comptoir_supplier_import_report_format (ComptoirSupplierImportReport *report)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *details = NULL;
  g_autofree char *columns = NULL;
  ComptoirImportReport *lines;

  g_return_val_if_fail (report != NULL, NULL);
  lines = report->lines;

  if (comptoir_import_report_get_dry_run (lines))
    g_string_append_printf (text, "%s\n", _("Trial run: nothing was written. This is what the import would do."));

  columns = comptoir_supplier_mapping_format (report->mapping);
  switch (report->source)
    {
    case COMPTOIR_SUPPLIER_MAPPING_SAVED:
      g_string_append_printf (text, _("Columns saved at the last import: %s."), columns);
      break;
    case COMPTOIR_SUPPLIER_MAPPING_GIVEN:
      g_string_append_printf (text, _("Columns as given: %s."), columns);
      break;
    case COMPTOIR_SUPPLIER_MAPPING_GUESSED:
    default:
      g_string_append_printf (text, _("Columns recognised from their names: %s."), columns);
      if (report->saved_did_not_fit)
        g_string_append_printf (text, " %s", _("The columns saved at the last import are not all in this file."));
      break;
    }
  g_string_append_c (text, '\n');

  details = comptoir_import_report_format_details (lines);
  g_string_append (text, details);

  if (report->n_linked > 0)
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u line linked to our products by its barcode.",
                                                 "%u lines linked to our products by their barcode.",
                                                 report->n_linked),
                              report->n_linked);
      g_string_append_c (text, '\n');
    }

  if (report->price_changes->len > 0)
    {
      g_string_append_printf (text, "%s\n", _("Purchase prices excluding VAT that change (old → new):"));
      for (guint i = 0; i < report->price_changes->len; i++)
        {
          const ComptoirPurchasePriceChange *change =
            &g_array_index (report->price_changes, ComptoirPurchasePriceChange, i);
          g_autofree char *old = euros (change->old_cents);
          g_autofree char *new = euros (change->new_cents);
          g_autofree char *difference = percent (change->change_bp);

          /* Translators: reference, name, old price, new price, difference */
          g_string_append_printf (text, _("  %s  %s: %s → %s (%s)"), change->supplier_ref, change->name,
                                  old, new, difference);
          g_string_append_c (text, '\n');
        }
    }

  if (comptoir_import_report_get_n_rejected (lines) > 0)
    g_string_append (text, _("Nothing was imported: fix the rejected lines and import the file again."));
  else if (comptoir_import_report_get_dry_run (lines))
    g_string_append (text, _("Import the file again without the trial run to save these changes."));
  else
    g_string_append (text, _("The supplier’s catalogue is saved, with its columns for the next import."));
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}
