/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"
#include "test-receipt-shop.h"
#include "comptoir-receipt-pdf.h"

/* The PDF read back by programs that know nothing of Comptoir: poppler's
 * pdftotext and pdfinfo, and zbarimg decoding the barcode from the page
 * rasterised at 300 dpi by pdftoppm. */

static char *
run (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return g_steal_pointer (&out);
}

/* Runs of spaces as one: pdftotext spaces words as it measures them. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!(*p == ' ' && (out->len == 0 || out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\n')))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
assert_rows_in_pdf_text (GPtrArray  *rows,
                         const char *pdf_text)
{
  g_autofree char *squeezed = squeeze (pdf_text);

  for (guint i = 0; i < rows->len; i++)
    {
      const ComptoirReceiptRow *row = g_ptr_array_index (rows, i);
      g_autofree char *stripped = NULL;
      g_autofree char *expected = NULL;

      if (row->style == COMPTOIR_RECEIPT_STYLE_BARCODE)
        continue;
      stripped = g_strstrip (g_strdup (row->text));
      expected = squeeze (stripped);
      if (*expected != '\0' && strstr (squeezed, expected) == NULL)
        g_error ("row “%s” is not in the PDF's text:\n%s", expected, pdf_text);
    }
}

/* The page width pdfinfo reads, in points. */
static double
page_width (const char *info)
{
  const char *size = strstr (info, "Page size:");

  g_assert_nonnull (size);
  return g_ascii_strtod (size + strlen ("Page size:"), NULL);
}

static char *
decode_barcode (const char *dir,
                const char *pdf)
{
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, "-1.png", NULL);
  const char *raster[] = { "pdftoppm", "-r", "300", "-png", pdf, prefix, NULL };
  const char *zbar[] = { "zbarimg", "--quiet", "--raw", "-Sdisable", "-Scode128.enable", png, NULL };
  g_autofree char *unused = run (raster);

  return g_strstrip (run (zbar));
}

static void
test_pdf_80mm (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  g_autoptr (GPtrArray) rows = comptoir_receipt_layout (receipt, 48);
  g_autofree char *pdf = g_build_filename (f->dir, "receipt.pdf", NULL);
  const char *to_text[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  const char *info[] = { "pdfinfo", pdf, NULL };
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *decoded = NULL;

  g_assert_true (comptoir_receipt_pdf_write (receipt, 48, pdf, &error));
  g_assert_no_error (error);

  text = run (to_text);
  assert_rows_in_pdf_text (rows, text);
  g_assert_nonnull (strstr (text, "Coop du Canal"));
  g_assert_nonnull (strstr (text, "0.482 kg × 25.90 €/kg"));
  g_assert_nonnull (strstr (text, "21.23 €"));

  /* 80 mm wide: 226.77 points. */
  page = run (info);
  g_assert_cmpfloat_with_epsilon (page_width (page), 80 / 25.4 * 72, 0.01);
  g_assert_nonnull (g_regex_match_simple ("^Pages: +1$", page, G_REGEX_MULTILINE, 0) ? page : NULL);

  decoded = decode_barcode (f->dir, pdf);
  g_assert_cmpstr (decoded, ==, "T-1-1");
}

/* 58 mm paper, a duplicate: narrower modules, still readable. */
static void
test_pdf_58mm_duplicate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "receipt.pdf", NULL);
  const char *to_text[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  const char *info[] = { "pdfinfo", pdf, NULL };
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *decoded = NULL;

  g_assert_true (comptoir_receipt_record_print (receipt, f->db, &error));
  rows = comptoir_receipt_layout (receipt, 32);
  g_assert_true (comptoir_receipt_pdf_write_rows (rows, 32, pdf, &error));
  g_assert_no_error (error);

  text = run (to_text);
  assert_rows_in_pdf_text (rows, text);
  g_assert_nonnull (strstr (text, "DUPLICATE no. 1"));
  page = run (info);
  g_assert_cmpfloat_with_epsilon (page_width (page), 58 / 25.4 * 72, 0.01);

  decoded = decode_barcode (f->dir, pdf);
  g_assert_cmpstr (decoded, ==, "T-1-1");
}

/* The Z report, printable without a receipt printer. */
static void
test_pdf_document (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = comptoir_receipt_layout_document ("Daily closure (Z) — till T1\n"
                                                                 "  Period total          21.23 €\n", 48);
  g_autofree char *pdf = g_build_filename (f->dir, "z.pdf", NULL);
  const char *to_text[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = NULL;

  g_assert_true (comptoir_receipt_pdf_write_rows (rows, 48, pdf, &error));
  g_assert_no_error (error);
  text = run (to_text);
  assert_rows_in_pdf_text (rows, text);
}

static void
test_png_preview (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  g_autoptr (GPtrArray) rows = comptoir_receipt_layout (receipt, 48);
  g_autofree char *png = g_build_filename (f->dir, "preview.png", NULL);
  const char *zbar[] = { "zbarimg", "--quiet", "--raw", png, NULL };
  g_autofree char *decoded = NULL;

  g_assert_true (comptoir_receipt_png_write (rows, 48, 200, png, &error));
  g_assert_no_error (error);
  decoded = g_strstrip (run (zbar));
  g_assert_cmpstr (decoded, ==, "T-1-1");
}

static void
test_pdf_unwritable (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  g_autofree char *pdf = g_build_filename (f->dir, "no-such-folder", "receipt.pdf", NULL);

  g_assert_false (comptoir_receipt_pdf_write (receipt, 48, pdf, &error));
  g_assert_error (error, COMPTOIR_OUTPUT_ERROR, COMPTOIR_OUTPUT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, pdf));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  receipt_shop_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/comptoir/output/receipt-pdf/80mm", Fixture, NULL, fixture_set_up, test_pdf_80mm,
              fixture_tear_down);
  g_test_add ("/comptoir/output/receipt-pdf/58mm-duplicate", Fixture, NULL, fixture_set_up,
              test_pdf_58mm_duplicate, fixture_tear_down);
  g_test_add ("/comptoir/output/receipt-pdf/document", Fixture, NULL, fixture_set_up, test_pdf_document,
              fixture_tear_down);
  g_test_add ("/comptoir/output/receipt-pdf/png-preview", Fixture, NULL, fixture_set_up, test_png_preview,
              fixture_tear_down);
  g_test_add ("/comptoir/output/receipt-pdf/unwritable", Fixture, NULL, fixture_set_up, test_pdf_unwritable,
              fixture_tear_down);
  return g_test_run ();
}
