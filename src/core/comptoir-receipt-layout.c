/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-receipt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "comptoir-receipt.h"
#include "comptoir-settings.h"

/* Receipt printers are monospace and cut nothing for us: a row one
 * character too long wraps in the middle of an amount. Everything here
 * counts characters, never bytes, and no row is wider than the paper. */

#define MIN_COLUMNS 24
#define MAX_COLUMNS 80

static void
row_free (gpointer data)
{
  ComptoirReceiptRow *row = data;

  g_free (row->text);
  g_free (row);
}

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func (row_free);
}

static void
add_row_take (GPtrArray            *rows,
              ComptoirReceiptStyle  style,
              char                 *text)
{
  ComptoirReceiptRow *row = g_new0 (ComptoirReceiptRow, 1);

  row->style = style;
  row->text = text;
  g_ptr_array_add (rows, row);
}

static guint
width_of (const char *text)
{
  return (guint) g_utf8_strlen (text, -1);
}

/* Text from the database or the settings may hold anything; a control
 * character on a receipt printer is a command (ESC, GS…), so every one
 * becomes a space, and invalid UTF-8 is repaired. */
static char *
clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
          g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR || g_unichar_type (c) == G_UNICODE_FORMAT)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
append_spaces (GString *out,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

static char *
strip_trailing (char *text)
{
  return g_strchomp (text);
}

/* Cuts text into lines of at most width characters: after the last space
 * that fits when there is one, in the middle of a word longer than the
 * line otherwise. Leading spaces (indentation) are kept on the first
 * line only. */
static GPtrArray *
wrap (const char *text,
      guint       width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *rest = text;

  g_assert (width > 0);

  while (width_of (rest) > width)
    {
      const char *p = rest;
      const char *cut_at = NULL;
      const char *hard = NULL;
      gunichar previous = 0;

      for (guint i = 0; i <= width && *p != '\0'; i++, p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (i == width)
            hard = p;
          if (c == ' ' && previous != 0 && previous != ' ')
            cut_at = p;
          previous = c;
        }

      if (cut_at != NULL)
        {
          g_ptr_array_add (lines, strip_trailing (g_strndup (rest, cut_at - rest)));
          rest = cut_at;
        }
      else
        {
          g_ptr_array_add (lines, g_strndup (rest, hard - rest));
          rest = hard;
        }
      while (*rest == ' ')
        rest++;
    }

  if (*rest != '\0' || lines->len == 0)
    g_ptr_array_add (lines, strip_trailing (g_strdup (rest)));
  return lines;
}

/* The first n characters. */
static char *
cut (const char *text,
     guint       n)
{
  const char *end = text;

  for (guint i = 0; i < n && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  return g_strndup (text, end - text);
}

static void
add_left (GPtrArray            *rows,
          ComptoirReceiptStyle  style,
          const char           *text,
          guint                 indent,
          guint                 columns)
{
  g_autofree char *clean_text = clean (text);
  g_autoptr (GPtrArray) lines = wrap (clean_text, columns - indent);

  for (guint i = 0; i < lines->len; i++)
    {
      GString *row = g_string_new (NULL);

      append_spaces (row, indent);
      g_string_append (row, g_ptr_array_index (lines, i));
      add_row_take (rows, style, g_string_free (row, FALSE));
    }
}

static void
add_centred (GPtrArray            *rows,
             ComptoirReceiptStyle  style,
             const char           *text,
             guint                 columns)
{
  g_autofree char *clean_text = clean (text);
  g_autoptr (GPtrArray) lines = NULL;

  g_strstrip (clean_text);
  if (*clean_text == '\0')
    return;
  lines = wrap (clean_text, columns);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      GString *row = g_string_new (NULL);

      append_spaces (row, (columns - width_of (line)) / 2);
      g_string_append (row, line);
      add_row_take (rows, style, g_string_free (row, FALSE));
    }
}

/* A label on the left and an amount on the right. A label too long for
 * the space left of the amount wraps, the amount on its last line, so
 * amounts stay in one column. */
static void
add_pair (GPtrArray            *rows,
          ComptoirReceiptStyle  style,
          const char           *left,
          const char           *right,
          guint                 columns)
{
  g_autofree char *clean_left = clean (left);
  g_autofree char *clean_right = clean (right);
  g_autoptr (GPtrArray) lines = NULL;
  guint right_width, space;

  g_strstrip (clean_right);
  if (width_of (clean_right) > columns)
    {
      char *shorter = cut (clean_right, columns);
      g_free (clean_right);
      clean_right = shorter;
    }
  right_width = width_of (clean_right);

  /* An amount wider than the paper less a few characters of label gets a
   * row of its own. */
  if (right_width + 1 + 8 > columns)
    {
      g_autoptr (GString) row = g_string_new (NULL);

      add_left (rows, style, left, 0, columns);
      append_spaces (row, columns - right_width);
      g_string_append (row, clean_right);
      add_row_take (rows, style, g_string_free (g_steal_pointer (&row), FALSE));
      return;
    }

  space = columns - right_width - 1;
  lines = wrap (clean_left, space);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      GString *row = g_string_new (line);

      if (i + 1 == lines->len)
        {
          append_spaces (row, columns - width_of (line) - right_width);
          g_string_append (row, clean_right);
        }
      add_row_take (rows, style, g_string_free (row, FALSE));
    }
}

