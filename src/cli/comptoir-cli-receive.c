/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "comptoir-cli-private.h"
#include "comptoir-cli-receive.h"

/* comptoir-cli receive: a delivery received from a script or a terminal
 * through the calls the receiving screen makes, so that what a script
 * sees is what the receiver sees. Receipts are named by their id, as
 * "receive start" and "receive list" print it. */

/* Options taking a value, to tell them from the positional arguments. */
static const char *value_options[] = { "--order", "--lot", "--use-by", "--best-before", "--case", NULL };

static GPtrArray *
positionals (int    argc,
             char **argv)
{
  GPtrArray *args = g_ptr_array_new ();

  for (int i = 0; i < argc; i++)
    {
      if (g_strv_contains (value_options, argv[i]))
        i++;
      else if (!g_str_has_prefix (argv[i], "--"))
        g_ptr_array_add (args, argv[i]);
    }
  return args;
}

static gboolean
unknown_option (int    argc,
                char **argv)
{
  for (int i = 0; i < argc; i++)
    {
      if (g_strv_contains (value_options, argv[i]))
        i++;
      else if (g_str_has_prefix (argv[i], "--") && !g_str_equal (argv[i], "--damaged"))
        return TRUE;
    }
  return FALSE;
}

/* --use-by 2026-12-31: a day, or invalid without the option; FALSE when
 * it is not one. */
