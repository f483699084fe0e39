/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-import-columns"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-csv.h"
#include "comptoir-import-columns.h"
#include "comptoir-money.h"
#include "comptoir-text.h"

/* Header names as people write them, French and English; matched with
 * case, accents, spaces and punctuation ignored ("Code-barres" is
 * "code barres" is "CODEBARRES"). */
static const struct {
  ComptoirImportColumn  column;
  const char           *header;
} synonyms[] = {
  { COMPTOIR_IMPORT_COL_NAME, "nom" }, { COMPTOIR_IMPORT_COL_NAME, "name" },
  { COMPTOIR_IMPORT_COL_NAME, "libellé" }, { COMPTOIR_IMPORT_COL_NAME, "désignation" },
  { COMPTOIR_IMPORT_COL_NAME, "produit" }, { COMPTOIR_IMPORT_COL_NAME, "nom du produit" },
  { COMPTOIR_IMPORT_COL_NAME, "product" }, { COMPTOIR_IMPORT_COL_NAME, "product name" },
  { COMPTOIR_IMPORT_COL_BARCODE, "ean" }, { COMPTOIR_IMPORT_COL_BARCODE, "ean13" },
  { COMPTOIR_IMPORT_COL_BARCODE, "ean 13" }, { COMPTOIR_IMPORT_COL_BARCODE, "code-barres" },
  { COMPTOIR_IMPORT_COL_BARCODE, "code barre" }, { COMPTOIR_IMPORT_COL_BARCODE, "codes-barres" },
  { COMPTOIR_IMPORT_COL_BARCODE, "code barres" }, { COMPTOIR_IMPORT_COL_BARCODE, "codes barre" },
  { COMPTOIR_IMPORT_COL_BARCODE, "barcode" }, { COMPTOIR_IMPORT_COL_BARCODE, "barcodes" },
  { COMPTOIR_IMPORT_COL_BARCODE, "gtin" }, { COMPTOIR_IMPORT_COL_BARCODE, "eans" },
  { COMPTOIR_IMPORT_COL_CODE, "code" }, { COMPTOIR_IMPORT_COL_CODE, "référence" },
  { COMPTOIR_IMPORT_COL_CODE, "ref" }, { COMPTOIR_IMPORT_COL_CODE, "code interne" },
  { COMPTOIR_IMPORT_COL_CODE, "sku" }, { COMPTOIR_IMPORT_COL_CODE, "plu" },
  { COMPTOIR_IMPORT_COL_CODE, "code produit" },
  { COMPTOIR_IMPORT_COL_PRICE, "prix" }, { COMPTOIR_IMPORT_COL_PRICE, "prix ttc" },
  { COMPTOIR_IMPORT_COL_PRICE, "prix de vente" }, { COMPTOIR_IMPORT_COL_PRICE, "prix de vente ttc" },
  { COMPTOIR_IMPORT_COL_PRICE, "price" }, { COMPTOIR_IMPORT_COL_PRICE, "pvc" },
  { COMPTOIR_IMPORT_COL_PRICE, "prix unitaire" }, { COMPTOIR_IMPORT_COL_PRICE, "prix unitaire ttc" },
  { COMPTOIR_IMPORT_COL_VAT, "tva" }, { COMPTOIR_IMPORT_COL_VAT, "taux tva" },
  { COMPTOIR_IMPORT_COL_VAT, "taux de tva" }, { COMPTOIR_IMPORT_COL_VAT, "vat" },
  { COMPTOIR_IMPORT_COL_VAT, "vat rate" },
  { COMPTOIR_IMPORT_COL_UNIT, "unité" }, { COMPTOIR_IMPORT_COL_UNIT, "unit" },
  { COMPTOIR_IMPORT_COL_UNIT, "unité de vente" },
  { COMPTOIR_IMPORT_COL_CATEGORY, "catégorie" }, { COMPTOIR_IMPORT_COL_CATEGORY, "rayon" },
  { COMPTOIR_IMPORT_COL_CATEGORY, "famille" }, { COMPTOIR_IMPORT_COL_CATEGORY, "category" },
  { COMPTOIR_IMPORT_COL_SUPPLIER_REF, "réf fournisseur" },
  { COMPTOIR_IMPORT_COL_SUPPLIER_REF, "référence fournisseur" },
  { COMPTOIR_IMPORT_COL_SUPPLIER_REF, "supplier ref" },
  { COMPTOIR_IMPORT_COL_SUPPLIER_REF, "supplier reference" },
  { COMPTOIR_IMPORT_COL_ORIGIN, "origine" }, { COMPTOIR_IMPORT_COL_ORIGIN, "origin" },
  { COMPTOIR_IMPORT_COL_ORIGIN, "pays" }, { COMPTOIR_IMPORT_COL_ORIGIN, "pays d'origine" },
  { COMPTOIR_IMPORT_COL_ORGANIC, "bio" }, { COMPTOIR_IMPORT_COL_ORGANIC, "organic" },
  { COMPTOIR_IMPORT_COL_ACTIVE, "actif" }, { COMPTOIR_IMPORT_COL_ACTIVE, "active" },
};