static void
add_separator (GPtrArray *rows,
               guint      columns)
{
  add_row_take (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, g_strnfill (columns, '-'));
}

static const char *
decimal_mark (void)
{
  const char *mark = localeconv ()->decimal_point;

  return mark != NULL && mark[0] != '\0' && mark[1] == '\0' ? mark : ".";
}

/* Milli-units as a person reads them: "0.482" kg, "2" pieces. */
static char *
format_milli (gint64 milli,
              gboolean always_decimals)
{
  guint64 a = milli < 0 ? -(guint64) milli : (guint64) milli;

  if (!always_decimals && a % 1000 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, milli < 0 ? "-" : "", a / 1000);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%03u", milli < 0 ? "-" : "",
                          a / 1000, decimal_mark (), (guint) (a % 1000));
}

static char *
item_detail (const ComptoirReceiptItem *item)
{
  g_autofree char *price = comptoir_money_format_local (item->unit_price_cents);

  switch (item->unit)
    {
    case COMPTOIR_UNIT_KG:
      {
        g_autofree char *kg = format_milli (item->quantity_milli, TRUE);
        /* Translators: a weighed line on a receipt, "0.482 kg × 25.90 €/kg" */
        return g_strdup_printf (_("%s kg × %s €/kg"), kg, price);
      }
    case COMPTOIR_UNIT_LITRE:
      {
        g_autofree char *litres = format_milli (item->quantity_milli, TRUE);
        /* Translators: a measured line on a receipt, "1.500 l × 3.20 €/l" */
        return g_strdup_printf (_("%s l × %s €/l"), litres, price);
      }
    case COMPTOIR_UNIT_PIECE:
    default:
      {
        g_autofree char *pieces = format_milli (item->quantity_milli, FALSE);
        /* Translators: quantity and unit price on a receipt, "3 × 1.25 €" */
        return g_strdup_printf (_("%s × %s €"), pieces, price);
      }
    }
}

static const char *
method_label (const ComptoirReceipt *receipt,
              const char            *method)
{
  /* The shop's own name for its local currency, when it gave one. */
  if (g_strcmp0 (method, "local_currency") == 0 &&
      receipt->local_currency != NULL && *receipt->local_currency != '\0')
    return receipt->local_currency;
  return comptoir_payment_method_get_label (method);
}

