/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-member-private.h"
#include "comptoir-barcode.h"
#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-member.h"
#include "comptoir-member-record-private.h"
#include "comptoir-settings.h"
#include "comptoir-text.h"

/* A member's identity, contact and household, and their photo: reference
 * data written through the write API, each field merged on its own, so
 * that the office changing a phone number and a till taking a photo on
 * another machine both keep their change. Each public function is one
 * transaction. The photo is in comptoir-member-photo.c. */

#define MAX_NAME_CHARS  100
#define MAX_TEXT_CHARS  2000

/* ------------------------------------------------------------------ */
/* Shared checks (comptoir-member-record-private.h). */

gboolean
_comptoir_member_get_state (ComptoirDb          *db,
                            const char          *member_id,
                            ComptoirMemberState *out,
                            GError             **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT number, left_on, anonymised FROM member WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  if (!_comptoir_member_step_one (db, stmt, error))
    return FALSE;
  out->number = sqlite3_column_int64 (stmt, 0);
  out->left_on = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 1));
  out->anonymised = sqlite3_column_int (stmt, 2) != 0;
  return TRUE;
}

gboolean
_comptoir_member_check_not_anonymised (const ComptoirMemberState  *state,
                                       GError                    **error)
{
  if (!state->anonymised)
    return TRUE;
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("Member %lld was anonymised: their record can no longer be changed."),
               (long long) state->number);
  return FALSE;
}

gboolean
_comptoir_member_check_present (const ComptoirMemberState  *state,
                                ComptoirDay                 on,
                                GError                    **error)
{
  char left[11];

  if (state->left_on == COMPTOIR_DAY_NONE || state->left_on > on)
    return TRUE;
  comptoir_day_to_iso (state->left_on, left);
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("Member %lld left the cooperative on %s. If the accounts were merged, "
                 "do this for the member who stays."),
               (long long) state->number, left);
  return FALSE;
}

gboolean
_comptoir_member_check_day (ComptoirDay   day,
                            gboolean      until_today,
                            GError      **error)
{
  char today[11];

  if (day == COMPTOIR_DAY_NONE)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the day as YYYY-MM-DD, such as 2026-03-14."));
      return FALSE;
    }
  if (until_today && day > comptoir_day_today ())
    {
      comptoir_day_to_iso (comptoir_day_today (), today);
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Give a day up to today (%s): this records what has already happened."), today);
      return FALSE;
    }
  return TRUE;
}

gboolean
_comptoir_member_email_is_valid (const char *email)
{
  const char *at, *dot;

  if (email == NULL || strpbrk (email, " \t\r\n,;<>\"") != NULL)
    return FALSE;
  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

gboolean
_comptoir_member_id_for_number (ComptoirDb  *db,
                                gint64       number,
                                char        *out,
                                GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT id FROM member WHERE number = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_strlcpy (out, (const char *) sqlite3_column_text (stmt, 0), COMPTOIR_ID_LEN + 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("No member has the number %lld. Check the number with the member."), (long long) number);
  else
    comptoir_db_set_error (db, error);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The record. */

void
comptoir_member_record_clear (ComptoirMemberRecord *record)
{
  g_free (record->first_name);
  g_free (record->last_name);
  g_free (record->email);
  g_free (record->phone);
  g_free (record->address);
  g_free (record->notes);
  g_free (record->card_barcode);
  memset (record, 0, sizeof *record);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
comptoir_member_record_load (ComptoirDb            *db,
                             const char            *member_id,
                             ComptoirMemberRecord  *out,
                             GError               **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL && out != NULL, FALSE);

  stmt = comptoir_db_prepare (db, "SELECT id, number, first_name, last_name, email, phone, address, birth_date, "
                                  "join_date, notes, card_barcode, participation, left_on, anonymised, "
                                  "EXISTS (SELECT 1 FROM member_photo p WHERE p.id = member.id "
                                  "AND p.data IS NOT NULL) "
                                  "FROM member WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  if (!_comptoir_member_step_one (db, stmt, error))
    return FALSE;

  memset (out, 0, sizeof *out);
  g_strlcpy (out->id, (const char *) sqlite3_column_text (stmt, 0), sizeof out->id);
  out->number = sqlite3_column_int64 (stmt, 1);
  out->first_name = dup_column (stmt, 2);
  out->last_name = dup_column (stmt, 3);
  out->email = dup_column (stmt, 4);
  out->phone = dup_column (stmt, 5);
  out->address = dup_column (stmt, 6);
  out->birth_date = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 7));
  out->join_date = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 8));
  out->notes = dup_column (stmt, 9);
  out->card_barcode = dup_column (stmt, 10);
  if (!comptoir_participation_from_string ((const char *) sqlite3_column_text (stmt, 11), &out->participation))
    out->participation = COMPTOIR_PARTICIPATION_STANDARD;
  out->left_on = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 12));
  out->anonymised = sqlite3_column_int (stmt, 13) != 0;
  out->has_photo = sqlite3_column_int (stmt, 14) != 0;
  return TRUE;
}

