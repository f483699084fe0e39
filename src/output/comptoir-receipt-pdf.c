/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-output"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <zint.h>

#include "comptoir-receipt-pdf.h"

#define MM (72.0 / 25.4)
/* Paper rolls and what a printer prints of them: the page is the roll,
 * the text block the printable width, as on the printer. */
#define ROLL_80MM (80 * MM)
#define ROLL_58MM (58 * MM)
#define MARGIN (4 * MM)
#define BARCODE_HEIGHT (12 * MM)
/* A module of half a millimetre scans from paper and from a phone screen;
 * a narrow roll gets thinner modules rather than a cut barcode. */
#define MAX_MODULE (0.5 * MM)
#define QUIET_MODULES 10
#define FONT_FAMILY "DejaVu Sans Mono,Monospace"

typedef struct {
  PangoContext         *context;
  PangoFontDescription *regular;
  PangoFontDescription *bold;
  double                page_width;
  double                line_height;
} Metrics;

static void
metrics_clear (Metrics *m)
{
  g_clear_object (&m->context);
  g_clear_pointer (&m->regular, pango_font_description_free);
  g_clear_pointer (&m->bold, pango_font_description_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metrics, metrics_clear)

double
comptoir_receipt_page_width (guint columns)
{
  return columns >= 42 ? ROLL_80MM : ROLL_58MM;
}

static PangoLayout *
new_layout (Metrics                    *m,
            const PangoFontDescription *font,
            const char                 *text)
{
  PangoLayout *layout = pango_layout_new (m->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* The font size at which the printer's columns fill its printable width,
 * measured rather than assumed, whatever monospace font fontconfig
 * gives. Metrics are unhinted, at 72 dpi: one unit is one point on every
 * surface, so a PDF and a preview lay out alike. */
static void
metrics_init (Metrics *m,
              guint    columns)
{
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *probe = g_strnfill (columns, '0');
  cairo_font_options_t *options = cairo_font_options_create ();
  double printable, width;
  PangoRectangle logical;

  m->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (m->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (m->context, options);
  cairo_font_options_destroy (options);

  m->page_width = comptoir_receipt_page_width (columns);
  printable = m->page_width - 2 * MARGIN;

  m->regular = pango_font_description_from_string (FONT_FAMILY " 10");
  layout = new_layout (m, m->regular, probe);
  pango_layout_get_extents (layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  pango_font_description_set_size (m->regular, (gint) (10 * PANGO_SCALE * printable / width));

  pango_layout_set_font_description (layout, m->regular);
  pango_layout_get_extents (layout, NULL, &logical);
  m->line_height = (double) logical.height / PANGO_SCALE;

  m->bold = pango_font_description_copy (m->regular);
  pango_font_description_set_weight (m->bold, PANGO_WEIGHT_BOLD);
}

static double
row_height (const Metrics            *m,
            const ComptoirReceiptRow *row)
{
  switch (row->style)
    {
    case COMPTOIR_RECEIPT_STYLE_TITLE:
    case COMPTOIR_RECEIPT_STYLE_TOTAL:
      return 2 * m->line_height;
    case COMPTOIR_RECEIPT_STYLE_BARCODE:
      return m->line_height / 2 + BARCODE_HEIGHT + m->line_height;
    case COMPTOIR_RECEIPT_STYLE_NORMAL:
    case COMPTOIR_RECEIPT_STYLE_BOLD:
    default:
      return m->line_height;
    }
}

static double
rows_height (const Metrics *m,
             GPtrArray     *rows)
{
  double height = 2 * MARGIN;

  for (guint i = 0; i < rows->len; i++)
    height += row_height (m, g_ptr_array_index (rows, i));
  return height;
}

double
comptoir_receipt_page_height (GPtrArray *rows,
                              guint      columns)
{
  g_auto (Metrics) m = { 0 };

  metrics_init (&m, columns);
  return rows_height (&m, rows);
}

static void
show_text (cairo_t                    *cr,
           Metrics                    *m,
           const PangoFontDescription *font,
           const char                 *text,
           double                      x,
           double                      y,
           double                      scale_x,
           double                      scale_y,
           gboolean                    centred)
{
  g_autoptr (PangoLayout) layout = new_layout (m, font, text);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (centred)
    x = (m->page_width - scale_x * logical.width / PANGO_SCALE) / 2;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  /* The layout keeps the context's unscaled, unhinted metrics: scaling
   * the drawing, not the font, keeps double-size text on the columns the
   * layout counted, as the printer does. */
  cairo_scale (cr, scale_x, scale_y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* CODE 128 drawn from zint's vector output, so it stays sharp at any
 * zoom and on any printer the PDF goes to. */
static gboolean
draw_barcode (cairo_t     *cr,
              Metrics     *m,
              const char  *data,
              double       y,
              GError     **error)
{
  struct zint_symbol *symbol = ZBarcode_Create ();
  double module, scale_x, scale_y, x;
  int rc;

  if (symbol == NULL)
    g_error ("zint could not allocate a barcode");
  symbol->symbology = BARCODE_CODE128;
  symbol->show_hrt = 0;
  symbol->whitespace_width = 0;
  rc = ZBarcode_Encode_and_Buffer_Vector (symbol, (const unsigned char *) data, (int) strlen (data), 0);
  if (rc >= ZINT_ERROR || symbol->vector == NULL || symbol->width <= 0)
    {
      g_set_error (error, COMPTOIR_OUTPUT_ERROR, COMPTOIR_OUTPUT_ERROR_BARCODE,
                   _("Could not draw the barcode “%s” (%s). Print the receipt without it and report the "
                     "problem."), data, symbol->errtxt);
      ZBarcode_Delete (symbol);
      return FALSE;
    }

  module = MIN (MAX_MODULE, (m->page_width - 2 * MARGIN) / (symbol->width + 2 * QUIET_MODULES));
  scale_x = module * symbol->width / symbol->vector->width;
  scale_y = BARCODE_HEIGHT / symbol->vector->height;
  x = (m->page_width - module * symbol->width) / 2;
  y += m->line_height / 2;

  for (struct zint_vector_rect *rect = symbol->vector->rectangles; rect != NULL; rect = rect->next)
    if (rect->colour == -1)
      cairo_rectangle (cr, x + rect->x * scale_x, y + rect->y * scale_y,
                       rect->width * scale_x, rect->height * scale_y);
  cairo_fill (cr);
  ZBarcode_Delete (symbol);

  show_text (cr, m, m->regular, data, 0, y + BARCODE_HEIGHT, 1, 1, TRUE);
  return TRUE;
}

static gboolean
draw_rows (cairo_t    *cr,
           Metrics    *m,
           GPtrArray  *rows,
           GError    **error)
{
  double y = MARGIN;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      const ComptoirReceiptRow *row = g_ptr_array_index (rows, i);

      switch (row->style)
        {
        case COMPTOIR_RECEIPT_STYLE_TITLE:
          show_text (cr, m, m->bold, row->text, 0, y, 2, 2, TRUE);
          break;
        case COMPTOIR_RECEIPT_STYLE_TOTAL:
          show_text (cr, m, m->bold, row->text, MARGIN, y, 1, 2, FALSE);
          break;
        case COMPTOIR_RECEIPT_STYLE_BOLD:
          show_text (cr, m, m->bold, row->text, MARGIN, y, 1, 1, FALSE);
          break;
        case COMPTOIR_RECEIPT_STYLE_BARCODE:
          if (!draw_barcode (cr, m, row->text, y, error))
            {
              cairo_restore (cr);
              return FALSE;
            }
          break;
        case COMPTOIR_RECEIPT_STYLE_NORMAL:
        default:
          show_text (cr, m, m->regular, row->text, MARGIN, y, 1, 1, FALSE);
          break;
        }
      y += row_height (m, row);
    }

  cairo_restore (cr);
  return TRUE;
}

gboolean
comptoir_receipt_draw (cairo_t    *cr,
                       GPtrArray  *rows,
                       guint       columns,
                       GError    **error)
{
  g_auto (Metrics) m = { 0 };

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  metrics_init (&m, columns);
  return draw_rows (cr, &m, rows, error);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, COMPTOIR_OUTPUT_ERROR, COMPTOIR_OUTPUT_ERROR_WRITE,
               _("Could not write %s (%s). Check that the folder exists, that you may write in it "
                 "and that the disk is not full."), path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
comptoir_receipt_pdf_write_rows (GPtrArray   *rows,
                                 guint        columns,
                                 const char  *path,
                                 GError     **error)
{
  g_auto (Metrics) m = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  metrics_init (&m, columns);
  surface = cairo_pdf_surface_create (path, m.page_width, rows_height (&m, rows));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Comptoir " PACKAGE_VERSION);
  cr = cairo_create (surface);
  ok = draw_rows (cr, &m, rows, error);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && check_surface (surface, path, error);
  cairo_surface_destroy (surface);

  /* A half-written file must not pass for a receipt. */
  if (!ok)
    g_remove (path);
  return ok;
}

gboolean
comptoir_receipt_pdf_write (const ComptoirReceipt  *receipt,
                            guint                   columns,
                            const char             *path,
                            GError                **error)
{
  g_autoptr (GPtrArray) rows = comptoir_receipt_layout (receipt, columns);

  return comptoir_receipt_pdf_write_rows (rows, columns, path, error);
}

gboolean
comptoir_receipt_png_write (GPtrArray   *rows,
                            guint        columns,
                            double       dpi,
                            const char  *path,
                            GError     **error)
{
  g_auto (Metrics) m = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale = dpi / 72;
  gboolean ok;

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (dpi > 0, FALSE);

  metrics_init (&m, columns);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (m.page_width * scale + 0.5),
                                        (int) (rows_height (&m, rows) * scale + 0.5));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ok = draw_rows (cr, &m, rows, error);
  cairo_destroy (cr);
  if (ok)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, path);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, COMPTOIR_OUTPUT_ERROR, COMPTOIR_OUTPUT_ERROR_WRITE,
                       _("Could not write %s (%s). Check that the folder exists, that you may write in it "
                         "and that the disk is not full."), path, cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_destroy (surface);
  return ok;
}
