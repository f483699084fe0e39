/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-escpos"

#include "config.h"

#include <string.h>

#include "comptoir-escpos.h"

#define ESC 0x1b
#define GS  0x1d
#define LF  0x0a

/* ESC t 19 selects page 858 on Epson printers and their clones. */
#define CODE_PAGE_858 19

/* Printable width in dots at 203 dpi: 72 mm on 80 mm paper, 48 mm on
 * 58 mm paper. */
#define DOTS_80MM 576
#define DOTS_58MM 384
#define BARCODE_HEIGHT 80  /* dots: 10 mm, easy for a hand scanner */

/* Bytes 0x80 to 0xff of code page 858, as Unicode. An explicit table
 * rather than iconv: the bytes sent to a printer must not depend on the
 * C library of the machine (musl and some Flatpak runtimes lack CP858).
 * The tests check it against glibc's iconv. */
static const gunichar cp858_high[128] = {
  0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7,
  0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5,
  0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9,
  0x00ff, 0x00d6, 0x00dc, 0x00f8, 0x00a3, 0x00d8, 0x00d7, 0x0192,
  0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba,
  0x00bf, 0x00ae, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb,
  0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00c1, 0x00c2, 0x00c0,
  0x00a9, 0x2563, 0x2551, 0x2557, 0x255d, 0x00a2, 0x00a5, 0x2510,
  0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x00e3, 0x00c3,
  0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x00a4,
  0x00f0, 0x00d0, 0x00ca, 0x00cb, 0x00c8, 0x20ac, 0x00cd, 0x00ce,
  0x00cf, 0x2518, 0x250c, 0x2588, 0x2584, 0x00a6, 0x00cc, 0x2580,
  0x00d3, 0x00df, 0x00d4, 0x00d2, 0x00f5, 0x00d5, 0x00b5, 0x00fe,
  0x00de, 0x00da, 0x00db, 0x00d9, 0x00fd, 0x00dd, 0x00af, 0x00b4,
  0x00ad, 0x00b1, 0x2017, 0x00be, 0x00b6, 0x00a7, 0x00f7, 0x00b8,
  0x00b0, 0x00a8, 0x00b7, 0x00b9, 0x00b3, 0x00b2, 0x25a0, 0x00a0,
};

/* What French text uses that page 858 lacks. */
static const struct {
  gunichar    c;
  const char *ascii;
} fallbacks[] = {
  { 0x0152, "OE" }, { 0x0153, "oe" },           /* Œ œ */
  { 0x2018, "'" }, { 0x2019, "'" }, { 0x201a, "'" }, { 0x2039, "<" }, { 0x203a, ">" },
  { 0x201c, "\"" }, { 0x201d, "\"" }, { 0x201e, "\"" },
  { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" }, { 0x2014, "-" }, { 0x2212, "-" },
  { 0x2026, "..." }, { 0x2022, "*" },
  { 0x2009, " " }, { 0x202f, " " }, { 0x2007, " " }, { 0x2002, " " }, { 0x2003, " " },
  { 0x2116, "No" },                              /* № */
};

static gboolean
append_cp858_char (GByteArray *out,
                   gunichar    c)
{
  guint8 byte;

  if (c < 0x80)
    {
      byte = (guint8) c;
      g_byte_array_append (out, &byte, 1);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cp858_high); i++)
    if (cp858_high[i] == c)
      {
        byte = (guint8) (0x80 + i);
        g_byte_array_append (out, &byte, 1);
        return TRUE;
      }
  return FALSE;
}

static void
append_text (GByteArray *out,
             const char *text)
{
  /* Broken UTF-8 becomes U+FFFD, which the page lacks: a "?". */
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gboolean done = append_cp858_char (out, c);

      for (guint i = 0; i < G_N_ELEMENTS (fallbacks) && !done; i++)
        if (fallbacks[i].c == c)
          {
            g_byte_array_append (out, (const guint8 *) fallbacks[i].ascii, strlen (fallbacks[i].ascii));
            done = TRUE;
          }
      /* A letter with an accent the page lacks keeps its letter: Ÿ → Y. */
      if (!done && g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 1)
        done = append_cp858_char (out, decomposed[0]);
      if (!done)
        g_byte_array_append (out, (const guint8 *) "?", 1);
    }
}

GBytes *
comptoir_escpos_to_cp858 (const char *text)
{
  GByteArray *out = g_byte_array_new ();

  append_text (out, text != NULL ? text : "");
  return g_byte_array_free_to_bytes (out);
}

static void
append_bytes (GByteArray *out,
              gsize       n,
              ...)
{
  va_list args;

  va_start (args, n);
  for (gsize i = 0; i < n; i++)
    {
      guint8 byte = (guint8) va_arg (args, int);
      g_byte_array_append (out, &byte, 1);
    }
  va_end (args);
}