char *
comptoir_member_record_get_display_name (const ComptoirMemberRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  if (record->first_name == NULL || record->first_name[0] == '\0')
    return g_strdup (record->last_name != NULL ? record->last_name : "");
  return g_strdup_printf ("%s %s", record->first_name, record->last_name != NULL ? record->last_name : "");
}

/* The fields as they will be stored, checked: every problem is said in
 * one message, so that a form is corrected in one go. */
typedef struct {
  char *first_name;
  char *last_name;
  char *email;
  char *phone;
  char *address;
  char *notes;
} CleanRecord;

static void
clean_record_clear (CleanRecord *clean)
{
  g_free (clean->first_name);
  g_free (clean->last_name);
  g_free (clean->email);
  g_free (clean->phone);
  g_free (clean->address);
  g_free (clean->notes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanRecord, clean_record_clear)

static gboolean
too_long (const char *text,
          glong       max_chars)
{
  return text != NULL && g_utf8_strlen (text, -1) > max_chars;
}

static gboolean
check_record (const ComptoirMemberRecord  *record,
              CleanRecord                 *clean,
              GError                     **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;

  clean->first_name = comptoir_text_clean (record->first_name);
  clean->last_name = comptoir_text_clean (record->last_name);
  clean->email = comptoir_text_clean (record->email);
  clean->phone = comptoir_text_clean (record->phone);
  clean->address = comptoir_text_clean (record->address);
  clean->notes = comptoir_text_clean (record->notes);

  if (clean->first_name == NULL || clean->last_name == NULL)
    g_ptr_array_add (problems, g_strdup (_("Give the member’s first name and last name.")));
  else if (too_long (clean->first_name, MAX_NAME_CHARS) || too_long (clean->last_name, MAX_NAME_CHARS))
    g_ptr_array_add (problems, g_strdup_printf (_("Shorten the name to %d characters at most."), MAX_NAME_CHARS));
  if (clean->email != NULL && !_comptoir_member_email_is_valid (clean->email))
    g_ptr_array_add (problems, g_strdup_printf (_("“%s” is not an e-mail address: write it like "
                                                  "marie.dupont@example.org, or leave it empty."),
                                                clean->email));
  if (too_long (clean->phone, 40))
    g_ptr_array_add (problems, g_strdup (_("Write one phone number, such as 06 12 34 56 78.")));
  if (too_long (clean->address, MAX_TEXT_CHARS) || too_long (clean->notes, MAX_TEXT_CHARS))
    g_ptr_array_add (problems, g_strdup_printf (_("Shorten the address and the notes to %d characters at most."),
                                                MAX_TEXT_CHARS));
  if (record->birth_date != COMPTOIR_DAY_NONE &&
      (record->birth_date > comptoir_day_today () || record->birth_date < comptoir_day_from_iso ("1900-01-01")))
    g_ptr_array_add (problems, g_strdup (_("Check the birth date: it is in the future or before 1900.")));

  if (problems->len == 0)
    return TRUE;
  g_ptr_array_add (problems, NULL);
  message = g_strjoinv (" ", (char **) problems->pdata);
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID, message);
  return FALSE;
}