static gboolean
parse_day (int          argc,
           char       **argv,
           const char  *name,
           GDate       *out)
{
  const char *text = comptoir_cli_option_value (argc, argv, name);
  guint y, m, d;
  char end;

  g_date_clear (out, 1);
  if (text == NULL)
    return TRUE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static const char *
state_word (ComptoirReceiptLineState state)
{
  switch (state)
    {
    case COMPTOIR_RECEIPT_LINE_WAITING:    return _("waiting");
    case COMPTOIR_RECEIPT_LINE_SHORT:      return _("short");
    case COMPTOIR_RECEIPT_LINE_COMPLETE:   return _("complete");
    case COMPTOIR_RECEIPT_LINE_OVER:       return _("more than ordered");
    case COMPTOIR_RECEIPT_LINE_UNEXPECTED: return _("not on the order");
    case COMPTOIR_RECEIPT_LINE_NO_ORDER:
    default:                               return _("received");
    }
}

/* label, received/expected, state: one line a line, tab-separated. */
static void
print_line (const ComptoirReceiptLine *line)
{
  g_autofree char *received = comptoir_goods_receipt_format_quantity (line->unit, line->pack_milli,
                                                                      line->received_milli);
  g_autofree char *expected = comptoir_goods_receipt_format_quantity (line->unit, line->pack_milli,
                                                                      line->expected_milli);

  g_print ("%s\t%s/%s\t%s", line->label, received, expected, state_word (line->state));
}

/* What a scan did, in one line; FALSE when it counted nothing. */
static gboolean
print_result (const char                      *receipt_id,
              const char                      *code,
              const ComptoirReceiptScanResult *result)
{
  switch (result->status)
    {
    case COMPTOIR_RECEIPT_SCAN_COUNTED:
    case COMPTOIR_RECEIPT_SCAN_FOUND:
      print_line (&result->line);
      if (result->is_case && result->status == COMPTOIR_RECEIPT_SCAN_COUNTED)
        g_print ("\t%s", _("+1 case"));
      g_print ("\n");
      return TRUE;
    case COMPTOIR_RECEIPT_SCAN_NEEDS_WEIGHT:
      print_line (&result->line);
      /* TRANSLATORS: what to run to give the weight of goods sold by weight */
      g_print ("\t");
      g_print (_("sold by weight: comptoir-cli receive count %s %s WEIGHT"), receipt_id, code);
      g_print ("\n");
      return FALSE;
    case COMPTOIR_RECEIPT_SCAN_NOT_FOUND:
    default:
      g_print ("%s\t%s\t%s ", code, _("unknown"), result->message);
      /* TRANSLATORS: how to link an unknown code from the command line */
      g_print (_("(comptoir-cli receive link %s %s PRODUCT_CODE [--case N])"), receipt_id, result->code);
      g_print ("\n");
      return FALSE;
    }
}

static int
receive_start (ComptoirDb  *db,
               int          argc,
               char       **argv,
               GPtrArray   *args)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autofree char *id = NULL;
  const char *number = comptoir_cli_option_value (argc, argv, "--order");
  gboolean resumed = FALSE;

  if (args->len != 2)
    return 2;
  if (!comptoir_supplier_find (db, g_ptr_array_index (args, 1), &supplier, &error) ||
      (number != NULL && !comptoir_purchase_order_find (db, number, &order, &error)) ||
      !(id = comptoir_goods_receipt_start (db, supplier.id, order.id, &resumed, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (resumed)
    g_printerr (_("Order %s already has an open receipt: carry on with it.\n"), order.number);
  g_print ("%s\n", id);
  return 0;
}

static int
receive_scan (ComptoirDb *db,
              GPtrArray  *args)
{
  const char *receipt_id;
  int status = 0;

  if (args->len < 3)
    return 2;
  receipt_id = g_ptr_array_index (args, 1);
  for (guint i = 2; i < args->len; i++)
    {
      const char *code = g_ptr_array_index (args, i);
      g_auto (ComptoirReceiptScanResult) result = { 0 };
      g_autoptr (GError) error = NULL;

      if (!comptoir_goods_receipt_scan (db, receipt_id, code, &result, &error))
        {
          /* A receipt that takes no scan stops here; a misread code does
           * not stop the others. */
          if (g_error_matches (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND) || i == 2)
            {
              g_auto (ComptoirGoodsReceipt) receipt = { 0 };

              if (!comptoir_goods_receipt_load (db, receipt_id, &receipt, NULL) ||
                  receipt.status != COMPTOIR_RECEIPT_OPEN)
                return comptoir_cli_fail (g_steal_pointer (&error));
            }
          /* TRANSLATORS: a code, then why it could not be read */
          g_printerr (_("comptoir-cli: %s: %s\n"), code, error->message);
          status = 1;
        }
      else if (!print_result (receipt_id, code, &result))
        status = 1;
    }
  return status;
}

static int
receive_count (ComptoirDb  *db,
               int          argc,
               char       **argv,
               GPtrArray   *args)
{
  g_auto (ComptoirReceiptScanResult) found = { 0 };
  g_auto (ComptoirReceiptScanResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  const char *receipt_id, *code, *lot;
  GDate best_before, use_by;
  gint64 quantity;

  if (args->len != 4 || !parse_day (argc, argv, "--use-by", &use_by) ||
      !parse_day (argc, argv, "--best-before", &best_before))
    return 2;
  receipt_id = g_ptr_array_index (args, 1);
  code = g_ptr_array_index (args, 2);

  if (!comptoir_goods_receipt_find (db, receipt_id, code, &found, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (found.status == COMPTOIR_RECEIPT_SCAN_NOT_FOUND)
    {
      print_result (receipt_id, code, &found);
      return 1;
    }
  if (!comptoir_stock_quantity_parse (found.line.unit, g_ptr_array_index (args, 3), TRUE, &quantity, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  /* What the label said, unless the options say otherwise. */
  lot = comptoir_cli_option_value (argc, argv, "--lot");
  if (lot == NULL)
    lot = found.lot;
  if (!g_date_valid (&best_before))
    best_before = found.best_before;
  if (!g_date_valid (&use_by))
    use_by = found.use_by;

  if (!comptoir_goods_receipt_count (db, receipt_id, found.line.id, quantity, lot, &best_before, &use_by,
                                     comptoir_cli_has_flag (argc, argv, "--damaged"), &result, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  print_result (receipt_id, code, &result);
  return 0;
}

static int
receive_link (ComptoirDb  *db,
              int          argc,
              char       **argv,
              GPtrArray   *args)
{
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
  g_autoptr (ComptoirProduct) product = NULL;
  g_auto (ComptoirReceiptScanResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  const char *pack = comptoir_cli_option_value (argc, argv, "--case");
  gint64 units = 0;

  if (args->len != 4 || (pack != NULL && !g_ascii_string_to_signed (pack, 10, 2, 100000, &units, NULL)))
    return 2;
  if (!(product = comptoir_catalog_lookup (catalog, g_ptr_array_index (args, 3), &error)) ||
      !comptoir_goods_receipt_link_barcode (db, g_ptr_array_index (args, 1), g_ptr_array_index (args, 2),
                                            comptoir_product_get_id (product), units * 1000, &result, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  return print_result (g_ptr_array_index (args, 1), g_ptr_array_index (args, 2), &result) ? 0 : 1;
}

static int
receive_price (ComptoirDb *db,
               GPtrArray  *args)
{
  g_auto (ComptoirReceiptScanResult) found = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 cents;

  if (args->len != 4 || !comptoir_money_parse (g_ptr_array_index (args, 3), &cents) || cents < 0)
    return 2;
  if (!comptoir_goods_receipt_find (db, g_ptr_array_index (args, 1), g_ptr_array_index (args, 2), &found, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (found.status == COMPTOIR_RECEIPT_SCAN_NOT_FOUND)
    {
      print_result (g_ptr_array_index (args, 1), g_ptr_array_index (args, 2), &found);
      return 1;
    }
  if (!comptoir_goods_receipt_set_note_price (db, g_ptr_array_index (args, 1), found.line.id, cents, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  return 0;
}

static int
receive_undo (ComptoirDb *db,
              GPtrArray  *args)
{
  g_auto (ComptoirReceiptScanResult) result = { 0 };
  g_autoptr (GError) error = NULL;

  if (args->len != 3)
    return 2;
  if (!comptoir_goods_receipt_undo (db, g_ptr_array_index (args, 1), g_ptr_array_index (args, 2), &result, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  print_result (g_ptr_array_index (args, 1), "", &result);
  return 0;
}

static void
print_lots (const ComptoirReceiptLine *line)
{
  for (guint i = 0; line->lots != NULL && i < line->lots->len; i++)
    {
      const ComptoirReceiptLot *lot = &g_array_index (line->lots, ComptoirReceiptLot, i);
      g_autofree char *quantity = comptoir_goods_receipt_format_quantity (line->unit, line->pack_milli,
                                                                          lot->quantity_milli);
      char day[16];

      g_print ("\t%s %s", lot->lot != NULL ? lot->lot : "-", quantity);
      if (g_date_valid (&lot->use_by))
        {
          g_date_strftime (day, sizeof day, "%Y-%m-%d", &lot->use_by);
          /* TRANSLATORS: use-by date of a lot */
          g_print (_(" use by %s"), day);
        }
      if (g_date_valid (&lot->best_before))
        {
          g_date_strftime (day, sizeof day, "%Y-%m-%d", &lot->best_before);
          g_print (_(" best before %s"), day);
        }
      if (lot->damaged_milli > 0)
        {
          g_autofree char *damaged = comptoir_goods_receipt_format_quantity (line->unit, 0, lot->damaged_milli);
          g_print (_(" (damaged: %s)"), damaged);
        }
    }
}

static int
receive_show (ComptoirDb *db,
              GPtrArray  *args)
{
  g_auto (ComptoirGoodsReceipt) receipt = { 0 };
  g_autoptr (GError) error = NULL;
  static const char *statuses[] = { N_("open"), N_("validated"), N_("cancelled") };

  if (args->len != 2)
    return 2;
  if (!comptoir_goods_receipt_load (db, g_ptr_array_index (args, 1), &receipt, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  /* TRANSLATORS: supplier, order number (or "-"), status */
  g_print (_("Receipt from %s, order %s, %s\n"), receipt.supplier_name,
           receipt.order_number != NULL ? receipt.order_number : "-", _(statuses[receipt.status]));
  for (guint i = 0; i < receipt.lines->len; i++)
    {
      const ComptoirReceiptLine *line = &g_array_index (receipt.lines, ComptoirReceiptLine, i);

      print_line (line);
      if (line->product_id == NULL)
        g_print ("\t%s", _("not linked to a product"));
      print_lots (line);
      g_print ("\n");
    }
  return 0;
}

static int
receive_list (ComptoirDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) open = comptoir_goods_receipt_list_open (db, &error);

  if (open == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < open->len; i++)
    {
      const ComptoirReceiptSummary *s = g_ptr_array_index (open, i);

      /* TRANSLATORS: id, supplier, order, started, lines received of lines, scans */
      g_print (_("%s\t%s\t%s\t%s\t%u/%u lines\t%lld scans\n"), s->id, s->supplier_name,
               s->order_number != NULL ? s->order_number : "-", s->started_at, s->n_lines_received, s->n_lines,
               (long long) s->n_scans);
    }
  return 0;
}

static int
receive_validate (ComptoirDb *db,
                  GPtrArray  *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;

  if (args->len != 2)
    return 2;
  if (!(found = comptoir_goods_receipt_validate (db, g_ptr_array_index (args, 1), &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < found->len; i++)
    {
      const ComptoirReceiptDiscrepancy *d = g_ptr_array_index (found, i);
      g_print ("%s\t%s\n", comptoir_receipt_discrepancy_kind_to_string (d->kind), d->message);
    }
  if (found->len == 0)
    g_print ("%s\n", _("Validated: everything came as ordered."));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Validated, with %u discrepancy kept for the claim.\n",
                          "Validated, with %u discrepancies kept for the claim.\n", found->len),
             found->len);
  return 0;
}

int
comptoir_cli_receive (ComptoirDb  *db,
                      int          argc,
                      char       **argv)
{
  g_autoptr (GPtrArray) args = positionals (argc, argv);
  g_autoptr (GError) error = NULL;
  const char *what;

  if (args->len == 0 || unknown_option (argc, argv))
    return 2;
  what = g_ptr_array_index (args, 0);

  if (g_str_equal (what, "start"))
    return receive_start (db, argc, argv, args);
  if (g_str_equal (what, "scan"))
    return receive_scan (db, args);
  if (g_str_equal (what, "count"))
    return receive_count (db, argc, argv, args);
  if (g_str_equal (what, "link"))
    return receive_link (db, argc, argv, args);
  if (g_str_equal (what, "price"))
    return receive_price (db, args);
  if (g_str_equal (what, "undo"))
    return receive_undo (db, args);
  if (g_str_equal (what, "show"))
    return receive_show (db, args);
  if (g_str_equal (what, "list") && args->len == 1)
    return receive_list (db);
  if (g_str_equal (what, "validate"))
    return receive_validate (db, args);
  if (g_str_equal (what, "cancel") && args->len == 2)
    {
      if (!comptoir_goods_receipt_cancel (db, g_ptr_array_index (args, 1), &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      g_print ("%s\n", _("Receipt cancelled: nothing was put in stock."));
      return 0;
    }
  return 2;
}
