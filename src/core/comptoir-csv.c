/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-csv.h"

/* RFC 4180 as spreadsheets write it: French Excel saves Windows-1252
 * with ';' (the comma is the decimal separator), LibreOffice and Google
 * Sheets UTF-8 with ','; Excel's "Unicode text" is UTF-16 with tabs. */

struct _ComptoirCsv
{
  GPtrArray  *records;  /* GStrv */
  GArray     *lines;    /* guint, line where each record starts */
  const char *encoding;
  gboolean    had_bom;
  char        delimiter;
};

G_DEFINE_QUARK (comptoir-csv-error-quark, comptoir_csv_error)

void
comptoir_csv_free (ComptoirCsv *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->records);
  g_array_unref (self->lines);
  g_free (self);
}

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* Returns the text as UTF-8, without a byte order mark. */
static char *
decode (ComptoirCsv  *self,
        const char   *data,
        gsize         len,
        gsize        *out_len,
        GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  const char *end = NULL;
  const char *from = NULL;
  gsize bytes_read = 0;
  char *text;

  if (len >= 2 && ((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe))
    from = "UTF-16LE";
  else if (len >= 2 && ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff))
    from = "UTF-16BE";

  if (from != NULL)
    {
      self->encoding = "UTF-16";
      self->had_bom = TRUE;
      text = g_convert (data + 2, len - 2, "UTF-8", from, &bytes_read, out_len, &local_error);
      if (text == NULL)
        {
          g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_ENCODING,
                       _("The file says it is Unicode (UTF-16) text but is damaged. "
                         "Save it again from the spreadsheet as “CSV UTF-8” and import that file."));
          return NULL;
        }
      return text;
    }

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      self->had_bom = TRUE;
      data += 3;
      len -= 3;
    }

  if (g_utf8_validate_len (data, len, &end))
    {
      self->encoding = "UTF-8";
      *out_len = len;
      return g_strndup (data, len);
    }

  if (self->had_bom)
    {
      g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_ENCODING,
                   _("Line %u is not valid UTF-8 text, although the file says it is. "
                     "Save the file again from the spreadsheet as “CSV UTF-8” and import it again."),
                   line_at (data, end - data));
      return NULL;
    }

  /* Not UTF-8: French Excel's "CSV (séparateur: point-virgule)". */
  self->encoding = "Windows-1252";
  text = g_convert (data, len, "UTF-8", "WINDOWS-1252", &bytes_read, out_len, &local_error);
  if (text == NULL)
    {
      gsize at = MIN (bytes_read, len - 1);

      g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_ENCODING,
                   _("Line %u contains a character that is not text (byte 0x%02X). "
                     "Save the file again from the spreadsheet as “CSV UTF-8” and import it again."),
                   line_at (data, at), (guchar) data[at]);
      return NULL;
    }
  return text;
}

static gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

/* Skips one line ending (LF, CRLF or a lone CR) and counts it. */
static const char *
skip_line_end (const char *p,
               const char *end,
               guint      *line)
{
  if (p < end && *p == '\r')
    {
      p++;
      if (p < end && *p == '\n')
        p++;
      (*line)++;
    }
  else if (p < end && *p == '\n')
    {
      p++;
      (*line)++;
    }
  return p;
}

/* The candidate that occurs most often in the first record, outside
 * quotes; a tie goes to ';' then tab, which spreadsheets only use as
 * separators, whereas commas also appear in French numbers. */
static char
detect_delimiter (const char *p,
                  const char *end)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && is_line_end (*p))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;

  return counts[best] > 0 ? candidates[best] : ',';
}

static gboolean
is_blank (char c,
          char delimiter)
{
  return c == ' ' || (c == '\t' && delimiter != '\t');
}