static char *
format_date (const char *iso)
{
  g_autoptr (GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  /* Translators: date and time on a receipt, see strftime; French receipts
   * print "14/03/2025 17:05" */
  return g_date_time_format (local, _("%d/%m/%Y %H:%M"));
}

static void
add_header (GPtrArray             *rows,
            const ComptoirReceipt *receipt,
            guint                  columns)
{
  g_autofree char *name = clean (receipt->shop_name);

  g_strstrip (name);
  if (*name != '\0')
    {
      g_autoptr (GPtrArray) lines = wrap (name, columns / 2);

      for (guint i = 0; i < lines->len; i++)
        add_row_take (rows, COMPTOIR_RECEIPT_STYLE_TITLE, g_strdup (g_ptr_array_index (lines, i)));
    }

  if (receipt->shop_address != NULL)
    {
      g_auto (GStrv) lines = g_strsplit (receipt->shop_address, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        add_centred (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, lines[i], columns);
    }
  if (receipt->shop_siret != NULL && *receipt->shop_siret != '\0')
    {
      g_autofree char *siret = g_strdup_printf (_("SIRET %s"), receipt->shop_siret);
      add_centred (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, siret, columns);
    }
  if (receipt->shop_vat_number != NULL && *receipt->shop_vat_number != '\0')
    {
      /* Translators: the shop's intra-community VAT number on a receipt */
      g_autofree char *vat = g_strdup_printf (_("VAT no. %s"), receipt->shop_vat_number);
      add_centred (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, vat, columns);
    }
}

static void
add_notices (GPtrArray             *rows,
             const ComptoirReceipt *receipt,
             guint                  columns)
{
  if (receipt->training)
    add_centred (rows, COMPTOIR_RECEIPT_STYLE_BOLD, _("Training — not a sale"), columns);
  if (receipt->copy > 1)
    {
      /* Translators: printed on every reprint of a receipt; the first
       * reprint is number 1 */
      g_autofree char *duplicate = g_strdup_printf (_("DUPLICATE no. %u"), receipt->copy - 1);
      add_centred (rows, COMPTOIR_RECEIPT_STYLE_BOLD, duplicate, columns);
    }
  if (receipt->refund)
    {
      add_centred (rows, COMPTOIR_RECEIPT_STYLE_BOLD, _("REFUND"), columns);
      if (receipt->refund_of_number > 0)
        {
          g_autofree char *of = g_strdup_printf (_("Refund of ticket %lld, till %s"),
                                                 (long long) receipt->refund_of_number,
                                                 receipt->refund_of_till);
          add_centred (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, of, columns);
        }
    }
}

static void
add_ticket_info (GPtrArray             *rows,
                 const ComptoirReceipt *receipt,
                 guint                  columns)
{
  g_autofree char *ticket = g_strdup_printf (_("Ticket %lld"), (long long) receipt->number);
  g_autofree char *till = g_strdup_printf (_("Till %s"), receipt->till_code);
  g_autofree char *date = format_date (receipt->closed_at);

  add_pair (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, ticket, till, columns);
  if (receipt->cashier != NULL && *receipt->cashier != '\0')
    {
      g_autofree char *cashier = g_strdup_printf (_("Cashier: %s"), receipt->cashier);
      g_autofree char *clean_cashier = clean (cashier);

      /* A long name goes on its own row rather than pushing the date. */
      if (width_of (date) + 1 + width_of (clean_cashier) <= columns)
        add_pair (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, date, clean_cashier, columns);
      else
        {
          add_left (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, date, 0, columns);
          add_left (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, clean_cashier, 0, columns);
        }
    }
  else
    add_left (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, date, 0, columns);
}

static void
add_items (GPtrArray             *rows,
           const ComptoirReceipt *receipt,
           guint                  columns)
{
  for (guint i = 0; i < receipt->items->len; i++)
    {
      const ComptoirReceiptItem *item = &g_array_index (receipt->items, ComptoirReceiptItem, i);
      g_autofree char *amount = comptoir_money_format_local (item->total_cents);

      add_pair (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, item->label, amount, columns);
      /* One piece at its price says nothing more than the line itself. */
      if (item->unit != COMPTOIR_UNIT_PIECE || item->quantity_milli != 1000)
        {
          g_autofree char *detail = item_detail (item);
          add_left (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, detail, 2, columns);
        }
    }
}

/* Fits text in width characters, right-aligned. */
static void
append_right (GString    *row,
              const char *text,
              guint       width)
{
  g_autofree char *fitted = cut (text, width);

  append_spaces (row, width - width_of (fitted));
  g_string_append (row, fitted);
}

static void
append_left (GString    *row,
             const char *text,
             guint       width)
{
  g_autofree char *fitted = cut (text, width);

  g_string_append (row, fitted);
  append_spaces (row, width - width_of (fitted));
}

/* Rate, base, VAT and total per rate. When the four columns do not fit
 * (huge amounts on 58 mm paper) each rate gets a row per figure. */
static void
add_vat_table (GPtrArray             *rows,
               const ComptoirReceipt *receipt,
               guint                  columns)
{
  const ComptoirVatBreakdown *vat = &receipt->vat;
  /* Translators: headings of the VAT table on a receipt; keep them to 8
   * characters at most (French: Taux, HT, TVA, TTC) */
  const char *headings[] = { _("Rate"), _("Excl."), _("VAT"), _("Incl.") };
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint n_rows = vat->n_rates + (vat->n_rates > 1 ? 1 : 0);
  guint rate_width = 0, amount_width = 0, cell_width;

  if (vat->n_rates == 0)
    return;

  for (guint i = 0; i < n_rows; i++)
    {
      gboolean sum = i == vat->n_rates;
      const ComptoirVatLine *line = sum ? NULL : &vat->rates[i];

      g_ptr_array_add (cells, sum ? g_strdup (_("Total")) : comptoir_vat_rate_format (line->rate_bp));
      g_ptr_array_add (cells, comptoir_money_format_local (sum ? vat->base_cents : line->base_cents));
      g_ptr_array_add (cells, comptoir_money_format_local (sum ? vat->vat_cents : line->vat_cents));
      g_ptr_array_add (cells, comptoir_money_format_local (sum ? vat->total_cents : line->total_cents));
    }
  for (guint i = 0; i < cells->len; i++)
    {
      guint w = width_of (g_ptr_array_index (cells, i));

      if (i % 4 == 0)
        rate_width = MAX (rate_width, w);
      else
        amount_width = MAX (amount_width, w);
    }
  rate_width = MAX (rate_width, MIN (width_of (headings[0]), 8));
  cell_width = (columns - rate_width) / 3;

  if (cell_width < amount_width + 1)
    {
      for (guint i = 0; i < n_rows; i++)
        {
          add_left (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, g_ptr_array_index (cells, 4 * i), 0, columns);
          for (guint k = 1; k < 4; k++)
            {
              g_autofree char *label = g_strdup_printf ("  %s", headings[k]);
              add_pair (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, label, g_ptr_array_index (cells, 4 * i + k), columns);
            }
        }
      return;
    }

  {
    GString *row = g_string_new (NULL);

    append_left (row, headings[0], rate_width);
    /* One space at least between headings, whatever their translation. */
    for (guint k = 1; k < 4; k++)
      {
        g_string_append_c (row, ' ');
        append_right (row, headings[k], cell_width - 1);
      }
    add_row_take (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, strip_trailing (g_string_free (row, FALSE)));
  }
  for (guint i = 0; i < n_rows; i++)
    {
      GString *row = g_string_new (NULL);

      append_left (row, g_ptr_array_index (cells, 4 * i), rate_width);
      for (guint k = 1; k < 4; k++)
        append_right (row, g_ptr_array_index (cells, 4 * i + k), cell_width);
      add_row_take (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, g_string_free (row, FALSE));
    }
}

static void
add_payments (GPtrArray             *rows,
              const ComptoirReceipt *receipt,
              guint                  columns)
{
  for (guint i = 0; i < receipt->payments->len; i++)
    {
      const ComptoirReceiptPayment *payment = &g_array_index (receipt->payments, ComptoirReceiptPayment, i);
      g_autofree char *amount = comptoir_money_format_local (payment->amount_cents);

      add_pair (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, method_label (receipt, payment->method), amount, columns);
    }
  if (receipt->change_cents > 0)
    {
      g_autofree char *change = comptoir_money_format_local (receipt->change_cents);
      /* Translators: the cash given back to the customer */
      add_pair (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, _("Change"), change, columns);
    }
}

GPtrArray *
comptoir_receipt_layout (const ComptoirReceipt *receipt,
                         guint                  columns)
{
  GPtrArray *rows = rows_new ();
  g_autofree char *total = NULL;
  g_autofree char *total_text = NULL;

  g_return_val_if_fail (receipt != NULL, rows);
  g_return_val_if_fail (columns >= MIN_COLUMNS && columns <= MAX_COLUMNS, rows);

  add_header (rows, receipt, columns);
  add_notices (rows, receipt, columns);
  add_separator (rows, columns);
  add_ticket_info (rows, receipt, columns);
  add_separator (rows, columns);
  add_items (rows, receipt, columns);
  add_separator (rows, columns);

  total = comptoir_money_format_local (receipt->total_cents);
  /* Translators: the amount of a ticket in euros, "12.50 €" */
  total_text = g_strdup_printf (_("%s €"), total);
  add_pair (rows, COMPTOIR_RECEIPT_STYLE_TOTAL, _("TOTAL"), total_text, columns);

  add_separator (rows, columns);
  add_vat_table (rows, receipt, columns);
  add_separator (rows, columns);
  add_payments (rows, receipt, columns);
  add_separator (rows, columns);

  if (receipt->footer != NULL)
    {
      g_auto (GStrv) lines = g_strsplit (receipt->footer, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        add_centred (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, lines[i], columns);
    }
  /* Data wider than the paper would not scan once squeezed onto it. */
  if (receipt->barcode != NULL && width_of (receipt->barcode) <= columns)
    add_row_take (rows, COMPTOIR_RECEIPT_STYLE_BARCODE, g_strdup (receipt->barcode));
  /* Said again at the bottom: a torn-off end must not pass for a sale. */
  if (receipt->training)
    add_centred (rows, COMPTOIR_RECEIPT_STYLE_BOLD, _("Training — not a sale"), columns);

  return rows;
}

GPtrArray *
comptoir_receipt_layout_document (const char *text,
                                  guint       columns)
{
  GPtrArray *rows = rows_new ();
  g_auto (GStrv) lines = NULL;
  guint n;

  g_return_val_if_fail (columns >= MIN_COLUMNS && columns <= MAX_COLUMNS, rows);

  lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  n = g_strv_length (lines);
  /* A final newline ends the last line; it does not start an empty one. */
  if (n > 0 && *lines[n - 1] == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    add_left (rows, COMPTOIR_RECEIPT_STYLE_NORMAL, lines[i], 0, columns);
  return rows;
}

char *
comptoir_receipt_rows_to_text (GPtrArray *rows,
                               guint      columns)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const ComptoirReceiptRow *row = g_ptr_array_index (rows, i);

      if (row->style == COMPTOIR_RECEIPT_STYLE_TITLE || row->style == COMPTOIR_RECEIPT_STYLE_BARCODE)
        {
          guint w = width_of (row->text);
          append_spaces (out, w < columns ? (columns - w) / 2 : 0);
        }
      g_string_append (out, row->text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
comptoir_receipt_format_text (const ComptoirReceipt *receipt,
                              guint                  columns)
{
  g_autoptr (GPtrArray) rows = comptoir_receipt_layout (receipt, columns);

  return comptoir_receipt_rows_to_text (rows, columns);
}
