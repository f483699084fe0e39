/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-csv.h"
#include "comptoir-import-columns.h"
#include "comptoir-import-report-private.h"
#include "comptoir-member-import.h"
#include "comptoir-member-ledger.h"
#include "comptoir-member-record-private.h"

/* A cooperative moving to Comptoir brings its members from Odoo or from
 * a spreadsheet. The file is read by meaning of its columns, whatever
 * their names and order; every line is checked, and the file is saved
 * whole or not at all, so that it can be fixed and imported again. */

typedef enum {
  COL_NUMBER,
  COL_NAME,       /* the last name, or the whole name without a first-name column */
  COL_FIRST,
  COL_EMAIL,
  COL_PHONE,      /* several: the first filled one */
  COL_ADDRESS,
  COL_BIRTH,
  COL_JOIN,
  COL_SHARES,
  COL_TYPE,
  COL_BARCODE,
  COL_NOTES,
  N_COLS
} Col;

/* Header names as people and Odoo write them; compared as
 * comptoir_import_header_key() makes them. */
static const struct {
  Col         column;
  const char *header;
} synonyms[] = {
  { COL_NUMBER, "numéro" }, { COL_NUMBER, "n°" }, { COL_NUMBER, "no" }, { COL_NUMBER, "num" },
  { COL_NUMBER, "number" }, { COL_NUMBER, "member number" }, { COL_NUMBER, "membership number" },
  { COL_NUMBER, "numéro de membre" }, { COL_NUMBER, "numéro membre" }, { COL_NUMBER, "numéro d'adhérent" },
  { COL_NUMBER, "numéro adhérent" }, { COL_NUMBER, "n° adhérent" }, { COL_NUMBER, "n° de membre" },
  { COL_NUMBER, "barcode_base" }, { COL_NUMBER, "member no" }, { COL_NUMBER, "coop number" },
  { COL_NAME, "nom" }, { COL_NAME, "name" }, { COL_NAME, "last name" }, { COL_NAME, "lastname" },
  { COL_NAME, "nom de famille" }, { COL_NAME, "surname" }, { COL_NAME, "family name" },
  { COL_NAME, "nom complet" }, { COL_NAME, "full name" }, { COL_NAME, "display_name" },
  { COL_FIRST, "prénom" }, { COL_FIRST, "first name" }, { COL_FIRST, "firstname" },
  { COL_FIRST, "given name" },
  { COL_EMAIL, "email" }, { COL_EMAIL, "mail" }, { COL_EMAIL, "courriel" }, { COL_EMAIL, "adresse e-mail" },
  { COL_EMAIL, "adresse mail" }, { COL_EMAIL, "email address" }, { COL_EMAIL, "adresse électronique" },
  { COL_PHONE, "téléphone" }, { COL_PHONE, "tél" }, { COL_PHONE, "phone" }, { COL_PHONE, "mobile" },
  { COL_PHONE, "portable" }, { COL_PHONE, "téléphone portable" }, { COL_PHONE, "phone number" },
  { COL_PHONE, "numéro de téléphone" }, { COL_PHONE, "mobile phone" },
  { COL_ADDRESS, "adresse" }, { COL_ADDRESS, "address" }, { COL_ADDRESS, "street" },
  { COL_ADDRESS, "rue" }, { COL_ADDRESS, "adresse postale" },
  { COL_BIRTH, "date de naissance" }, { COL_BIRTH, "naissance" }, { COL_BIRTH, "birthdate" },
  { COL_BIRTH, "birthdate_date" }, { COL_BIRTH, "birth date" }, { COL_BIRTH, "date of birth" },
  { COL_BIRTH, "né le" }, { COL_BIRTH, "née le" },
  { COL_JOIN, "date d'adhésion" }, { COL_JOIN, "adhésion" }, { COL_JOIN, "date adhésion" },
  { COL_JOIN, "join date" }, { COL_JOIN, "joined" }, { COL_JOIN, "joined on" },
  { COL_JOIN, "membership date" }, { COL_JOIN, "date d'inscription" }, { COL_JOIN, "date of joining" },
  { COL_SHARES, "parts" }, { COL_SHARES, "shares" }, { COL_SHARES, "nombre de parts" },
  { COL_SHARES, "nb parts" }, { COL_SHARES, "parts sociales" }, { COL_SHARES, "number of shares" },
  { COL_SHARES, "parts souscrites" }, { COL_SHARES, "share count" },
  { COL_TYPE, "type" }, { COL_TYPE, "shift_type" }, { COL_TYPE, "participation" },
  { COL_TYPE, "type de service" }, { COL_TYPE, "type de créneau" }, { COL_TYPE, "régime" },
  { COL_TYPE, "member type" },
  { COL_BARCODE, "code-barres" }, { COL_BARCODE, "code barre" }, { COL_BARCODE, "codes-barres" },
  { COL_BARCODE, "barcode" }, { COL_BARCODE, "carte" }, { COL_BARCODE, "card" },
  { COL_BARCODE, "numéro de carte" }, { COL_BARCODE, "card number" }, { COL_BARCODE, "ean" },
  { COL_NOTES, "notes" }, { COL_NOTES, "note" }, { COL_NOTES, "remarques" }, { COL_NOTES, "commentaire" },
  { COL_NOTES, "commentaires" }, { COL_NOTES, "comment" }, { COL_NOTES, "comments" },
};

