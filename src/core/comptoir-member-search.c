/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-member-record.h"
#include "comptoir-text.h"

/* Finding a member at the office desk or the till from what the person
 * in front says or shows: their number, their card, or bits of their
 * name, typed fast and without accents. */

static void
hit_clear (gpointer data)
{
  g_free (((ComptoirMemberHit *) data)->name);
}

static gboolean
is_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* The words of a folded text: runs of ASCII letters and digits
 * ("jean-pierre d'arc" is jean, pierre, d, arc). */
static GPtrArray *
split_words (const char *folded)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = folded;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (g_ascii_isalnum (*p))
        p++;
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  return words;
}

/* Every word typed starts some word of the name: "dup mar" finds
 * "dupont marie", "marie" finds "dupont marie", "ont" does not. */
static gboolean
words_match (GPtrArray  *typed,
             const char *sort_key)
{
  g_autoptr (GPtrArray) name_words = split_words (sort_key);

  for (guint i = 0; i < typed->len; i++)
    {
      const char *word = g_ptr_array_index (typed, i);
      gboolean found = FALSE;

      for (guint j = 0; !found && j < name_words->len; j++)
        found = g_str_has_prefix (g_ptr_array_index (name_words, j), word);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* '%' and '_' are LIKE's wildcards; folded words hold neither, but the
 * pattern is escaped all the same. */
static char *
like_contains (const char *word)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* The array frees the hits' names when it goes (a clear function).
 * Members who left come last; then by name, then by number. */
#define HIT_SQL \
  "SELECT id, number, first_name, last_name, left_on IS NOT NULL AND left_on <= ?2, sort_key FROM member "
#define HIT_ORDER " ORDER BY 5, sort_key, number"

gboolean
comptoir_member_search (ComptoirDb  *db,
                        const char  *text,
                        guint        limit,
                        GArray     **out,
                        GError     **error)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, TRUE, sizeof (ComptoirMemberHit));
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) words = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *pattern = NULL;
  const char *longest = NULL;
  char today[11];
  int rc = SQLITE_DONE;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  g_array_set_clear_func (hits, hit_clear);
  if (limit == 0)
    limit = G_MAXUINT;
  comptoir_day_to_iso (comptoir_day_today (), today);
  clean = g_strstrip (g_strdup (text));

  if (is_digits (clean))
    {
      gint64 number = 0;

      /* A card's thirteen digits, or a member number. */
      g_ascii_string_to_signed (clean, 10, 0, G_MAXINT64, &number, NULL);
      stmt = comptoir_db_prepare (db, HIT_SQL "WHERE card_barcode = ?1 OR number = ?3" HIT_ORDER, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, strlen (clean) <= 12 ? number : -1);
    }
  else
    {
      folded = comptoir_text_fold (clean);
      words = split_words (folded);
    }
  if (words != NULL && words->len == 0)
    {
      /* Nothing typed yet: the first members by number, those who left
       * last, so that a list is never empty for no reason. */
      g_clear_pointer (&words, g_ptr_array_unref);
      stmt = comptoir_db_prepare (db, HIT_SQL "ORDER BY 5, number", error);
      if (stmt == NULL)
        return FALSE;
    }
  else if (words != NULL)
    {
      /* The longest word narrows the rows read; all words are checked
       * below on the words of each name. */
      for (guint i = 0; i < words->len; i++)
        if (longest == NULL || strlen (g_ptr_array_index (words, i)) > strlen (longest))
          longest = g_ptr_array_index (words, i);
      pattern = like_contains (longest);
      stmt = comptoir_db_prepare (db, HIT_SQL "WHERE sort_key LIKE ?1 ESCAPE '\\'" HIT_ORDER, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);

  while (hits->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirMemberHit hit = { 0 };

      if (words != NULL && !words_match (words, (const char *) sqlite3_column_text (stmt, 5)))
        continue;
      g_strlcpy (hit.id, (const char *) sqlite3_column_text (stmt, 0), sizeof hit.id);
      hit.number = sqlite3_column_int64 (stmt, 1);
      hit.name = g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
      hit.left = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (hits, hit);
    }
  if (hits->len < limit && rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }

  *out = g_steal_pointer (&hits);
  return TRUE;
}

gboolean
comptoir_member_find_one (ComptoirDb  *db,
                          const char  *text,
                          char         out_id[COMPTOIR_ID_LEN + 1],
                          GError     **error)
{
  g_autoptr (GArray) hits = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Scan the member's card, or type their number or name."));
      return FALSE;
    }
  if (!comptoir_member_search (db, clean, 2, &hits, error))
    return FALSE;
  if (hits->len == 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("No member matches “%s”. Check the number on the card."), clean);
      return FALSE;
    }
  /* A number or a card names one member, even when a name would fit
   * several. */
  if (hits->len > 1 && !is_digits (clean))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Several members match “%s”: type the member's number instead."), clean);
      return FALSE;
    }
  g_strlcpy (out_id, g_array_index (hits, ComptoirMemberHit, 0).id, COMPTOIR_ID_LEN + 1);
  return TRUE;
}
