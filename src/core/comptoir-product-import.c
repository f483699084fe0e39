/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-product-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-money.h"
#include "comptoir-product-import.h"
#include "comptoir-text.h"

/* How many rejected lines comptoir_import_report_format() spells out;
 * the accessors give all of them. */
#define MAX_FORMATTED_REJECTIONS 100

typedef enum {
  COL_NAME,
  COL_BARCODE,
  COL_CODE,
  COL_PRICE,
  COL_VAT,
  COL_UNIT,
  COL_CATEGORY,
  COL_SUPPLIER_REF,
  COL_ORIGIN,
  COL_ORGANIC,
  COL_ACTIVE,
  N_COLS
} Column;

/* Header names as people write them, French and English; matched with
 * case, accents, spaces and punctuation ignored ("Code-barres" is
 * "code barres" is "CODEBARRES"). */
static const struct {
  Column      column;
  const char *header;
} synonyms[] = {
  { COL_NAME, "nom" }, { COL_NAME, "name" }, { COL_NAME, "libellé" },
  { COL_NAME, "désignation" }, { COL_NAME, "produit" }, { COL_NAME, "nom du produit" },
  { COL_NAME, "product" }, { COL_NAME, "product name" },
  { COL_BARCODE, "ean" }, { COL_BARCODE, "ean13" }, { COL_BARCODE, "ean 13" },
  { COL_BARCODE, "code-barres" }, { COL_BARCODE, "code barre" }, { COL_BARCODE, "codes-barres" },
  { COL_BARCODE, "code barres" }, { COL_BARCODE, "codes barre" }, { COL_BARCODE, "barcode" },
  { COL_BARCODE, "barcodes" }, { COL_BARCODE, "gtin" }, { COL_BARCODE, "eans" },
  { COL_CODE, "code" }, { COL_CODE, "référence" }, { COL_CODE, "ref" }, { COL_CODE, "code interne" },
  { COL_CODE, "sku" }, { COL_CODE, "plu" }, { COL_CODE, "code produit" },
  { COL_PRICE, "prix" }, { COL_PRICE, "prix ttc" }, { COL_PRICE, "prix de vente" },
  { COL_PRICE, "prix de vente ttc" }, { COL_PRICE, "price" }, { COL_PRICE, "pvc" },
  { COL_PRICE, "prix unitaire" }, { COL_PRICE, "prix unitaire ttc" },
  { COL_VAT, "tva" }, { COL_VAT, "taux tva" }, { COL_VAT, "taux de tva" }, { COL_VAT, "vat" },
  { COL_VAT, "vat rate" },
  { COL_UNIT, "unité" }, { COL_UNIT, "unit" }, { COL_UNIT, "unité de vente" },
  { COL_CATEGORY, "catégorie" }, { COL_CATEGORY, "rayon" }, { COL_CATEGORY, "famille" },
  { COL_CATEGORY, "category" },
  { COL_SUPPLIER_REF, "réf fournisseur" }, { COL_SUPPLIER_REF, "référence fournisseur" },
  { COL_SUPPLIER_REF, "supplier ref" }, { COL_SUPPLIER_REF, "supplier reference" },
  { COL_ORIGIN, "origine" }, { COL_ORIGIN, "origin" }, { COL_ORIGIN, "pays" },
  { COL_ORIGIN, "pays d'origine" },
  { COL_ORGANIC, "bio" }, { COL_ORGANIC, "organic" },
  { COL_ACTIVE, "actif" }, { COL_ACTIVE, "active" },
};

typedef struct {
  guint  line;
  char  *reason;
} Rejection;

struct _ComptoirImportReport
{
  gboolean    committed;
  gboolean    dry_run;
  guint       n_created;
  guint       n_updated;
  guint       n_unchanged;
  GArray     *rejections;       /* Rejection */
  GPtrArray  *ignored_columns;  /* NULL-terminated */
  const char *encoding;
  char        delimiter;
};