static gboolean
parse_records (ComptoirCsv  *self,
               const char   *text,
               gsize         len,
               GError      **error)
{
  const char *p = text;
  const char *end = text + len;
  const char delim = self->delimiter;
  g_autoptr (GString) field = g_string_sized_new (64);
  guint line = 1;

  /* Excel's hint line "sep=;" names the separator and is not data. */
  if (len >= 5 && g_ascii_strncasecmp (p, "sep=", 4) == 0 &&
      (p + 5 == end || is_line_end (p[5])))
    p = skip_line_end (p + 5, end, &line);

  while (p < end)
    {
      g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint record_line = line;
      gboolean any_quoted = FALSE;

      for (;;)
        {
          const char *q = p;

          g_string_truncate (field, 0);

          /* Tolerate blanks before an opening quote: ; "a;b" */
          while (q < end && is_blank (*q, delim))
            q++;

          if (q < end && *q == '"')
            {
              guint quote_line = line;

              any_quoted = TRUE;
              p = q + 1;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MALFORMED,
                                   _("Line %u: a quoted value is never closed, its closing "
                                     "double quote (\") is missing. Add the missing quote, or "
                                     "save the file again from the spreadsheet, then import it again."),
                                   quote_line);
                      return FALSE;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (is_line_end (*p))
                    {
                      /* A line break inside a value is kept as '\n'. */
                      p = skip_line_end (p, end, &line);
                      g_string_append_c (field, '\n');
                      continue;
                    }
                  g_string_append_c (field, *p);
                  p++;
                }

              while (p < end && is_blank (*p, delim))
                p++;
              if (p < end && *p != delim && !is_line_end (*p))
                {
                  g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MALFORMED,
                               _("Line %u: there is text after the closing quote of a value. "
                                 "Put the whole value in double quotes and double every quote "
                                 "inside it (\"\"), or save the file again from the spreadsheet, "
                                 "then import it again."),
                               line);
                  return FALSE;
                }
            }
          else
            {
              const char *start = p;

              while (p < end && *p != delim && !is_line_end (*p))
                p++;
              g_string_append_len (field, start, p - start);
            }

          g_ptr_array_add (fields, g_strndup (field->str, field->len));

          if (p < end && *p == delim)
            {
              p++;
              continue;
            }

          p = skip_line_end (p, end, &line);
          break;
        }

      /* A blank line is no record (but a lone "" is one). */
      if (fields->len == 1 && !any_quoted && ((char *) fields->pdata[0])[0] == '\0')
        continue;

      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (self->records, g_ptr_array_steal (fields, NULL));
      g_array_append_val (self->lines, record_line);
    }

  return TRUE;
}

ComptoirCsv *
comptoir_csv_parse_data (const char  *data,
                         gsize        len,
                         GError     **error)
{
  g_autoptr (ComptoirCsv) self = g_new0 (ComptoirCsv, 1);
  g_autofree char *text = NULL;
  const char *start;
  gsize text_len = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  text = decode (self, data != NULL ? data : "", len, &text_len, error);
  if (text == NULL)
    return NULL;

  if (memchr (text, '\0', text_len) != NULL)
    {
      g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_ENCODING,
                   _("Line %u contains binary data: this is not a CSV file. In the spreadsheet, "
                     "use “Save as” with the type “CSV”, then import that file."),
                   line_at (text, (const char *) memchr (text, '\0', text_len) - text));
      return NULL;
    }

  start = text;
  if (text_len >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0 &&
      (text_len == 5 || is_line_end (text[5])))
    self->delimiter = text[4];
  else
    self->delimiter = detect_delimiter (start, text + text_len);

  if (!parse_records (self, text, text_len, error))
    return NULL;

  if (self->records->len == 0)
    {
      g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_EMPTY,
                   _("The file is empty. Choose the file saved from the spreadsheet, "
                     "with the names of the columns on its first line."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

ComptoirCsv *
comptoir_csv_parse (GBytes  *bytes,
                    GError **error)
{
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  return comptoir_csv_parse_data (data, len, error);
}

guint
comptoir_csv_get_n_records (ComptoirCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->records->len;
}

const char * const *
comptoir_csv_get_record (ComptoirCsv *self,
                         guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->records->len, NULL);
  return g_ptr_array_index (self->records, index);
}

guint
comptoir_csv_get_n_fields (ComptoirCsv *self,
                           guint        index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->records->len, 0);
  return g_strv_length (g_ptr_array_index (self->records, index));
}

guint
comptoir_csv_get_line (ComptoirCsv *self,
                       guint        index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->lines->len, 0);
  return g_array_index (self->lines, guint, index);
}

const char *
comptoir_csv_get_encoding (ComptoirCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}

gboolean
comptoir_csv_get_had_bom (ComptoirCsv *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->had_bom;
}

char
comptoir_csv_get_delimiter (ComptoirCsv *self)
{
  g_return_val_if_fail (self != NULL, '\0');
  return self->delimiter;
}