static const char *
column_label (Col column)
{
  switch (column)
    {
    case COL_NUMBER:  return _("member number");
    case COL_NAME:    return _("name");
    case COL_FIRST:   return _("first name");
    case COL_EMAIL:   return _("e-mail");
    case COL_PHONE:   return _("phone");
    case COL_ADDRESS: return _("address");
    case COL_BIRTH:   return _("birth date");
    case COL_JOIN:    return _("join date");
    case COL_SHARES:  return _("shares");
    case COL_TYPE:    return _("type");
    case COL_BARCODE: return _("card barcode");
    case COL_NOTES:   return _("notes");
    case N_COLS:
    default:
      g_assert_not_reached ();
    }
}

static int
column_for_header (const char *header)
{
  g_autofree char *key = comptoir_import_header_key (header);

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      g_autofree char *candidate = comptoir_import_header_key (synonyms[i].header);

      if (g_str_equal (key, candidate))
        return synonyms[i].column;
    }
  return -1;
}

typedef struct {
  ComptoirDb           *db;
  ComptoirImportReport *report;
  int                   columns[N_COLS];
  GArray               *phone_columns;   /* int */
  guint                 n_header_fields;
  GHashTable           *numbers_seen;    /* number → first line */
  GHashTable           *cards_seen;      /* barcode → first line */
  gint64                next_number;     /* for lines without one */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->phone_columns, g_array_unref);
  g_clear_pointer (&import->numbers_seen, g_hash_table_unref);
  g_clear_pointer (&import->cards_seen, g_hash_table_unref);
  g_clear_pointer (&import->report, comptoir_import_report_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static gboolean
map_columns (Import              *import,
             const char * const  *header,
             GError             **error)
{
  for (guint c = 0; c < N_COLS; c++)
    import->columns[c] = -1;
  import->phone_columns = g_array_new (FALSE, FALSE, sizeof (int));
  import->n_header_fields = g_strv_length ((char **) header);

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[i]));
      int column, index = (int) i;

      if (name[0] == '\0')
        continue;
      column = column_for_header (name);
      if (column < 0)
        {
          _comptoir_import_report_add_ignored_column (import->report, name);
          continue;
        }
      if (column == COL_PHONE)
        {
          g_array_append_val (import->phone_columns, index);
          continue;
        }
      if (import->columns[column] >= 0)
        {
          g_autofree char *first = g_strstrip (g_strdup (header[import->columns[column]]));

          g_set_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_AMBIGUOUS_COLUMNS,
                       _("The columns “%s” and “%s” both give the same thing (%s). "
                         "Delete or rename one of them, then import the file again."),
                       first, name, column_label (column));
          return FALSE;
        }
      import->columns[column] = index;
    }

  if (import->columns[COL_NAME] < 0)
    {
      g_set_error_literal (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS,
                           _("The file has no column for the members’ names. Name the columns on the "
                             "first line of the file, for example “Numéro;Nom;Prénom;Email”, then "
                             "import it again."));
      return FALSE;
    }
  return TRUE;
}