typedef struct {
  ComptoirCatalog      *catalog;
  ComptoirImportReport *report;
  int                   columns[N_COLS];   /* index in the record, or -1 */
  GArray               *barcode_columns;   /* int; several are merged */
  guint                 n_header_fields;
  GHashTable           *codes_seen;        /* code → first line */
  GHashTable           *barcodes_seen;     /* normalized barcode → first line */
  GHashTable           *products_seen;     /* product id → first line */
  GHashTable           *categories;        /* folded name → ComptoirCategory */
} Import;

/* The trimmed cells of one line by meaning; NULL when the file has no
 * such column, "" when the cell is blank. */
typedef struct {
  char *v[N_COLS];
} Cells;

static void
cells_clear (Cells *cells)
{
  for (guint c = 0; c < N_COLS; c++)
    g_clear_pointer (&cells->v[c], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cells, cells_clear)

/* The problems of one line: messages, and the product fields they are
 * about, so that validation does not say the same thing twice. */
typedef struct {
  GPtrArray *messages;
  GPtrArray *fields;
} RowErrors;

static void
rejection_clear (gpointer data)
{
  g_free (((Rejection *) data)->reason);
}

void
comptoir_import_report_free (ComptoirImportReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->rejections);
  g_ptr_array_unref (report->ignored_columns);
  g_free (report);
}

static ComptoirImportReport *
report_new (void)
{
  ComptoirImportReport *report = g_new0 (ComptoirImportReport, 1);

  report->rejections = g_array_new (FALSE, TRUE, sizeof (Rejection));
  g_array_set_clear_func (report->rejections, rejection_clear);
  report->ignored_columns = g_ptr_array_new_with_free_func (g_free);
  return report;
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->barcode_columns, g_array_unref);
  g_clear_pointer (&import->codes_seen, g_hash_table_unref);
  g_clear_pointer (&import->barcodes_seen, g_hash_table_unref);
  g_clear_pointer (&import->products_seen, g_hash_table_unref);
  g_clear_pointer (&import->categories, g_hash_table_unref);
  g_clear_pointer (&import->report, comptoir_import_report_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

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
column_label (Column column)
{
  switch (column)
    {
    case COL_NAME:         return _("name");
    case COL_BARCODE:      return _("barcode");
    case COL_CODE:         return _("code");
    case COL_PRICE:        return _("price");
    case COL_VAT:          return _("VAT rate");
    case COL_UNIT:         return _("unit");
    case COL_CATEGORY:     return _("category");
    case COL_SUPPLIER_REF: return _("supplier reference");
    case COL_ORIGIN:       return _("origin");
    case COL_ORGANIC:      return _("organic");
    case COL_ACTIVE:       return _("active");
    case N_COLS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
map_header (Import              *import,
            const char * const  *header,
            GError             **error)
{
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();

  for (guint c = 0; c < N_COLS; c++)
    import->columns[c] = -1;
  import->barcode_columns = g_array_new (FALSE, FALSE, sizeof (int));
  import->n_header_fields = g_strv_length ((char **) header);

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[i]));
      int column;

      if (name[0] == '\0')
        continue;

      column = column_for_header (name);
      if (column < 0)
        {
          g_ptr_array_add (import->report->ignored_columns, g_steal_pointer (&name));
          continue;
        }

      if (column == COL_BARCODE)
        {
          int index = (int) i;
          g_array_append_val (import->barcode_columns, index);
        }
      else if (import->columns[column] >= 0)
        {
          g_autofree char *first = g_strstrip (g_strdup (header[import->columns[column]]));

          g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_AMBIGUOUS_COLUMNS,
                       _("The columns “%s” and “%s” both give the same thing (%s). "
                         "Delete or rename one of them, then import the file again."),
                       first, name, column_label (column));
          return FALSE;
        }

      import->columns[column] = (int) i;
    }
  g_ptr_array_add (import->report->ignored_columns, NULL);

  if (import->columns[COL_NAME] < 0)
    g_ptr_array_add (missing, (gpointer) column_label (COL_NAME));
  if (import->columns[COL_PRICE] < 0)
    g_ptr_array_add (missing, (gpointer) column_label (COL_PRICE));
  if (import->columns[COL_CODE] < 0 && import->barcode_columns->len == 0)
    g_ptr_array_add (missing, (gpointer) _("code or barcode"));
  if (import->columns[COL_VAT] < 0 && import->columns[COL_CATEGORY] < 0)
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