static void
set_day (ComptoirChange *change,
         const char     *column,
         ComptoirDay     day)
{
  char text[11];

  if (day == COMPTOIR_DAY_NONE)
    {
      comptoir_change_set_null (change, column);
      return;
    }
  comptoir_day_to_iso (day, text);
  comptoir_change_set_text (change, column, text);
}

static void
set_fields (ComptoirChange             *change,
            const ComptoirMemberRecord *record,
            const CleanRecord          *clean,
            ComptoirDay                 join_date)
{
  comptoir_change_set_text (change, "first_name", clean->first_name);
  comptoir_change_set_text (change, "last_name", clean->last_name);
  comptoir_change_set_text (change, "email", clean->email);
  comptoir_change_set_text (change, "phone", clean->phone);
  comptoir_change_set_text (change, "address", clean->address);
  comptoir_change_set_text (change, "notes", clean->notes);
  set_day (change, "birth_date", record->birth_date);
  set_day (change, "join_date", join_date);
}

static gboolean
card_is_free (ComptoirDb  *db,
              const char  *card_barcode,
              const char  *member_id,
              GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT number FROM member WHERE card_barcode = ?1 AND id IS NOT ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, card_barcode, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, member_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                 _("The card %s is member %lld’s. Give this member another card."),
                 card_barcode, (long long) sqlite3_column_int64 (stmt, 0));
  else
    comptoir_db_set_error (db, error);
  return FALSE;
}

static gboolean
check_card (const char  *card_barcode,
            GError     **error)
{
  if (comptoir_barcode_classify (card_barcode) == COMPTOIR_BARCODE_EAN13)
    return TRUE;
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("The card number “%s” is not a valid 13-digit barcode: check its last digit, "
                 "or leave it out to print a new card."), card_barcode);
  return FALSE;
}

typedef struct {
  const ComptoirMemberRecord *record;
  guint                       n_shares;
  const char                 *card_barcode;
  char                       *id;     /* out */
} Join;

static gboolean
join (ComptoirDb  *db,
      gpointer     user_data,
      GError     **error)
{
  Join *op = user_data;
  const ComptoirMemberRecord *record = op->record;
  g_auto (CleanRecord) clean = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *card = NULL;
  ComptoirDay join_date = record->join_date != COMPTOIR_DAY_NONE ? record->join_date : comptoir_day_today ();
  gint64 number = record->number;

  if (!check_record (record, &clean, error))
    return FALSE;

  if (number < 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A member number is a whole number from 1, or leave it empty to take the next one."));
      return FALSE;
    }
  if (number == 0)
    {
      stmt = comptoir_db_prepare (db, "SELECT coalesce (max (number), 0) + 1 FROM member", error);
      if (stmt == NULL || !comptoir_db_step_done (db, stmt, error))
        return FALSE;
      number = sqlite3_column_int64 (stmt, 0);
    }
  else
    {
      char existing[COMPTOIR_ID_LEN + 1];
      g_autoptr (GError) local_error = NULL;

      if (_comptoir_member_id_for_number (db, number, existing, &local_error))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The number %lld is already a member’s: choose another, or leave it empty "
                         "to take the next free one."), (long long) number);
          return FALSE;
        }
      if (!g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (op->card_barcode != NULL)
    {
      if (!check_card (op->card_barcode, error))
        return FALSE;
      card = g_strdup (op->card_barcode);
    }
  else
    {
      /* The same card as comptoir_member_ensure_card() gives. */
      prefix = comptoir_settings_dup (db, COMPTOIR_SETTING_MEMBER_CARD_PREFIX);
      card = comptoir_member_card_barcode (prefix, number);
      if (card == NULL)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("Member number %lld is too long for a card with the prefix %s: choose a shorter prefix."),
                       (long long) number, prefix);
          return FALSE;
        }
    }
  if (!card_is_free (db, card, NULL, error))
    return FALSE;

  change = comptoir_change_new ("member", NULL);
  comptoir_change_set_int (change, "number", number);
  set_fields (change, record, &clean, join_date);
  comptoir_change_set_text (change, "card_barcode", card);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return FALSE;

  if (op->n_shares > 0 &&
      !comptoir_member_shares_subscribe (db, comptoir_change_get_row_id (change), op->n_shares, join_date, error))
    return FALSE;

  op->id = g_strdup (comptoir_change_get_row_id (change));
  return TRUE;
}

