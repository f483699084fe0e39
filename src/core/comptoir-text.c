/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-text"

#include "config.h"

#include "comptoir-text.h"

/* Lower-case ASCII transliteration ("Œufs frais" → "oeufs frais"), used
 * as the sort key so that "Épinards" sorts with the E, not after Z. */
char *
comptoir_text_fold (const char *text)
{
  g_autofree char *ascii = NULL;

  if (text == NULL)
    return g_strdup ("");

  ascii = g_str_to_ascii (text, "C");
  return g_ascii_strdown (ascii, -1);
}

/* Turns what a person types into an FTS5 query: every word is a quoted
 * prefix term, all words must match. Quoting makes FTS5 syntax characters
 * ("-", "*", ":", quotes) plain text, so no input can be a syntax error. */
char *
comptoir_text_fts_query (const char *user_text)
{
  GString *query = g_string_new (NULL);
  const char *p = user_text != NULL ? user_text : "";

  while (*p)
    {
      const char *start;
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      g_string_append_len (query, start, p - start);
      g_string_append (query, "\"*");
    }

  return g_string_free (query, FALSE);
}

char *
comptoir_text_clean (const char *text)
{
  char *clean;

  if (text == NULL)
    return NULL;
  clean = g_strstrip (g_strdup (text));
  if (clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

gboolean
comptoir_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}