static void
row_error (RowErrors  *errors,
           const char *field,
           char       *message)
{
  g_ptr_array_add (errors->messages, message);
  if (field != NULL)
    g_ptr_array_add (errors->fields, (gpointer) field);
}

static gboolean
row_has_error_on (RowErrors  *errors,
                  const char *field)
{
  return g_ptr_array_find_with_equal_func (errors->fields, field, g_str_equal, NULL);
}

static void
reject (Import    *import,
        guint      line,
        GPtrArray *messages)
{
  Rejection rejection = { line, NULL };

  g_ptr_array_add (messages, NULL);
  rejection.reason = g_strjoinv (" ", (char **) messages->pdata);
  g_ptr_array_remove_index (messages, messages->len - 1);
  g_array_append_val (import->report->rejections, rejection);
}

static char *
canonical_word (const char *text)
{
  return header_key (text);
}

static gboolean
parse_unit (const char   *text,
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

static gboolean
parse_bool (const char *text,
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
static gboolean
parse_vat (const char *text,
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

/* The barcodes of a line, normalized, from every barcode column; a cell
 * may hold several, separated by spaces, '|', ',' or '/'. */
static GPtrArray *
parse_barcodes (Import             *import,
                const char * const *fields,
                guint               n_fields,
                GPtrArray          *raw,
                RowErrors          *errors)
{
  GPtrArray *barcodes = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < import->barcode_columns->len; c++)
    {
      g_autofree char *text = cell (fields, n_fields, g_array_index (import->barcode_columns, int, c));
      g_auto (GStrv) tokens = NULL;

      if (text == NULL)
        continue;
      if (g_ascii_isdigit (text[0]) && (strstr (text, "E+") != NULL || strstr (text, "e+") != NULL))
        {
          row_error (errors, "barcodes",
                     g_strdup_printf (_("The barcode “%s” was turned into a rounded number by the "
                                        "spreadsheet. Format the barcode column as text, type the "
                                        "barcodes again, then save the file again."),
                                      text));
          continue;
        }

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
            row_error (errors, "barcodes", g_strdup (error->message));
          else if (!g_ptr_array_find_with_equal_func (barcodes, normal, g_str_equal, NULL))
            g_ptr_array_add (barcodes, g_steal_pointer (&normal));
        }
    }

  return barcodes;
}

/* Finds a product, NOT_FOUND being no error. */
static gboolean
find_product (Import           *import,
              const char       *key,
              gboolean          is_barcode,
              ComptoirProduct **out_product,
              GError          **error)
{
  g_autoptr (GError) local_error = NULL;

  /* A code that reads as a barcode is tried as a barcode first, as
   * comptoir_catalog_lookup() does; asking lookup_barcode() directly
   * also spares lookup() a found barcode, which it cannot return
   * without a critical warning (it propagates a NULL error). */
  if (!is_barcode && comptoir_barcode_classify (key) != COMPTOIR_BARCODE_INVALID)
    {
      if (!find_product (import, key, TRUE, out_product, error))
        return FALSE;
      if (*out_product != NULL)
        return TRUE;
    }

  if (is_barcode)
    *out_product = comptoir_catalog_lookup_barcode (import->catalog, key, &local_error);
  else
    *out_product = comptoir_catalog_lookup (import->catalog, key, &local_error);

  if (*out_product == NULL &&
      !g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
products_equal (ComptoirProduct *a,
                ComptoirProduct *b)
{
  return g_strcmp0 (comptoir_product_get_code (a), comptoir_product_get_code (b)) == 0 &&
         g_strcmp0 (comptoir_product_get_name (a), comptoir_product_get_name (b)) == 0 &&
         comptoir_product_get_unit (a) == comptoir_product_get_unit (b) &&
         comptoir_product_get_price_cents (a) == comptoir_product_get_price_cents (b) &&
         comptoir_product_get_vat_bp (a) == comptoir_product_get_vat_bp (b) &&
         g_strcmp0 (comptoir_product_get_category_id (a), comptoir_product_get_category_id (b)) == 0 &&
         g_strcmp0 (comptoir_product_get_supplier_ref (a), comptoir_product_get_supplier_ref (b)) == 0 &&
         g_strcmp0 (comptoir_product_get_origin (a), comptoir_product_get_origin (b)) == 0 &&
         comptoir_product_get_organic (a) == comptoir_product_get_organic (b) &&
         comptoir_product_get_active (a) == comptoir_product_get_active (b) &&
         g_strv_equal (comptoir_product_get_barcodes (a), comptoir_product_get_barcodes (b));
}

static void
note_duplicate (GHashTable *seen,
                const char *key,
                guint       line,
                guint      *out_first_line)
{
  gpointer first = g_hash_table_lookup (seen, key);

  if (first != NULL)
    *out_first_line = GPOINTER_TO_UINT (first);
  else
    g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (line));
}

static gboolean
load_categories (Import  *import,
                 GError **error)
{
  g_autoptr (GPtrArray) categories = comptoir_catalog_list_categories (import->catalog, error);

  if (categories == NULL)
    return FALSE;

  import->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) comptoir_category_free);
  for (guint i = 0; i < categories->len; i++)
    {
      ComptoirCategory *category = g_ptr_array_index (categories, i);
      g_autofree char *name = g_strstrip (g_strdup (category->name));

      g_ptr_array_index (categories, i) = NULL;
      g_hash_table_replace (import->categories, comptoir_text_fold (name), category);
    }
  return TRUE;
}