char *
_comptoir_member_join_with_card (ComptoirDb                 *db,
                                 const ComptoirMemberRecord *record,
                                 guint                       n_shares,
                                 const char                 *card_barcode,
                                 GError                    **error)
{
  Join op = { record, n_shares, card_barcode, NULL };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  if (!comptoir_db_transaction (db, join, &op, error))
    {
      g_free (op.id);
      return NULL;
    }
  return op.id;
}

char *
comptoir_member_join (ComptoirDb                 *db,
                      const ComptoirMemberRecord *record,
                      guint                       n_shares,
                      GError                    **error)
{
  return _comptoir_member_join_with_card (db, record, n_shares, NULL, error);
}

static gboolean
save (ComptoirDb  *db,
      gpointer     user_data,
      GError     **error)
{
  const ComptoirMemberRecord *record = user_data;
  g_auto (CleanRecord) clean = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  ComptoirMemberState state;

  if (!_comptoir_member_get_state (db, record->id, &state, error) ||
      !_comptoir_member_check_not_anonymised (&state, error))
    return FALSE;
  if (record->number != 0 && record->number != state.number)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("A member keeps their number (%lld): it is on their card and in their history."),
                   (long long) state.number);
      return FALSE;
    }
  if (!check_record (record, &clean, error))
    return FALSE;

  change = comptoir_change_new ("member", record->id);
  set_fields (change, record, &clean, record->join_date);
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_member_record_save (ComptoirDb                 *db,
                             const ComptoirMemberRecord *record,
                             GError                    **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (record->id[0] == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("This member is not recorded yet: add them as a new member first."));
      return FALSE;
    }
  return comptoir_db_transaction (db, save, (gpointer) record, error);
}

typedef struct {
  const char *member_id;
  const char *card_barcode;
} SetCard;

