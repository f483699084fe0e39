/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comptoir-cli-private.h"
#include "comptoir-cli-stock.h"

/* comptoir-cli stock and inventory: the stock services for scripts and
 * support. Lists are tab-separated for scripts; quantities are written
 * as a ticket writes them (comptoir_quantity_format), money in euros
 * with a point. Every option takes a value but the flags below. */

static const char * const flag_options[] = { "--zero-uncounted", "--rebuild", NULL };

/* The n-th argument that is not an option nor an option's value. */
static const char *
argument (int          argc,
          char       **argv,
          int          n)
{
  return comptoir_cli_argument (argc, argv, flag_options, n);
}

static int
count_arguments (int     argc,
                 char  **argv)
{
  return comptoir_cli_count_arguments (argc, argv, flag_options);
}

static gboolean
parse_count (const char *text,
             guint       max,
             guint      *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static char *
format_quantity (ComptoirUnit unit,
                 gint64       quantity_milli)
{
  return comptoir_quantity_format (unit, quantity_milli);
}

static char *
format_money (gint64 cents)
{
  g_autofree char *amount = comptoir_money_format (cents);

  /* Translators: an amount of money, "12.50 €" */
  return g_strdup_printf (_("%s €"), amount);
}

/* "2025-03-14T09:12:45.123456Z" → "2025-03-14 09:12" for a person. */
static char *
format_at (const char *at)
{
  if (at == NULL || at[0] == '\0')
    return g_strdup (_("never"));
  if (strlen (at) < 16)
    return g_strdup (at);
  return g_strdup_printf ("%.10s %.5s", at, at + 11);
}

/* A product by its code or one of its barcodes. */
static ComptoirProduct *
find_product (ComptoirCatalog  *catalog,
              const char       *code,
              GError          **error)
{
  return comptoir_catalog_lookup (catalog, code, error);
}

static int
stock_show (ComptoirDb      *db,
            ComptoirCatalog *catalog,
            const char      *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = find_product (catalog, code, &error);
  g_autoptr (GPtrArray) movements = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *value = NULL;
  g_autofree char *last_in = NULL;
  g_autofree char *last_out = NULL;
  ComptoirStock stock;
  ComptoirUnit unit;

  if (product == NULL || !comptoir_stock_get (db, comptoir_product_get_id (product), &stock, &error) ||
      !(movements = comptoir_stock_list_movements (db, comptoir_product_get_id (product), 20, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));

  unit = comptoir_product_get_unit (product);
  quantity = format_quantity (unit, stock.quantity_milli);
  value = format_money (stock.value_cents);
  last_in = format_at (stock.last_in);
  last_out = format_at (stock.last_out);
  g_print ("%s\t%s\n", comptoir_product_get_code (product), comptoir_product_get_name (product));
  g_print (_("Stock: %s\n"), quantity);
  if (stock.negative)
    g_print (_("Below zero: sales were recorded before the goods; check the last receipt or count.\n"));
  if (stock.average_cost_cents >= 0)
    {
      g_autofree char *cost = format_money (stock.average_cost_cents);
      /* Translators: "Value: 7.20 € (average cost 1.20 € per piece)" */
      g_print (_("Value: %s (average cost %s %s)\n"), value, cost, comptoir_unit_get_label (unit));
    }
  else
    g_print (_("Value: unknown (no purchase price recorded yet)\n"));
  g_print (_("Last in: %s\n"), last_in);
  g_print (_("Last sale: %s\n"), last_out);
  if (movements->len > 0)
    g_print (_("Last movements:\n"));
  for (guint i = 0; i < movements->len; i++)
    {
      const ComptoirStockMovement *m = g_ptr_array_index (movements, i);
      g_autofree char *at = format_at (m->at);
      g_autofree char *q = format_quantity (unit, m->quantity_milli);
      g_autofree char *cost = m->unit_cost_cents >= 0 ? format_money (m->unit_cost_cents) : g_strdup ("-");

      /* at, reason, quantity, unit cost, note */
      g_print ("%s\t%s\t%s%s\t%s\t%s\n", at, comptoir_stock_reason_get_label (m->reason),
               m->quantity_milli > 0 ? "+" : "", q, cost, m->note != NULL ? m->note : "");
    }
  return 0;
}

/* The product and a quantity typed for it. */
static gboolean
product_and_quantity (ComptoirCatalog  *catalog,
                      const char       *code,
                      const char       *text,
                      gboolean          allow_negative,
                      ComptoirProduct **out_product,
                      gint64           *out_milli,
                      GError          **error)
{
  g_autoptr (ComptoirProduct) product = find_product (catalog, code, error);

  if (product == NULL ||
      !comptoir_stock_quantity_parse (comptoir_product_get_unit (product), text, allow_negative, out_milli, error))
    return FALSE;
  *out_product = g_steal_pointer (&product);
  return TRUE;
}

static void
print_now (ComptoirDb      *db,
           ComptoirProduct *product)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *quantity = NULL;
  ComptoirStock stock;

  if (!comptoir_stock_get (db, comptoir_product_get_id (product), &stock, &error))
    return;
  quantity = format_quantity (comptoir_product_get_unit (product), stock.quantity_milli);
  /* Translators: "Pâtes penne 500 g: 12 in stock" */
  g_print (_("%s: %s in stock\n"), comptoir_product_get_name (product), quantity);
}

static int
stock_loss (ComptoirDb      *db,
            ComptoirCatalog *catalog,
            int              argc,
            char           **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = NULL;
  const char *reason = comptoir_cli_option_value (argc, argv, "--reason");
  gint64 quantity = 0;

  if (count_arguments (argc, argv) != 3)
    return comptoir_cli_usage_error (_("stock loss CODE QUANTITY [--reason loss|breakage|expired|theft] [--note TEXT]"));
  if (!product_and_quantity (catalog, argument (argc, argv, 1), argument (argc, argv, 2), FALSE, &product, &quantity,
                             &error) ||
      !comptoir_stock_record_loss (db, comptoir_product_get_id (product), quantity, reason != NULL ? reason : "loss",
                                   comptoir_cli_option_value (argc, argv, "--note"), NULL, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  print_now (db, product);
  return 0;
}

static int
stock_correct (ComptoirDb      *db,
               ComptoirCatalog *catalog,
               int              argc,
               char           **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = NULL;
  const char *cost_text = comptoir_cli_option_value (argc, argv, "--cost");
  const char *note = comptoir_cli_option_value (argc, argv, "--note");
  gint64 quantity = 0, cost = -1;

  if (count_arguments (argc, argv) != 3 || note == NULL ||
      (cost_text != NULL && (!comptoir_money_parse (cost_text, &cost) || cost < 0)))
    return comptoir_cli_usage_error (_("stock correct CODE QUANTITY --note TEXT [--cost PRICE]: QUANTITY signed, "
                                       "PRICE the purchase price excluding VAT of one unit"));
  if (!product_and_quantity (catalog, argument (argc, argv, 1), argument (argc, argv, 2), TRUE, &product, &quantity,
                             &error) ||
      !comptoir_stock_correct (db, comptoir_product_get_id (product), quantity, cost, note, NULL, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  print_now (db, product);
  return 0;
}

static int
stock_transfer (ComptoirDb      *db,
                ComptoirCatalog *catalog,
                int              argc,
                char           **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) from = NULL;
  g_autoptr (ComptoirProduct) to = NULL;
  gint64 from_quantity = 0, to_quantity = 0;

  if (count_arguments (argc, argv) != 5)
    return comptoir_cli_usage_error (_("stock transfer FROM_CODE QUANTITY TO_CODE QUANTITY [--note TEXT]"));
  if (!product_and_quantity (catalog, argument (argc, argv, 1), argument (argc, argv, 2), FALSE, &from,
                             &from_quantity, &error) ||
      !product_and_quantity (catalog, argument (argc, argv, 3), argument (argc, argv, 4), FALSE, &to, &to_quantity,
                             &error) ||
      !comptoir_stock_transfer (db, comptoir_product_get_id (from), from_quantity, comptoir_product_get_id (to),
                                to_quantity, comptoir_cli_option_value (argc, argv, "--note"), NULL, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  print_now (db, from);
  print_now (db, to);
  return 0;
}

static int
stock_min (ComptoirDb      *db,
           ComptoirCatalog *catalog,
           int              argc,
           char           **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = NULL;
  const char *text = argument (argc, argv, 2);
  gint64 minimum = -1;

  if (count_arguments (argc, argv) != 3)
    return comptoir_cli_usage_error (_("stock min CODE QUANTITY|none"));
  if (!(product = find_product (catalog, argument (argc, argv, 1), &error)) ||
      (!g_str_equal (text, "none") &&
       !comptoir_stock_quantity_parse (comptoir_product_get_unit (product), text, FALSE, &minimum, &error)) ||
      !comptoir_stock_set_minimum (db, comptoir_product_get_id (product), minimum, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  return 0;
}

static int
stock_check (ComptoirDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mismatches = NULL;

  if (!comptoir_stock_check (db, &mismatches, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (mismatches->len == 0)
    {
      g_print (_("Every stock balance matches its movements.\n"));
      return 0;
    }
  for (guint i = 0; i < mismatches->len; i++)
    {
      const ComptoirStockMismatch *m = g_ptr_array_index (mismatches, i);

      /* product id, stored quantity, from the movements, stored value, from the movements (milli, cents) */
      g_print ("%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n",
               m->product_id, m->stored_quantity_milli, m->expected_quantity_milli, m->stored_value_cents,
               m->expected_value_cents);
    }
  g_printerr (ngettext ("%u balance does not match its movements: run “comptoir-cli stock fold --rebuild”.\n",
                        "%u balances do not match their movements: run “comptoir-cli stock fold --rebuild”.\n",
                        mismatches->len),
              mismatches->len);
  return 1;
}

static int
stock_fold (ComptoirDb  *db,
            int          argc,
            char       **argv)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;

  if (comptoir_cli_has_flag (argc, argv, "--rebuild"))
    {
      if (!comptoir_stock_rebuild (db, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      g_print (_("Stock balances rebuilt from every movement.\n"));
      return 0;
    }
  if (!comptoir_stock_fold (db, &n, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print (ngettext ("%u movement folded\n", "%u movements folded\n", n), n);
  return 0;
}

static void
print_item (const ComptoirStockItem *item,
            const char              *extra)
{
  g_autofree char *quantity = format_quantity (item->unit, item->quantity_milli);

  g_print ("%s\t%s\t%s\t%s\n", item->code, item->name, quantity, extra);
}

static int
print_items (GPtrArray  *items,
             GError     *error,
             int         which)
{
  if (items == NULL)
    return comptoir_cli_fail (error);
  for (guint i = 0; i < items->len; i++)
    {
      const ComptoirStockItem *item = g_ptr_array_index (items, i);
      g_autofree char *extra = NULL;

      switch (which)
        {
        case 0:  /* low: the minimum */
          extra = format_quantity (item->unit, item->minimum_milli);
          break;
        case 1:  /* unsold: the last sale */
          extra = format_at (item->last_out);
          break;
        default:  /* expiring: day, kind of date, lot, how much of it */
          {
            g_autofree char *left = format_quantity (item->unit, item->lot_quantity_milli);
            extra = g_strdup_printf ("%s\t%s\t%s\t%s", item->date, item->use_by ? _("use by") : _("best before"),
                                     item->lot != NULL ? item->lot : "-", left);
          }
          break;
        }
      print_item (item, extra);
    }
  g_ptr_array_unref (items);
  return 0;
}

static int
stock_value (ComptoirDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *total_text = NULL;
  gint64 total = 0;
  guint n = 0, unknown = 0;

  if (!comptoir_stock_valuation (db, &total, &n, &unknown, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  total_text = format_money (total);
  g_print (ngettext ("Stock value: %s for %u product in stock\n", "Stock value: %s for %u products in stock\n", n),
           total_text, n);
  if (unknown > 0)
    g_print (ngettext ("%u product has no purchase price yet and is not counted in the value\n",
                       "%u products have no purchase price yet and are not counted in the value\n", unknown),
             unknown);
  return 0;
}

int
comptoir_cli_stock (ComptoirDb  *db,
                    int          argc,
                    char       **argv)
{
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
  const char *what = argument (argc, argv, 0);
  GError *error = NULL;
  guint n = 0;

  if (what == NULL)
    return 2;
  if (g_str_equal (what, "show") && count_arguments (argc, argv) == 2)
    return stock_show (db, catalog, argument (argc, argv, 1));
  if (g_str_equal (what, "loss"))
    return stock_loss (db, catalog, argc, argv);
  if (g_str_equal (what, "correct"))
    return stock_correct (db, catalog, argc, argv);
  if (g_str_equal (what, "transfer"))
    return stock_transfer (db, catalog, argc, argv);
  if (g_str_equal (what, "min"))
    return stock_min (db, catalog, argc, argv);
  if (g_str_equal (what, "check"))
    return stock_check (db);
  if (g_str_equal (what, "fold"))
    return stock_fold (db, argc, argv);
  if (g_str_equal (what, "value"))
    return stock_value (db);
  if (g_str_equal (what, "low"))
    {
      GPtrArray *items = comptoir_stock_list_low (db, &error);
      return print_items (items, error, 0);
    }
  if (g_str_equal (what, "unsold"))
    {
      const char *weeks = comptoir_cli_option_value (argc, argv, "--weeks");
      GPtrArray *items;

      if (!parse_count (weeks != NULL ? weeks : "8", 520, &n))
        return comptoir_cli_usage_error (_("stock unsold [--weeks N]"));
      items = comptoir_stock_list_unsold (db, n, NULL, &error);
      return print_items (items, error, 1);
    }
  if (g_str_equal (what, "expiring"))
    {
      const char *days = comptoir_cli_option_value (argc, argv, "--days");
      GPtrArray *items;

      if (!parse_count (days != NULL ? days : "7", 3650, &n))
        return comptoir_cli_usage_error (_("stock expiring [--days N]"));
      items = comptoir_stock_list_expiring (db, n, NULL, &error);
      return print_items (items, error, 2);
    }
  return 2;
}

/* inventory */

static const char *
status_word (ComptoirInventoryStatus status)
{
  switch (status)
    {
    case COMPTOIR_INVENTORY_VALIDATED:
      return _("validated");
    case COMPTOIR_INVENTORY_CANCELLED:
      return _("cancelled");
    case COMPTOIR_INVENTORY_OPEN:
    default:
      return _("open");
    }
}

static int
inventory_start (ComptoirDb      *db,
                 ComptoirCatalog *catalog,
                 int              argc,
                 char           **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  const char *category = comptoir_cli_option_value (argc, argv, "--category");
  g_autoptr (ComptoirCategory) found = NULL;

  if (count_arguments (argc, argv) != 2)
    return comptoir_cli_usage_error (_("inventory start LABEL [--category NAME]"));
  if (category != NULL && !(found = comptoir_cli_find_category (db, category, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (!(id = comptoir_inventory_start (db, argument (argc, argv, 1), found != NULL ? found->id : NULL, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", id);
  return 0;
}

static int
inventory_count (ComptoirDb      *db,
                 ComptoirCatalog *catalog,
                 int              argc,
                 char           **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = NULL;
  g_autoptr (ComptoirScaleRules) rules = NULL;
  const char *count_id = argument (argc, argv, 1);
  const char *code = argument (argc, argv, 2);
  const char *text = argument (argc, argv, 3);
  gint64 quantity = COMPTOIR_INVENTORY_QUANTITY_FROM_CODE;

  if (count_arguments (argc, argv) != 3 && count_arguments (argc, argv) != 4)
    return comptoir_cli_usage_error (_("inventory count COUNT_ID CODE|BARCODE [QUANTITY]"));
  if (!(rules = comptoir_settings_load_scale_rules (db, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (text != NULL)
    {
      /* The quantity is read for the product's unit: resolve it first. */
      g_auto (ComptoirScan) scan = { 0 };

      if (!comptoir_scan_resolve (catalog, rules, code, &scan, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      if (scan.product != NULL &&
          !comptoir_stock_quantity_parse (comptoir_product_get_unit (scan.product), text, TRUE, &quantity, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
    }
  if (!(product = comptoir_inventory_add_code (catalog, rules, count_id, code, quantity, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  {
    g_autoptr (GPtrArray) lines = comptoir_inventory_list (db, count_id, &error);

    for (guint i = 0; lines != NULL && i < lines->len; i++)
      {
        const ComptoirInventoryLine *line = g_ptr_array_index (lines, i);
        g_autofree char *counted = NULL;

        if (!g_str_equal (line->product_id, comptoir_product_get_id (product)))
          continue;
        counted = format_quantity (line->unit, line->counted_milli);
        /* Translators: "Pâtes penne 500 g: 7 counted" */
        g_print (_("%s: %s counted\n"), line->name, counted);
      }
  }
  return 0;
}

static int
inventory_show (ComptoirDb *db,
                const char *count_id)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirInventoryCount) count = { 0 };
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *started = NULL;

  if (!comptoir_inventory_get (db, count_id, &count, &error) ||
      !(lines = comptoir_inventory_list (db, count_id, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  started = format_at (count.started_at);
  g_print ("%s\t%s\t%s\t%s\n", count.label, count.category_name != NULL ? count.category_name : "-",
           status_word (count.status), started);
  for (guint i = 0; i < lines->len; i++)
    {
      const ComptoirInventoryLine *line = g_ptr_array_index (lines, i);
      g_autofree char *counted = format_quantity (line->unit, line->counted_milli);
      g_autofree char *expected = format_quantity (line->unit, line->expected_milli);
      g_autofree char *difference = format_quantity (line->unit, line->difference_milli);

      /* code, name, counted, expected, difference */
      g_print ("%s\t%s\t%s\t%s\t%s%s\n", line->code, line->name, counted, expected,
               line->difference_milli > 0 ? "+" : "", difference);
    }
  return 0;
}

static int
inventory_validate (ComptoirDb  *db,
                    int          argc,
                    char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirInventoryResult) result = { 0 };
  g_autofree char *difference = NULL;
  ComptoirInventoryFlags flags = comptoir_cli_has_flag (argc, argv, "--zero-uncounted") ? COMPTOIR_INVENTORY_ZERO_UNCOUNTED
                                                                           : COMPTOIR_INVENTORY_VALIDATE_DEFAULT;

  if (!comptoir_inventory_validate (db, argument (argc, argv, 1), flags, &result, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  difference = format_money (result.difference_cents);
  g_print (ngettext ("%u product counted, ", "%u products counted, ", result.n_counted), result.n_counted);
  g_print (ngettext ("%u adjusted (%s at average cost)\n", "%u adjusted (%s at average cost)\n", result.n_adjusted),
           result.n_adjusted, difference);
  if (result.uncounted->len > 0)
    g_print (result.uncounted_zeroed ? _("Not counted, set to 0:\n")
                                     : _("Not counted, left as they were (count them, or validate with "
                                         "--zero-uncounted):\n"));
  for (guint i = 0; i < result.uncounted->len; i++)
    print_item (g_ptr_array_index (result.uncounted, i), "");
  return 0;
}

int
comptoir_cli_inventory (ComptoirDb  *db,
                        int          argc,
                        char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
  const char *what = argument (argc, argv, 0);
  int n = count_arguments (argc, argv);

  if (what == NULL)
    return 2;
  if (g_str_equal (what, "start"))
    return inventory_start (db, catalog, argc, argv);
  if (g_str_equal (what, "count"))
    return inventory_count (db, catalog, argc, argv);
  if (g_str_equal (what, "show") && n == 2)
    return inventory_show (db, argument (argc, argv, 1));
  if (g_str_equal (what, "validate") && n == 2)
    return inventory_validate (db, argc, argv);
  if (g_str_equal (what, "cancel") && n == 2)
    {
      if (!comptoir_inventory_cancel (db, argument (argc, argv, 1), &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      return 0;
    }
  if (g_str_equal (what, "list") && n == 1)
    {
      g_autoptr (GPtrArray) counts = comptoir_inventory_list_counts (db, &error);

      if (counts == NULL)
        return comptoir_cli_fail (g_steal_pointer (&error));
      for (guint i = 0; i < counts->len; i++)
        {
          const ComptoirInventoryCount *c = g_ptr_array_index (counts, i);
          g_autofree char *started = format_at (c->started_at);

          /* id, label, category, status, started */
          g_print ("%s\t%s\t%s\t%s\t%s\n", c->id, c->label, c->category_name != NULL ? c->category_name : "-",
                   status_word (c->status), started);
        }
      return 0;
    }
  return 2;
}