/* Returns FALSE only when the database fails; a line that cannot be
 * imported is a rejection in the report. */
static gboolean
import_row (Import              *import,
            const char * const  *fields,
            guint                line,
            GError             **error)
{
  guint n_fields = g_strv_length ((char **) fields);
  g_auto (Cells) cells = { { NULL } };
  char **values = cells.v;
  g_autoptr (GPtrArray) raw_barcodes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) barcodes = NULL;
  g_autoptr (GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) error_fields = g_ptr_array_new ();
  RowErrors errors = { messages, error_fields };
  g_autoptr (ComptoirProduct) existing = NULL;
  g_autoptr (ComptoirProduct) product = NULL;
  g_autofree char *new_category = NULL;
  const char *code;
  gboolean blank = TRUE;
  gboolean duplicate = FALSE;
  gboolean has_price = FALSE, has_vat = FALSE, has_unit = FALSE, has_active = FALSE;
  gboolean organic = FALSE, active = TRUE;
  gint64 price = 0;
  int vat = 0;
  ComptoirUnit unit = COMPTOIR_UNIT_PIECE;
  guint first_line = 0;

  for (guint i = 0; blank && i < n_fields; i++)
    for (const char *p = fields[i]; blank && *p; p++)
      blank = g_ascii_isspace (*p);
  if (blank)
    return TRUE;

  /* A value holding the separator unquoted shifts the following cells:
   * "2,35" in a comma-separated file. */
  for (guint i = import->n_header_fields; i < n_fields; i++)
    {
      g_autofree char *extra = g_strstrip (g_strdup (fields[i]));

      if (extra[0] == '\0')
        continue;
      row_error (&errors, NULL,
                 g_strdup_printf (_("This line has %u values but the first line names %u columns: "
                                    "a value probably contains the separator “%c”. Put that value "
                                    "in double quotes, or save the file with another separator."),
                                  n_fields, import->n_header_fields, import->report->delimiter));
      reject (import, line, messages);
      return TRUE;
    }

  for (guint c = 0; c < N_COLS; c++)
    if (c != COL_BARCODE)
      values[c] = cell (fields, n_fields, import->columns[c]);

  barcodes = parse_barcodes (import, fields, n_fields, raw_barcodes, &errors);
  code = values[COL_CODE] != NULL && values[COL_CODE][0] != '\0' ? values[COL_CODE] : NULL;

  /* The same product twice in one file: which line should win? */
  if (code != NULL)
    {
      first_line = 0;
      note_duplicate (import->codes_seen, code, line, &first_line);
      if (first_line != 0)
        {
          row_error (&errors, "code",
                     g_strdup_printf (_("The code “%s” is also on line %u. Keep only one of the two lines."),
                                      code, first_line));
          duplicate = TRUE;
        }
    }
  for (guint i = 0; i < barcodes->len;)
    {
      const char *barcode = g_ptr_array_index (barcodes, i);

      first_line = 0;
      note_duplicate (import->barcodes_seen, barcode, line, &first_line);
      if (first_line == 0)
        {
          i++;
          continue;
        }
      row_error (&errors, NULL,
                 g_strdup_printf (_("The barcode %s is also on line %u. Keep only one of the two lines."),
                                  barcode, first_line));
      duplicate = TRUE;
      /* Left out of the product, so validation does not say it again. */
      g_ptr_array_remove_index (barcodes, i);
    }

  if (values[COL_PRICE] != NULL && values[COL_PRICE][0] != '\0')
    {
      has_price = comptoir_money_parse (values[COL_PRICE], &price);
      if (!has_price)
        row_error (&errors, "price-cents",
                   g_strdup_printf (_("The price “%s” is not an amount in euros. Write it like 2.35."),
                                    values[COL_PRICE]));
    }

  if (values[COL_VAT] != NULL && values[COL_VAT][0] != '\0')
    {
      has_vat = parse_vat (values[COL_VAT], &vat);
      if (!has_vat)
        row_error (&errors, "vat-bp",
                   g_strdup_printf (_("The VAT rate “%s” is not a French rate. Write 20, 10, 5.5 or 2.1."),
                                    values[COL_VAT]));
    }

  if (values[COL_UNIT] != NULL && values[COL_UNIT][0] != '\0')
    {
      has_unit = parse_unit (values[COL_UNIT], &unit);
      if (!has_unit)
        row_error (&errors, "unit",
                   g_strdup_printf (_("The unit “%s” is unknown. Write piece, kg or litre."),
                                    values[COL_UNIT]));
    }

  /* An organic column is often ticked with an "x": a blank cell is "no". */
  if (values[COL_ORGANIC] != NULL && values[COL_ORGANIC][0] != '\0' &&
      !parse_bool (values[COL_ORGANIC], &organic))
    row_error (&errors, "organic",
               g_strdup_printf (_("“%s” in the organic column is neither yes nor no. Write yes or no."),
                                values[COL_ORGANIC]));

  /* A blank active cell leaves the product as it is: forgetting to fill
   * a column must not take products off sale. */
  if (values[COL_ACTIVE] != NULL && values[COL_ACTIVE][0] != '\0')
    {
      has_active = parse_bool (values[COL_ACTIVE], &active);
      if (!has_active)
        row_error (&errors, "active",
                   g_strdup_printf (_("“%s” in the active column is neither yes nor no. Write yes or no."),
                                    values[COL_ACTIVE]));
    }

  /* By internal code first, else by any of the barcodes. */
  if (code != NULL && !find_product (import, code, FALSE, &existing, error))
    return FALSE;
  for (guint i = 0; existing == NULL && i < barcodes->len; i++)
    if (!find_product (import, g_ptr_array_index (barcodes, i), TRUE, &existing, error))
      return FALSE;

  if (existing != NULL)
    {
      first_line = 0;
      note_duplicate (import->products_seen, comptoir_product_get_id (existing), line, &first_line);
      if (first_line != 0 && !duplicate)
        row_error (&errors, NULL,
                   g_strdup_printf (_("Line %u is already about the product “%s”. "
                                      "Keep only one of the two lines."),
                                    first_line, comptoir_product_get_name (existing)));
      product = comptoir_product_copy (existing);
    }
  else
    {
      product = comptoir_product_new ();
      if (code == NULL)
        code = barcodes->len > 0 ? g_ptr_array_index (barcodes, 0)
                                 : raw_barcodes->len > 0 ? g_ptr_array_index (raw_barcodes, 0)
                                 : NULL;
      if (code == NULL)
        row_error (&errors, "code",
                   g_strdup (_("Give this line a code or a barcode, so that the product can be found.")));
      if (!has_price && !row_has_error_on (&errors, "price-cents"))
        row_error (&errors, "price-cents",
                   g_strdup (_("Give the price of this new product, for example 2.35.")));
    }

  if (code != NULL)
    comptoir_product_set_code (product, code);
  if (values[COL_NAME] != NULL && values[COL_NAME][0] != '\0')
    comptoir_product_set_name (product, values[COL_NAME]);
  if (barcodes->len > 0)
    {
      g_autoptr (GPtrArray) all = g_ptr_array_new ();
      const char * const *stored = comptoir_product_get_barcodes (product);

      /* Barcodes are added, never removed: the shop may have given the
       * product others (old packaging, multipacks). */
      for (guint i = 0; stored != NULL && stored[i] != NULL; i++)
        g_ptr_array_add (all, (gpointer) stored[i]);
      for (guint i = 0; i < barcodes->len; i++)
        if (!g_ptr_array_find_with_equal_func (all, g_ptr_array_index (barcodes, i), g_str_equal, NULL))
          g_ptr_array_add (all, g_ptr_array_index (barcodes, i));
      g_ptr_array_add (all, NULL);
      if (all->len != g_strv_length ((char **) stored) + 1)
        {
          g_auto (GStrv) copy = g_strdupv ((char **) all->pdata);
          comptoir_product_set_barcodes (product, (const char * const *) copy);
        }
    }
  if (has_price)
    comptoir_product_set_price_cents (product, price);
  if (has_unit)
    comptoir_product_set_unit (product, unit);
  if (values[COL_SUPPLIER_REF] != NULL && values[COL_SUPPLIER_REF][0] != '\0')
    comptoir_product_set_supplier_ref (product, values[COL_SUPPLIER_REF]);
  if (values[COL_ORIGIN] != NULL && values[COL_ORIGIN][0] != '\0')
    comptoir_product_set_origin (product, values[COL_ORIGIN]);
  if (values[COL_ORGANIC] != NULL && !row_has_error_on (&errors, "organic"))
    comptoir_product_set_organic (product, organic);
  if (has_active)
    comptoir_product_set_active (product, active);

  if (values[COL_CATEGORY] != NULL && values[COL_CATEGORY][0] != '\0')
    {
      g_autofree char *key = comptoir_text_fold (values[COL_CATEGORY]);
      ComptoirCategory *category = g_hash_table_lookup (import->categories, key);

      if (category != NULL)
        {
          comptoir_product_set_category (product, category->id, category->name);
          if (!has_vat && existing == NULL)
            {
              vat = category->default_vat_bp;
              has_vat = TRUE;
            }
        }
      else
        new_category = g_strdup (values[COL_CATEGORY]);
    }

  if (has_vat)
    comptoir_product_set_vat_bp (product, vat);
  else if (existing == NULL && !row_has_error_on (&errors, "vat-bp"))
    {
      if (new_category != NULL)
        row_error (&errors, "vat-bp",
                   g_strdup_printf (_("Give the VAT rate of this product: the category “%s” is new, "
                                      "so it has no rate yet."),
                                    new_category));
      else
        row_error (&errors, "vat-bp",
                   g_strdup (_("Give the VAT rate of this new product: 20, 10, 5.5 or 2.1.")));
    }

  if (existing != NULL && new_category == NULL && messages->len == 0 &&
      products_equal (existing, product))
    {
      import->report->n_unchanged++;
      return TRUE;
    }

  /* Every problem of the line at once, so it is fixed in one go; a
   * line repeating another is only told that. */
  if (!duplicate)
    {
      g_autoptr (GPtrArray) invalid = comptoir_catalog_validate_product (import->catalog, product);

      for (guint i = 0; i < invalid->len; i++)
        {
          ComptoirFieldError *field_error = g_ptr_array_index (invalid, i);

          if (!row_has_error_on (&errors, field_error->field))
            row_error (&errors, NULL, g_strdup (field_error->message));
        }
    }

  if (messages->len > 0)
    {
      reject (import, line, messages);
      return TRUE;
    }

  if (new_category != NULL)
    {
      g_autofree char *key = comptoir_text_fold (new_category);
      ComptoirCategory *category = g_new0 (ComptoirCategory, 1);

      category->default_vat_bp = has_vat ? vat : 550;
      category->id = comptoir_catalog_ensure_category (import->catalog, new_category,
                                                       category->default_vat_bp, error);
      if (category->id == NULL)
        {
          comptoir_category_free (category);
          return FALSE;
        }
      category->name = g_strdup (new_category);
      g_hash_table_replace (import->categories, g_steal_pointer (&key), category);
      comptoir_product_set_category (product, category->id, category->name);
    }

  {
    g_autoptr (GError) save_error = NULL;

    if (!comptoir_catalog_save_product (import->catalog, product, &save_error))
      {
        if (!g_error_matches (save_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID))
          {
            g_propagate_error (error, g_steal_pointer (&save_error));
            return FALSE;
          }
        row_error (&errors, NULL, g_strdup (save_error->message));
        reject (import, line, messages);
        return TRUE;
      }
  }

  if (existing != NULL)
    import->report->n_updated++;
  else
    {
      import->report->n_created++;
      g_hash_table_insert (import->products_seen, g_strdup (comptoir_product_get_id (product)),
                           GUINT_TO_POINTER (line));
    }

  return TRUE;
}