/* One line on its way to the database. */
typedef struct {
  guint                 line;
  char                 *cells[N_COLS];   /* trimmed; NULL: no column or blank */
  GPtrArray            *messages;
  gint64                number;          /* 0: none given */
  ComptoirDay           birth, join;
  gboolean              has_shares;
  guint                 shares;
  gboolean              has_type;
  ComptoirParticipation participation;
  char                 *first_name;
  char                 *last_name;
} Row;

static void
row_clear (Row *row)
{
  for (guint c = 0; c < N_COLS; c++)
    g_free (row->cells[c]);
  g_clear_pointer (&row->messages, g_ptr_array_unref);
  g_free (row->first_name);
  g_free (row->last_name);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static char *
cell (const char * const *fields,
      guint               n_fields,
      int                 index)
{
  char *text;

  if (index < 0 || (guint) index >= n_fields)
    return NULL;
  text = g_strstrip (g_strdup (fields[index]));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
read_cells (Import             *import,
            Row                *row,
            const char * const *fields,
            guint               n_fields)
{
  for (guint c = 0; c < N_COLS; c++)
    row->cells[c] = cell (fields, n_fields, import->columns[c]);
  for (guint i = 0; row->cells[COL_PHONE] == NULL && i < import->phone_columns->len; i++)
    row->cells[COL_PHONE] = cell (fields, n_fields, g_array_index (import->phone_columns, int, i));
}

static gboolean
is_upper_word (const char *word)
{
  gboolean letters = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      letters |= g_unichar_isalpha (c);
    }
  return letters;
}

/* With a first-name column, the name column is the last name. Without,
 * the whole name as Odoo writes it: "DUPONT Marie" (the last name in
 * capitals) or "Dupont, Marie"; otherwise "Marie Dupont". */
static void
read_names (Import *import,
            Row    *row)
{
  const char *name = row->cells[COL_NAME];
  g_auto (GStrv) words = NULL;
  guint n, n_upper = 0;
  const char *comma;

  if (import->columns[COL_FIRST] >= 0 || name == NULL)
    {
      row->last_name = g_strdup (name);
      row->first_name = g_strdup (row->cells[COL_FIRST]);
      return;
    }

  if ((comma = strchr (name, ',')) != NULL)
    {
      row->last_name = g_strstrip (g_strndup (name, comma - name));
      row->first_name = g_strstrip (g_strdup (comma + 1));
      return;
    }

  words = g_strsplit_set (name, " \t", -1);
  n = g_strv_length (words);
  {
    g_autoptr (GPtrArray) kept = g_ptr_array_new ();

    for (guint i = 0; i < n; i++)
      if (words[i][0] != '\0')
        g_ptr_array_add (kept, words[i]);
    while (n_upper < kept->len && is_upper_word (g_ptr_array_index (kept, n_upper)))
      n_upper++;
    g_ptr_array_add (kept, NULL);
    n = kept->len - 1;
    if (n < 2)
      row->last_name = g_strdup (name);
    else if (n_upper > 0)
      {
        /* "DUPONT Marie"; all in capitals, the last name comes first too. */
        guint n_last = n_upper < n ? n_upper : 1;
        char *saved = kept->pdata[n_last];

        kept->pdata[n_last] = NULL;
        row->last_name = g_strjoinv (" ", (char **) kept->pdata);
        kept->pdata[n_last] = saved;
        row->first_name = g_strjoinv (" ", (char **) kept->pdata + n_last);
      }
    else
      {
        char *last = kept->pdata[n - 1];

        kept->pdata[n - 1] = NULL;
        row->first_name = g_strjoinv (" ", (char **) kept->pdata);
        row->last_name = g_strdup (last);
      }
  }
}

/* "2024-03-14" (Odoo may add a time), "14/03/2024", "14.03.2024". */
static ComptoirDay
parse_date (const char *text)
{
  guint a, b, c;
  char sep1, sep2;
  int consumed = 0;
  GDate date;

  if (sscanf (text, "%4u-%2u-%2u%n", &a, &b, &c, &consumed) == 3 && consumed == 10 &&
      (text[10] == '\0' || text[10] == ' ' || text[10] == 'T'))
    {
      if (!g_date_valid_dmy (c, b, a))
        return COMPTOIR_DAY_NONE;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, c, b, a);
      return g_date_get_julian (&date);
    }
  if (sscanf (text, "%2u%c%2u%c%4u%n", &a, &sep1, &b, &sep2, &c, &consumed) == 5 &&
      text[consumed] == '\0' && sep1 == sep2 && (sep1 == '/' || sep1 == '.') && c >= 1000)
    {
      if (!g_date_valid_dmy (a, b, c))
        return COMPTOIR_DAY_NONE;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, a, b, c);
      return g_date_get_julian (&date);
    }
  return COMPTOIR_DAY_NONE;
}