/* "Prix TTC (€)" → "prixttceur": ASCII letters and digits only. */
static char *
header_key (const char *text)
{
  g_autofree char *folded = comptoir_text_fold (text);
  char *out = folded;

  for (const char *p = folded; *p; p++)
    if (g_ascii_isalnum (*p))
      *out++ = *p;
  *out = '\0';
  return g_steal_pointer (&folded);
}

gboolean
comptoir_import_is_blank_line (const char * const *fields,
                               guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (!comptoir_text_is_blank (fields[i]))
      return FALSE;
  return TRUE;
}

guint
comptoir_import_note_repeat (GHashTable *seen,
                             const char *key,
                             guint       line)
{
  gpointer first = g_hash_table_lookup (seen, key);

  if (first == NULL)
    g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (line));
  return GPOINTER_TO_UINT (first);
}

char *
comptoir_import_check_field_count (const char * const *fields,
                                   guint               n_fields,
                                   guint               n_header_fields,
                                   char                delimiter)
{
  for (guint i = n_header_fields; i < n_fields; i++)
    if (!comptoir_text_is_blank (fields[i]))
      return g_strdup_printf (_("This line has %u values but the first line names %u columns: "
                                "a value probably contains the separator “%c”. Put that value "
                                "in double quotes, or save the file with another separator."),
                              n_fields, n_header_fields, delimiter);
  return NULL;
}

char *
comptoir_import_header_key (const char *header)
{
  return header_key (header);
}

static int
column_for_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      g_autofree char *candidate = header_key (synonyms[i].header);

      if (g_str_equal (key, candidate))
        return synonyms[i].column;
    }
  return -1;
}

static int
column_for_header (const char *header)
{
  static const char *currency_suffixes[] = { "euros", "euro", "eur" };
  g_autofree char *key = header_key (header);
  int column = column_for_key (key);

  /* "Prix (€)", "Prix TTC en euros" */
  for (guint i = 0; column < 0 && i < G_N_ELEMENTS (currency_suffixes); i++)
    if (g_str_has_suffix (key, currency_suffixes[i]))
      {
        key[strlen (key) - strlen (currency_suffixes[i])] = '\0';
        column = column_for_key (key);
      }

  return column;
}