ComptoirImportReport *
comptoir_product_import (ComptoirCatalog  *catalog,
                         GBytes           *csv,
                         gboolean          dry_run,
                         GError          **error)
{
  g_auto (Import) import = { 0 };
  g_autoptr (ComptoirCsv) table = NULL;
  ComptoirDb *db;
  guint n_records;

  g_return_val_if_fail (COMPTOIR_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (csv != NULL, NULL);

  table = comptoir_csv_parse (csv, error);
  if (table == NULL)
    return NULL;

  import.catalog = catalog;
  import.report = report_new ();
  import.report->dry_run = dry_run;
  import.report->encoding = comptoir_csv_get_encoding (table);
  import.report->delimiter = comptoir_csv_get_delimiter (table);
  import.codes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.barcodes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.products_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!map_header (&import, comptoir_csv_get_record (table, 0), error))
    return NULL;

  db = comptoir_catalog_get_db (catalog);
  if (!comptoir_db_begin (db, error))
    return NULL;

  if (!load_categories (&import, error))
    goto fail;

  n_records = comptoir_csv_get_n_records (table);
  for (guint i = 1; i < n_records; i++)
    if (!import_row (&import, comptoir_csv_get_record (table, i), comptoir_csv_get_line (table, i), error))
      goto fail;

  /* All or nothing: a file half imported is worse than none. */
  if (dry_run || import.report->rejections->len > 0)
    comptoir_db_rollback (db);
  else
    {
      if (!comptoir_db_commit (db, error))
        return NULL;
      import.report->committed = TRUE;
    }

  return g_steal_pointer (&import.report);

fail:
  comptoir_db_rollback (db);
  return NULL;
}