static gboolean
parse_type (const char            *text,
            ComptoirParticipation *out)
{
  static const struct { const char *name; ComptoirParticipation participation; } types[] = {
    { "standard", COMPTOIR_PARTICIPATION_STANDARD }, { "abcd", COMPTOIR_PARTICIPATION_STANDARD },
    { "ftop", COMPTOIR_PARTICIPATION_FLYING }, { "flying", COMPTOIR_PARTICIPATION_FLYING },
    { "volant", COMPTOIR_PARTICIPATION_FLYING },
    { "exempt", COMPTOIR_PARTICIPATION_EXEMPT }, { "exempte", COMPTOIR_PARTICIPATION_EXEMPT },
    { "exemptee", COMPTOIR_PARTICIPATION_EXEMPT }, { "exempted", COMPTOIR_PARTICIPATION_EXEMPT },
  };
  g_autofree char *key = comptoir_import_header_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (key, types[i].name))
      {
        *out = types[i].participation;
        return TRUE;
      }
  return FALSE;
}

/* Every problem of the line at once, so that it is fixed in one go. */
static void
check_cells (Import *import,
             Row    *row)
{
  const char *number = row->cells[COL_NUMBER];
  const char *email = row->cells[COL_EMAIL];
  const char *shares = row->cells[COL_SHARES];
  const char *type = row->cells[COL_TYPE];
  const char *barcode = row->cells[COL_BARCODE];
  guint first;

  read_names (import, row);
  if (row->first_name == NULL || row->first_name[0] == '\0' ||
      row->last_name == NULL || row->last_name[0] == '\0')
    g_ptr_array_add (row->messages, g_strdup (_("Give the member’s first name and last name.")));

  if (number != NULL)
    {
      if (!g_ascii_string_to_signed (number, 10, 1, G_MAXINT32, &row->number, NULL))
        g_ptr_array_add (row->messages,
                         g_strdup_printf (_("The member number “%s” is not a whole number from 1."), number));
      else
        {
          g_autofree char *key = g_strdup_printf ("%lld", (long long) row->number);

          if ((first = comptoir_import_note_repeat (import->numbers_seen, key, row->line)) != 0)
            g_ptr_array_add (row->messages,
                             g_strdup_printf (_("The member number %s is also on line %u. Keep only one "
                                                "of the two lines."), key, first));
        }
    }

  if (email != NULL && !_comptoir_member_email_is_valid (email))
    g_ptr_array_add (row->messages,
                     g_strdup_printf (_("“%s” is not an e-mail address: write it like "
                                        "marie.dupont@example.org, or leave it empty."), email));

  if (row->cells[COL_BIRTH] != NULL && (row->birth = parse_date (row->cells[COL_BIRTH])) == COMPTOIR_DAY_NONE)
    g_ptr_array_add (row->messages,
                     g_strdup_printf (_("The birth date “%s” is not a date: write it like 2024-03-14 or 14/03/2024."),
                                      row->cells[COL_BIRTH]));
  if (row->cells[COL_JOIN] != NULL && (row->join = parse_date (row->cells[COL_JOIN])) == COMPTOIR_DAY_NONE)
    g_ptr_array_add (row->messages,
                     g_strdup_printf (_("The join date “%s” is not a date: write it like 2024-03-14 or 14/03/2024."),
                                      row->cells[COL_JOIN]));

  if (shares != NULL)
    {
      gint64 n = 0;

      row->has_shares = g_ascii_string_to_signed (shares, 10, 0, 10000, &n, NULL);
      row->shares = (guint) n;
      if (!row->has_shares)
        g_ptr_array_add (row->messages,
                         g_strdup_printf (_("The number of shares “%s” is not a whole number from 0 to 10000."),
                                          shares));
    }

  if (type != NULL)
    {
      row->has_type = parse_type (type, &row->participation);
      if (!row->has_type)
        g_ptr_array_add (row->messages,
                         g_strdup_printf (_("The type “%s” is unknown: write standard, ftop (flying) or exempt."),
                                          type));
    }

  if (barcode != NULL)
    {
      if (comptoir_barcode_classify (barcode) != COMPTOIR_BARCODE_EAN13)
        g_ptr_array_add (row->messages,
                         g_strdup_printf (_("The card barcode “%s” is not a valid 13-digit barcode: "
                                            "check its last digit, or leave it empty to print a new card."),
                                          barcode));
      else if ((first = comptoir_import_note_repeat (import->cards_seen, barcode, row->line)) != 0)
        g_ptr_array_add (row->messages,
                         g_strdup_printf (_("The card barcode %s is also on line %u. Keep only one of the "
                                            "two lines."), barcode, first));
    }
}