static const char *
column_label (ComptoirImportColumn column)
{
  switch (column)
    {
    case COMPTOIR_IMPORT_COL_NAME:         return _("name");
    case COMPTOIR_IMPORT_COL_BARCODE:      return _("barcode");
    case COMPTOIR_IMPORT_COL_CODE:         return _("code");
    case COMPTOIR_IMPORT_COL_PRICE:        return _("price");
    case COMPTOIR_IMPORT_COL_VAT:          return _("VAT rate");
    case COMPTOIR_IMPORT_COL_UNIT:         return _("unit");
    case COMPTOIR_IMPORT_COL_CATEGORY:     return _("category");
    case COMPTOIR_IMPORT_COL_SUPPLIER_REF: return _("supplier reference");
    case COMPTOIR_IMPORT_COL_ORIGIN:       return _("origin");
    case COMPTOIR_IMPORT_COL_ORGANIC:      return _("organic");
    case COMPTOIR_IMPORT_COL_ACTIVE:       return _("active");
    case COMPTOIR_IMPORT_N_COLS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
comptoir_import_columns_map (ComptoirImportColumns  *columns,
                             const char * const     *header,
                             ComptoirImportReport   *report,
                             GError                **error)
{
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();

  for (guint c = 0; c < COMPTOIR_IMPORT_N_COLS; c++)
    columns->columns[c] = -1;
  g_clear_pointer (&columns->barcode_columns, g_array_unref);
  columns->barcode_columns = g_array_new (FALSE, FALSE, sizeof (int));
  columns->n_header_fields = g_strv_length ((char **) header);

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[i]));
      int column;

      if (name[0] == '\0')
        continue;

      column = column_for_header (name);
      if (column < 0)
        {
          _comptoir_import_report_add_ignored_column (report, name);
          continue;
        }

      if (column == COMPTOIR_IMPORT_COL_BARCODE)
        {
          int index = (int) i;
          g_array_append_val (columns->barcode_columns, index);
        }
      else if (columns->columns[column] >= 0)
        {
          g_autofree char *first = g_strstrip (g_strdup (header[columns->columns[column]]));

          g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_AMBIGUOUS_COLUMNS,
                       _("The columns “%s” and “%s” both give the same thing (%s). "
                         "Delete or rename one of them, then import the file again."),
                       first, name, column_label (column));
          return FALSE;
        }

      columns->columns[column] = (int) i;
    }

  if (columns->columns[COMPTOIR_IMPORT_COL_NAME] < 0)
    g_ptr_array_add (missing, (gpointer) column_label (COMPTOIR_IMPORT_COL_NAME));
  if (columns->columns[COMPTOIR_IMPORT_COL_PRICE] < 0)
    g_ptr_array_add (missing, (gpointer) column_label (COMPTOIR_IMPORT_COL_PRICE));
  if (columns->columns[COMPTOIR_IMPORT_COL_CODE] < 0 && columns->barcode_columns->len == 0)
    g_ptr_array_add (missing, (gpointer) _("code or barcode"));
  if (columns->columns[COMPTOIR_IMPORT_COL_VAT] < 0 && columns->columns[COMPTOIR_IMPORT_COL_CATEGORY] < 0)
    g_ptr_array_add (missing, (gpointer) _("VAT rate (or a category that has one)"));

  if (missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (", ", (char **) missing->pdata);
      g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS,
                   _("The file has no column for: %s. Name the columns on the first line "
                     "of the file, for example “code;ean;nom;prix;tva”, then import it again."),
                   list);
      return FALSE;
    }

  return TRUE;
}

void
comptoir_import_columns_clear (ComptoirImportColumns *columns)
{
  g_clear_pointer (&columns->barcode_columns, g_array_unref);
}

static char *
cell (const char * const *fields,
      guint               n_fields,
      int                 column)
{
  if (column < 0)
    return NULL;
  if ((guint) column >= n_fields)
    return g_strdup ("");
  return g_strstrip (g_strdup (fields[column]));
}

void
comptoir_import_cells_read (ComptoirImportCells         *cells,
                            const ComptoirImportColumns *columns,
                            const char * const          *fields,
                            guint                        n_fields)
{
  for (guint c = 0; c < COMPTOIR_IMPORT_N_COLS; c++)
    if (c != COMPTOIR_IMPORT_COL_BARCODE)
      {
        g_free (cells->v[c]);
        cells->v[c] = cell (fields, n_fields, columns->columns[c]);
      }
}

void
comptoir_import_cells_clear (ComptoirImportCells *cells)
{
  for (guint c = 0; c < COMPTOIR_IMPORT_N_COLS; c++)
    g_clear_pointer (&cells->v[c], g_free);
}