/* CODE 128 in code set B: start, data, check and stop symbols of 11
 * modules (the stop 13), and ten modules of quiet zone each side. */
static guint
code128_modules (gsize length)
{
  return 11 * ((guint) length + 2) + 13 + 20;
}

/* GS k 73: the printer draws the barcode itself, so it stays sharp at the
 * printer's resolution and costs a few bytes. The widest modules that fit
 * the paper scan best. */
static void
append_barcode (GByteArray *out,
                const char *data,
                guint       columns)
{
  g_autoptr (GByteArray) payload = g_byte_array_new ();
  guint dots = columns >= 42 ? DOTS_80MM : DOTS_58MM;
  guint module = 3;

  /* "{B" selects code set B; a "{" in the data is written "{{". */
  g_byte_array_append (payload, (const guint8 *) "{B", 2);
  for (const char *p = data; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || (guchar) *p > 0x7e)
        return;
      g_byte_array_append (payload, (const guint8 *) p, 1);
      if (*p == '{')
        g_byte_array_append (payload, (const guint8 *) p, 1);
    }
  if (payload->len > 255)
    return;

  while (module > 1 && code128_modules (payload->len - 2) * module > dots)
    module--;
  if (code128_modules (payload->len - 2) > dots)
    return;

  append_bytes (out, 3, ESC, 'a', 1);                /* centred */
  append_bytes (out, 3, GS, 'h', BARCODE_HEIGHT);
  append_bytes (out, 3, GS, 'w', module);
  append_bytes (out, 3, GS, 'H', 2);                 /* readable text below */
  append_bytes (out, 3, GS, 'f', 0);
  append_bytes (out, 4, GS, 'k', 73, payload->len);
  g_byte_array_append (out, payload->data, payload->len);
  append_bytes (out, 3, ESC, 'a', 0);
}

GBytes *
comptoir_escpos_encode_rows (GPtrArray *rows,
                             guint      columns)
{
  GByteArray *out = g_byte_array_new ();

  append_bytes (out, 2, ESC, '@');                   /* reset to the printer's defaults */
  append_bytes (out, 3, ESC, 't', CODE_PAGE_858);

  for (guint i = 0; i < rows->len; i++)
    {
      const ComptoirReceiptRow *row = g_ptr_array_index (rows, i);

      switch (row->style)
        {
        case COMPTOIR_RECEIPT_STYLE_TITLE:
          append_bytes (out, 9, ESC, 'a', 1, GS, '!', 0x11, ESC, 'E', 1);
          append_text (out, row->text);
          append_bytes (out, 10, LF, ESC, 'E', 0, GS, '!', 0x00, ESC, 'a', 0);
          break;
        case COMPTOIR_RECEIPT_STYLE_BOLD:
          append_bytes (out, 3, ESC, 'E', 1);
          append_text (out, row->text);
          append_bytes (out, 4, LF, ESC, 'E', 0);
          break;
        case COMPTOIR_RECEIPT_STYLE_TOTAL:
          /* Double height only: double width would halve the columns the
           * layout counted on. */
          append_bytes (out, 6, ESC, 'E', 1, GS, '!', 0x01);
          append_text (out, row->text);
          append_bytes (out, 7, LF, GS, '!', 0x00, ESC, 'E', 0);
          break;
        case COMPTOIR_RECEIPT_STYLE_BARCODE:
          append_barcode (out, row->text, columns);
          break;
        case COMPTOIR_RECEIPT_STYLE_NORMAL:
        default:
          append_text (out, row->text);
          append_bytes (out, 1, LF);
          break;
        }
    }

  append_bytes (out, 4, GS, 'V', 66, 3);             /* feed past the cutter, partial cut */
  return g_byte_array_free_to_bytes (out);
}

GBytes *
comptoir_escpos_encode_receipt (const ComptoirReceipt *receipt,
                                guint                  columns)
{
  g_autoptr (GPtrArray) rows = comptoir_receipt_layout (receipt, columns);

  return comptoir_escpos_encode_rows (rows, columns);
}

GBytes *
comptoir_escpos_encode_document (const char *text,
                                 guint       columns)
{
  g_autoptr (GPtrArray) rows = comptoir_receipt_layout_document (text, columns);

  return comptoir_escpos_encode_rows (rows, columns);
}

GBytes *
comptoir_escpos_drawer_pulse (void)
{
  /* ESC p m t1 t2: pin 2, on 25 × 2 ms, off 250 × 2 ms — long enough for
   * every solenoid we know of, short enough not to heat it. */
  static const guint8 pulse[] = { ESC, 'p', 0, 25, 250 };

  return g_bytes_new_static (pulse, sizeof pulse);
}