static gboolean
set_card (ComptoirDb  *db,
          gpointer     user_data,
          GError     **error)
{
  const SetCard *op = user_data;
  g_autoptr (ComptoirChange) change = NULL;
  ComptoirMemberState state;

  if (!_comptoir_member_get_state (db, op->member_id, &state, error) ||
      !_comptoir_member_check_not_anonymised (&state, error) ||
      !check_card (op->card_barcode, error) ||
      !card_is_free (db, op->card_barcode, op->member_id, error))
    return FALSE;
  change = comptoir_change_new ("member", op->member_id);
  comptoir_change_set_text (change, "card_barcode", op->card_barcode);
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
_comptoir_member_set_card (ComptoirDb  *db,
                           const char  *member_id,
                           const char  *card_barcode,
                           GError     **error)
{
  SetCard op = { member_id, card_barcode };

  return comptoir_db_transaction (db, set_card, &op, error);
}

/* ------------------------------------------------------------------ */
/* Household. */

static void
household_person_clear (gpointer data)
{
  ComptoirHouseholdPerson *person = data;

  g_free (person->first_name);
  g_free (person->last_name);
}

gboolean
comptoir_member_household_list (ComptoirDb   *db,
                                const char   *member_id,
                                GArray      **out,
                                GError      **error)
{
  g_autoptr (GArray) people = g_array_new (FALSE, TRUE, sizeof (ComptoirHouseholdPerson));
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL && out != NULL, FALSE);

  g_array_set_clear_func (people, household_person_clear);
  stmt = comptoir_db_prepare (db, "SELECT id, first_name, last_name, birth_date FROM member_person "
                                  "WHERE member_id = ?1 AND removed = 0 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirHouseholdPerson person = { 0 };

      g_strlcpy (person.id, (const char *) sqlite3_column_text (stmt, 0), sizeof person.id);
      person.first_name = dup_column (stmt, 1);
      person.last_name = dup_column (stmt, 2);
      person.birth_date = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (people, person);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  *out = g_steal_pointer (&people);
  return TRUE;
}

typedef struct {
  const char  *member_id;
  const char  *first_name;
  const char  *last_name;
  ComptoirDay  birth_date;
  char        *id;   /* out */
} HouseholdAdd;

static gboolean
household_add (ComptoirDb  *db,
               gpointer     user_data,
               GError     **error)
{
  HouseholdAdd *op = user_data;
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *first = comptoir_text_clean (op->first_name);
  g_autofree char *last = comptoir_text_clean (op->last_name);
  ComptoirMemberState state;

  if (!_comptoir_member_get_state (db, op->member_id, &state, error) ||
      !_comptoir_member_check_not_anonymised (&state, error) ||
      !_comptoir_member_check_present (&state, comptoir_day_today (), error))
    return FALSE;
  if (first == NULL || last == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the person’s first name and last name."));
      return FALSE;
    }
  if (too_long (first, MAX_NAME_CHARS) || too_long (last, MAX_NAME_CHARS))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Shorten the name to %d characters at most."), MAX_NAME_CHARS);
      return FALSE;
    }
  if (op->birth_date != COMPTOIR_DAY_NONE && op->birth_date > comptoir_day_today ())
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Check the birth date: it is in the future."));
      return FALSE;
    }

  change = comptoir_change_new ("member_person", NULL);
  comptoir_change_set_text (change, "member_id", op->member_id);
  comptoir_change_set_text (change, "first_name", first);
  comptoir_change_set_text (change, "last_name", last);
  if (op->birth_date != COMPTOIR_DAY_NONE)
    set_day (change, "birth_date", op->birth_date);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return FALSE;
  op->id = g_strdup (comptoir_change_get_row_id (change));
  return TRUE;
}

char *
comptoir_member_household_add (ComptoirDb   *db,
                               const char   *member_id,
                               const char   *first_name,
                               const char   *last_name,
                               ComptoirDay   birth_date,
                               GError      **error)
{
  HouseholdAdd op = { member_id, first_name, last_name, birth_date, NULL };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (member_id != NULL, NULL);

  if (!comptoir_db_transaction (db, household_add, &op, error))
    {
      g_free (op.id);
      return NULL;
    }
  return op.id;
}

static gboolean
household_remove (ComptoirDb  *db,
                  gpointer     user_data,
                  GError     **error)
{
  const char *person_id = user_data;
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (ComptoirChange) change = NULL;
  ComptoirMemberState state;
  g_autofree char *member_id = NULL;

  stmt = comptoir_db_prepare (db, "SELECT member_id FROM member_person WHERE id = ?1 AND removed = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("This person is not in a member’s household: open the member’s page again."));
      return FALSE;
    }
  member_id = dup_column (stmt, 0);
  g_clear_pointer (&stmt, comptoir_stmt_release);
  if (!_comptoir_member_get_state (db, member_id, &state, error) ||
      !_comptoir_member_check_not_anonymised (&state, error))
    return FALSE;

  change = comptoir_change_new ("member_person", person_id);
  comptoir_change_set_int (change, "removed", 1);
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_member_household_remove (ComptoirDb   *db,
                                  const char   *person_id,
                                  GError      **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);

  return comptoir_db_transaction (db, household_remove, (gpointer) person_id, error);
}