GPtrArray *
comptoir_import_parse_barcodes (const ComptoirImportColumns *columns,
                                const char * const          *fields,
                                guint                        n_fields,
                                GPtrArray                   *raw,
                                GPtrArray                   *problems)
{
  GPtrArray *barcodes = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < columns->barcode_columns->len; c++)
    {
      g_autofree char *text = cell (fields, n_fields, g_array_index (columns->barcode_columns, int, c));
      g_auto (GStrv) tokens = NULL;

      if (text == NULL)
        continue;
      if (g_ascii_isdigit (text[0]) && (strstr (text, "E+") != NULL || strstr (text, "e+") != NULL))
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("The barcode “%s” was turned into a rounded number by the "
                                              "spreadsheet. Format the barcode column as text, type the "
                                              "barcodes again, then save the file again."),
                                            text));
          continue;
        }

      /* A cell may hold several, separated by spaces, '|', ',', '/',
       * ';' or tabs. */
      tokens = g_strsplit_set (text, " |,/;\t", -1);
      for (guint i = 0; tokens[i] != NULL; i++)
        {
          g_autoptr (GError) error = NULL;
          g_autofree char *normal = NULL;

          if (tokens[i][0] == '\0')
            continue;
          g_ptr_array_add (raw, g_strdup (tokens[i]));

          normal = comptoir_barcode_normalize (tokens[i], &error);
          if (normal == NULL)
            g_ptr_array_add (problems, g_strdup (error->message));
          else if (!g_ptr_array_find_with_equal_func (barcodes, normal, g_str_equal, NULL))
            g_ptr_array_add (barcodes, g_steal_pointer (&normal));
        }
    }

  return barcodes;
}

/* Unit and yes/no words are matched like headers: "Au kilo" is
 * "aukilo", "Pièce" is "piece". */
static char *
canonical_word (const char *text)
{
  return header_key (text);
}

gboolean
comptoir_import_parse_unit (const char   *text,
                            ComptoirUnit *out_unit)
{
  static const struct {
    ComptoirUnit unit;
    const char  *word;
  } units[] = {
    { COMPTOIR_UNIT_PIECE, "piece" }, { COMPTOIR_UNIT_PIECE, "pieces" }, { COMPTOIR_UNIT_PIECE, "u" },
    { COMPTOIR_UNIT_PIECE, "unite" }, { COMPTOIR_UNIT_PIECE, "pce" }, { COMPTOIR_UNIT_PIECE, "pc" },
    { COMPTOIR_UNIT_PIECE, "unit" }, { COMPTOIR_UNIT_PIECE, "each" },
    { COMPTOIR_UNIT_KG, "kg" }, { COMPTOIR_UNIT_KG, "kilo" }, { COMPTOIR_UNIT_KG, "kilos" },
    { COMPTOIR_UNIT_KG, "aukilo" }, { COMPTOIR_UNIT_KG, "kilogramme" }, { COMPTOIR_UNIT_KG, "perkg" },
    { COMPTOIR_UNIT_LITRE, "l" }, { COMPTOIR_UNIT_LITRE, "litre" }, { COMPTOIR_UNIT_LITRE, "litres" },
    { COMPTOIR_UNIT_LITRE, "aulitre" }, { COMPTOIR_UNIT_LITRE, "liter" }, { COMPTOIR_UNIT_LITRE, "lt" },
  };
  g_autofree char *word = canonical_word (text);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_equal (word, units[i].word))
      {
        *out_unit = units[i].unit;
        return TRUE;
      }
  return FALSE;
}

gboolean
comptoir_import_parse_bool (const char *text,
                            gboolean   *out_value)
{
  static const char *yes[] = { "oui", "o", "yes", "y", "1", "x", "true", "vrai" };
  static const char *no[] = { "non", "n", "no", "0", "false", "faux" };
  g_autofree char *word = canonical_word (text);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (word, yes[i]))
      {
        *out_value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (word, no[i]))
      {
        *out_value = FALSE;
        return TRUE;
      }
  return FALSE;
}

/* "5,5", "20 %", and what a cell formatted as a percentage exports:
 * "0,055". */
gboolean
comptoir_import_parse_vat (const char *text,
                           int        *out_bp)
{
  int bp = 0;
  guint n = 0;
  const char *p;

  if (comptoir_vat_rate_parse (text, out_bp))
    return TRUE;

  if (text[0] != '0' || (text[1] != ',' && text[1] != '.'))
    return FALSE;

  for (p = text + 2; g_ascii_isdigit (*p) && n < 4; p++, n++)
    bp = bp * 10 + (*p - '0');
  if (n == 0 || *p != '\0')
    return FALSE;
  for (; n < 4; n++)
    bp *= 10;

  if (!comptoir_vat_rate_is_valid (bp))
    return FALSE;
  *out_bp = bp;
  return TRUE;
}
