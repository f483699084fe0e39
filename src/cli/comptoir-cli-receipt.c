/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-cli-private.h"
#include "comptoir-cli-receipt.h"
#include "comptoir-escpos.h"
#include "comptoir-printer.h"
#include "comptoir-receipt-pdf.h"

/* The printer asked for: a device node, or USB with optional ids. */
static ComptoirPrinter *
open_printer (const char  *device,
              const char  *usb_id,
              GError     **error)
{
  guint16 vendor = 0, product = 0;

  if (device != NULL)
    return comptoir_printer_open_device (device, error);
  if (usb_id != NULL && !comptoir_usb_id_parse (usb_id, &vendor, &product))
    {
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_INVALID,
                   _("“%s” is not a USB id: give the vendor and product in hexadecimal as lsusb shows "
                     "them, such as 04b8:0e15."), usb_id);
      return NULL;
    }
  return comptoir_printer_open_usb (vendor, product, error);
}

static gboolean
print_receipt (ComptoirReceipt  *receipt,
               guint             columns,
               const char       *device,
               const char       *usb_id,
               gboolean          drawer,
               char            **out_where,
               GError          **error)
{
  g_autoptr (ComptoirPrinter) printer = open_printer (device, usb_id, error);
  g_autoptr (GBytes) bytes = NULL;

  if (printer == NULL)
    return FALSE;
  /* The drawer first: the cashier counts the change while it prints. */
  if (drawer)
    {
      g_autoptr (GBytes) pulse = comptoir_escpos_drawer_pulse ();
      if (!comptoir_printer_write (printer, pulse, error))
        return FALSE;
    }
  bytes = comptoir_escpos_encode_receipt (receipt, columns);
  if (!comptoir_printer_write (printer, bytes, error))
    return FALSE;
  *out_where = g_strdup (comptoir_printer_get_description (printer));
  comptoir_printer_close (printer);
  return TRUE;
}

/* receipt --till CODE --number N [--columns 48|32]
 *         [--pdf FILE | --device PATH | --usb [VID:PID]] [--drawer]
 * Without a destination the receipt is shown, not printed: nothing is
 * recorded. A PDF or a printed copy is recorded, so the next one is a
 * duplicate. */
int
comptoir_cli_receipt (ComptoirDb  *db,
                      int          argc,
                      char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = NULL;
  g_autofree char *where = NULL;
  const char *till = comptoir_cli_option_value (argc, argv, "--till");
  const char *number_text = comptoir_cli_option_value (argc, argv, "--number");
  const char *columns_text = comptoir_cli_option_value (argc, argv, "--columns");
  const char *pdf = comptoir_cli_option_value (argc, argv, "--pdf");
  const char *device = comptoir_cli_option_value (argc, argv, "--device");
  const char *usb_id = comptoir_cli_option_value (argc, argv, "--usb");
  gboolean usb = comptoir_cli_has_flag (argc, argv, "--usb");
  gboolean drawer = comptoir_cli_has_flag (argc, argv, "--drawer");
  guint64 number = 0;
  guint columns;
  guint copy;

  if (till == NULL || number_text == NULL ||
      !g_ascii_string_to_unsigned (number_text, 10, 1, G_MAXINT64, &number, NULL))
    return 2;
  if (columns_text != NULL && !g_str_equal (columns_text, "48") && !g_str_equal (columns_text, "32"))
    return comptoir_cli_usage_error (_("--columns is 48 (80 mm paper) or 32 (58 mm paper)."));
  if (usb_id != NULL && g_str_has_prefix (usb_id, "--"))
    usb_id = NULL;
  if ((pdf != NULL) + (device != NULL) + usb > 1)
    return comptoir_cli_usage_error (_("give one of --pdf, --device and --usb."));
  if (drawer && device == NULL && !usb)
    return comptoir_cli_usage_error (_("--drawer opens the drawer wired to the printer: give --device or --usb too."));

  columns = columns_text != NULL ? (guint) g_ascii_strtoull (columns_text, NULL, 10)
                                 : (guint) comptoir_settings_get_int (db, COMPTOIR_SETTING_RECEIPT_COLUMNS);
  receipt = comptoir_receipt_load_by_number (db, till, (gint64) number, &error);
  if (receipt == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));

  if (pdf == NULL && device == NULL && !usb)
    {
      g_autofree char *text = comptoir_receipt_format_text (receipt, columns);
      g_print ("%s", text);
      return 0;
    }

  if (pdf != NULL)
    {
      if (!comptoir_receipt_pdf_write (receipt, columns, pdf, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      where = g_strdup (pdf);
    }
  else if (!print_receipt (receipt, columns, device, usb_id, drawer, &where, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  copy = receipt->copy;
  if (!comptoir_receipt_record_print (receipt, db, &error))
    {
      g_prefix_error (&error, _("the receipt went to %s but its copy number could not be recorded: "), where);
      return comptoir_cli_fail (g_steal_pointer (&error));
    }
  if (copy > 1)
    g_print (_("Duplicate no. %u of ticket %lld sent to %s.\n"), copy - 1, (long long) number, where);
  else
    g_print (_("Receipt of ticket %lld sent to %s.\n"), (long long) number, where);
  return 0;
}