gboolean
comptoir_import_report_get_committed (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->committed;
}

gboolean
comptoir_import_report_get_dry_run (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->dry_run;
}

guint
comptoir_import_report_get_n_created (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_created;
}

guint
comptoir_import_report_get_n_updated (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_updated;
}

guint
comptoir_import_report_get_n_unchanged (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_unchanged;
}

guint
comptoir_import_report_get_n_rejected (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->rejections->len;
}

guint
comptoir_import_report_get_rejected_line (ComptoirImportReport *report,
                                          guint                 index)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (index < report->rejections->len, 0);
  return g_array_index (report->rejections, Rejection, index).line;
}

const char *
comptoir_import_report_get_rejected_reason (ComptoirImportReport *report,
                                            guint                 index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->rejections->len, NULL);
  return g_array_index (report->rejections, Rejection, index).reason;
}

const char * const *
comptoir_import_report_get_ignored_columns (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return (const char * const *) report->ignored_columns->pdata;
}

const char *
comptoir_import_report_get_encoding (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->encoding;
}

char
comptoir_import_report_get_delimiter (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, '\0');
  return report->delimiter;
}

char *
comptoir_import_report_format (ComptoirImportReport *report)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n_rejected;
  const char * const *ignored;

  g_return_val_if_fail (report != NULL, NULL);

  n_rejected = report->rejections->len;
  ignored = comptoir_import_report_get_ignored_columns (report);

  if (report->dry_run)
    g_string_append_printf (text, "%s\n", _("Trial run: nothing was written. This is what the import would do."));

  if (report->delimiter == '\t')
    g_string_append_printf (text, _("Read as %s text, with tabs between the columns."), report->encoding);
  else
    g_string_append_printf (text, _("Read as %s text, with “%c” between the columns."),
                            report->encoding, report->delimiter);
  g_string_append_c (text, '\n');

  /* Translators: the four parts make one line, e.g.
   * "12 created, 3 updated, 0 unchanged, 2 rejected." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u created", "%u created", report->n_created),
                          report->n_created);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", report->n_updated),
                          report->n_updated);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", report->n_unchanged),
                          report->n_unchanged);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected", n_rejected),
                          n_rejected);
  g_string_append (text, ".\n");

  for (guint i = 0; i < n_rejected && i < MAX_FORMATTED_REJECTIONS; i++)
    {
      const Rejection *rejection = &g_array_index (report->rejections, Rejection, i);

      g_string_append_printf (text, _("Line %u: %s"), rejection->line, rejection->reason);
      g_string_append_c (text, '\n');
    }
  if (n_rejected > MAX_FORMATTED_REJECTIONS)
    {
      guint more = n_rejected - MAX_FORMATTED_REJECTIONS;

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "… and %u more rejected line.",
                                                 "… and %u more rejected lines.", more),
                              more);
      g_string_append_c (text, '\n');
    }

  if (ignored[0] != NULL)
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; ignored[i] != NULL; i++)
        g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", ignored[i]);
      g_string_append_printf (text, _("These columns were not understood and were ignored: %s."), list->str);
      g_string_append_c (text, '\n');
    }

  if (n_rejected > 0)
    g_string_append (text, _("Nothing was imported: fix the rejected lines and import the file again."));
  else if (report->dry_run)
    g_string_append (text, _("Import the file again without the trial run to save these changes."));
  else
    g_string_append (text, _("The products are saved."));
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}
