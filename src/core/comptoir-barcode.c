/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-barcode"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-error.h"

/* GS1 check digit of the first len digits: weights 3 and 1 from the right. */
int
comptoir_gtin_check_digit (const char *digits,
                           gsize       len)
{
  int sum = 0;

  for (gsize i = 0; i < len; i++)
    {
      int d = digits[len - 1 - i] - '0';
      sum += (i % 2 == 0) ? 3 * d : d;
    }

  return (10 - sum % 10) % 10;
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

ComptoirBarcodeKind
comptoir_barcode_classify (const char *text)
{
  gsize len;

  if (text == NULL || !all_digits (text))
    return COMPTOIR_BARCODE_INVALID;

  len = strlen (text);
  if (len != 8 && len != 12 && len != 13)
    return COMPTOIR_BARCODE_INVALID;
  if (comptoir_gtin_check_digit (text, len - 1) != text[len - 1] - '0')
    return COMPTOIR_BARCODE_INVALID;

  return len == 8 ? COMPTOIR_BARCODE_EAN8 : len == 12 ? COMPTOIR_BARCODE_UPCA : COMPTOIR_BARCODE_EAN13;
}

/* Validates a barcode typed or scanned and returns the stored form: a
 * UPC-A is kept as the EAN-13 it also is (leading 0), because scanners
 * send either form for the same product. */
char *
comptoir_barcode_normalize (const char  *text,
                            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (clean);

  if (!all_digits (clean))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The barcode “%s” must contain digits only."), clean);
      return NULL;
    }

  if (len != 8 && len != 12 && len != 13)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The barcode “%s” has %u digits; an EAN-13 has 13, a UPC-A 12 "
                     "and an EAN-8 8. Check the digits, or put an internal code in "
                     "the Code field instead."),
                   clean, (guint) len);
      return NULL;
    }

  if (comptoir_gtin_check_digit (clean, len - 1) != clean[len - 1] - '0')
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The barcode “%s” is not valid: its last digit should be %d. "
                     "Check the digits you typed."),
                   clean, comptoir_gtin_check_digit (clean, len - 1));
      return NULL;
    }

  if (len == 12)
    return g_strconcat ("0", clean, NULL);

  return g_steal_pointer (&clean);
}