static void
reject (Import *import,
        Row    *row)
{
  g_autofree char *reason = NULL;

  g_ptr_array_add (row->messages, NULL);
  reason = g_strjoinv (" ", (char **) row->messages->pdata);
  g_ptr_array_remove_index (row->messages, row->messages->len - 1);
  _comptoir_import_report_add_rejection (import->report, row->line, reason);
}

/* A refusal by the member services (a card already a member's…) is a
 * rejected line; anything else stops the import. */
static gboolean
reject_or_fail (Import  *import,
                Row     *row,
                GError  *local_error,
                GError **error)
{
  if (!g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_ptr_array_add (row->messages, g_strdup (local_error->message));
  g_error_free (local_error);
  reject (import, row);
  return TRUE;
}

/* Flying members owe from the next cycle on: what they owed before the
 * import is not in the file. */
static ComptoirDay
participation_since (void)
{
  return comptoir_day_today ();
}

static gboolean
create_member (Import  *import,
               Row     *row,
               GError **error)
{
  ComptoirMemberRecord record = { { 0 } };
  g_autofree char *id = NULL;
  GError *local_error = NULL;

  record.number = row->number != 0 ? row->number : import->next_number++;
  record.first_name = row->first_name;
  record.last_name = row->last_name;
  record.email = row->cells[COL_EMAIL];
  record.phone = row->cells[COL_PHONE];
  record.address = row->cells[COL_ADDRESS];
  record.notes = row->cells[COL_NOTES];
  record.birth_date = row->birth;
  record.join_date = row->join;

  id = _comptoir_member_join_with_card (import->db, &record, row->has_shares ? row->shares : 0,
                                        row->cells[COL_BARCODE], &local_error);
  if (id == NULL ||
      (row->has_type && row->participation != COMPTOIR_PARTICIPATION_STANDARD &&
       !comptoir_member_set_participation (import->db, id, row->participation, participation_since (),
                                           &local_error)))
    return reject_or_fail (import, row, local_error, error);

  _comptoir_import_report_add_created (import->report);
  return TRUE;
}

static gboolean
replace_text (char       **field,
              const char  *cell)
{
  if (cell == NULL || g_strcmp0 (*field, cell) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (cell);
  return TRUE;
}

static gboolean
replace_day (ComptoirDay *field,
             ComptoirDay  day)
{
  if (day == COMPTOIR_DAY_NONE || *field == day)
    return FALSE;
  *field = day;
  return TRUE;
}

/* Blank cells leave the member's values as they are: a column missing
 * from one export must not erase what the office typed. */
static gboolean
update_member (Import     *import,
               Row        *row,
               const char *member_id,
               GError    **error)
{
  g_auto (ComptoirMemberRecord) record = { { 0 } };
  g_auto (ComptoirShares) shares = { 0 };
  GError *local_error = NULL;
  gboolean identity = FALSE, card, participation = FALSE;
  guint more_shares = 0;

  if (!comptoir_member_record_load (import->db, member_id, &record, error) ||
      !comptoir_member_shares_load (import->db, member_id, &shares, error))
    return FALSE;
  if (record.anonymised)
    {
      g_ptr_array_add (row->messages,
                       g_strdup_printf (_("Member %lld was anonymised: their record can no longer be changed. "
                                          "Remove this line."), (long long) record.number));
      reject (import, row);
      return TRUE;
    }

  identity |= replace_text (&record.first_name, row->first_name);
  identity |= replace_text (&record.last_name, row->last_name);
  identity |= replace_text (&record.email, row->cells[COL_EMAIL]);
  identity |= replace_text (&record.phone, row->cells[COL_PHONE]);
  identity |= replace_text (&record.address, row->cells[COL_ADDRESS]);
  identity |= replace_text (&record.notes, row->cells[COL_NOTES]);
  identity |= replace_day (&record.birth_date, row->birth);
  identity |= replace_day (&record.join_date, row->join);
  card = row->cells[COL_BARCODE] != NULL && g_strcmp0 (record.card_barcode, row->cells[COL_BARCODE]) != 0;
  participation = row->has_type && record.participation != row->participation;
  if (row->has_shares && (gint64) row->shares < shares.n_shares)
    {
      g_ptr_array_add (row->messages,
                       g_strdup_printf (_("Member %lld holds %lld shares and the file says %u: an import only "
                                          "adds shares. Refund or transfer shares from the member’s page."),
                                        (long long) record.number, (long long) shares.n_shares, row->shares));
      reject (import, row);
      return TRUE;
    }
  if (row->has_shares)
    more_shares = row->shares - (guint) shares.n_shares;

  if (!identity && !card && !participation && more_shares == 0)
    {
      _comptoir_import_report_add_unchanged (import->report);
      return TRUE;
    }

  if ((identity && !comptoir_member_record_save (import->db, &record, &local_error)) ||
      (card && !_comptoir_member_set_card (import->db, member_id, row->cells[COL_BARCODE], &local_error)) ||
      (participation && !comptoir_member_set_participation (import->db, member_id, row->participation,
                                                            participation_since (), &local_error)) ||
      (more_shares > 0 && !comptoir_member_shares_subscribe (import->db, member_id, more_shares,
                                                             comptoir_day_today (), &local_error)))
    return reject_or_fail (import, row, local_error, error);

  _comptoir_import_report_add_updated (import->report);
  return TRUE;
}

/* FALSE only when the database fails. */
static gboolean
import_row (Import              *import,
            const char * const  *fields,
            guint                line,
            GError             **error)
{
  guint n_fields = g_strv_length ((char **) fields);
  g_auto (Row) row = { 0 };
  char member_id[COMPTOIR_ID_LEN + 1];
  GError *local_error = NULL;
  char *shifted;

  if (comptoir_import_is_blank_line (fields, n_fields))
    return TRUE;
  row.line = line;
  row.messages = g_ptr_array_new_with_free_func (g_free);

  /* A value holding the separator unquoted shifts the cells after it. */
  shifted = comptoir_import_check_field_count (fields, n_fields, import->n_header_fields,
                                               comptoir_import_report_get_delimiter (import->report));
  if (shifted != NULL)
    {
      g_ptr_array_add (row.messages, shifted);
      reject (import, &row);
      return TRUE;
    }

  read_cells (import, &row, fields, n_fields);
  check_cells (import, &row);
  if (row.messages->len > 0)
    {
      reject (import, &row);
      return TRUE;
    }

  if (row.number == 0)
    return create_member (import, &row, error);
  if (_comptoir_member_id_for_number (import->db, row.number, member_id, &local_error))
    return update_member (import, &row, member_id, error);
  if (!g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_error_free (local_error);
  return create_member (import, &row, error);
}

/* Lines without a number take numbers after the highest of the database
 * and of the file, so that they never take a number a later line gives. */
static gboolean
plan_numbers (Import       *import,
              ComptoirCsv  *table,
              GError      **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (import->db, "SELECT coalesce (max (number), 0) FROM member", error);
  gint64 highest;

  if (stmt == NULL || !comptoir_db_step_done (import->db, stmt, error))
    return FALSE;
  highest = sqlite3_column_int64 (stmt, 0);
  for (guint i = 1; import->columns[COL_NUMBER] >= 0 && i < comptoir_csv_get_n_records (table); i++)
    {
      const char * const *fields = comptoir_csv_get_record (table, i);
      g_autofree char *number = cell (fields, g_strv_length ((char **) fields), import->columns[COL_NUMBER]);
      gint64 n;

      if (number != NULL && g_ascii_string_to_signed (number, 10, 1, G_MAXINT32, &n, NULL))
        highest = MAX (highest, n);
    }
  import->next_number = highest + 1;
  return TRUE;
}

ComptoirImportReport *
comptoir_member_import (ComptoirDb  *db,
                        GBytes      *csv,
                        gboolean     dry_run,
                        GError     **error)
{
  g_auto (Import) import = { 0 };
  g_autoptr (ComptoirCsv) table = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (csv != NULL, NULL);

  table = comptoir_csv_parse (csv, error);
  if (table == NULL)
    return NULL;

  import.db = db;
  import.report = _comptoir_import_report_new (dry_run, comptoir_csv_get_encoding (table),
                                               comptoir_csv_get_delimiter (table));
  _comptoir_import_report_set_saved_message (import.report, _("The members are saved."));
  import.numbers_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.cards_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!map_columns (&import, comptoir_csv_get_record (table, 0), error))
    return NULL;

  if (!comptoir_db_begin (db, error))
    return NULL;
  if (!plan_numbers (&import, table, error))
    goto fail;
  for (guint i = 1; i < comptoir_csv_get_n_records (table); i++)
    if (!import_row (&import, comptoir_csv_get_record (table, i), comptoir_csv_get_line (table, i), error))
      goto fail;

  /* All or nothing: a file half imported is worse than none. */
  if (dry_run || comptoir_import_report_get_n_rejected (import.report) > 0)
    comptoir_db_rollback (db);
  else
    {
      if (!comptoir_db_commit (db, error))
        return NULL;
      _comptoir_import_report_set_committed (import.report, TRUE);
    }
  return g_steal_pointer (&import.report);

fail:
  comptoir_db_rollback (db);
  return NULL;
}
