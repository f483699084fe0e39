/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-life"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-member-ledger.h"
#include "comptoir-member-record-private.h"
#include "comptoir-shift.h"
#include "comptoir-staff-private.h"

/* The events of a member's life that touch several parts of the record
 * at once: leaving, two accounts merged, anonymisation. Each is one
 * transaction, so that a member is never left half gone: every service
 * called here nests its own transaction inside it. */

gboolean
_comptoir_member_event_record (ComptoirDb   *db,
                               const char   *member_id,
                               const char   *action,
                               const char   *by_staff,
                               JsonObject   *details,
                               GError      **error)
{
  g_autoptr (ComptoirChange) event = comptoir_change_new ("member_event", NULL);
  g_autofree char *at = comptoir_timestamp_now ();
  g_autofree char *json = NULL;

  if (details != NULL)
    {
      g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), details);
      json = json_to_string (node, FALSE);
    }
  comptoir_change_set_text (event, "member_id", member_id);
  comptoir_change_set_text (event, "at", at);
  comptoir_change_set_text (event, "action", action);
  comptoir_change_set_text (event, "by_staff", by_staff);
  comptoir_change_set_text (event, "device_id", comptoir_db_get_device_id (db));
  comptoir_change_set_text (event, "details", json != NULL ? json : "{}");
  return comptoir_db_insert_fact (db, event, error);
}

/* ------------------------------------------------------------------ */
/* Leaving. */

typedef struct {
  const char  *member_id;
  const char  *other_id;
  ComptoirDay  on;
  gboolean     refund_shares;
  const char  *by_staff;
} Op;

static gboolean
leave (ComptoirDb  *db,
       gpointer     user_data,
       GError     **error)
{
  const Op *op = user_data;
  ComptoirMemberState state;

  if (!_comptoir_member_get_state (db, op->member_id, &state, error) ||
      !_comptoir_member_check_not_anonymised (&state, error))
    return FALSE;
  /* Unsubscribed from that day; no seat held from then on, no squad. */
  if (!comptoir_member_set_left (db, op->member_id, op->on, error) ||
      !comptoir_shift_release_member_from (db, op->member_id, op->on, NULL, error))
    return FALSE;
  return !op->refund_shares || _comptoir_member_shares_refund_all (db, op->member_id, op->on, error);
}

gboolean
comptoir_member_leave (ComptoirDb   *db,
                       const char   *member_id,
                       ComptoirDay   on,
                       gboolean      refund_shares,
                       GError      **error)
{
  Op op = { member_id, NULL, on, refund_shares, NULL };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  if (!_comptoir_member_check_day (on, FALSE, error))
    return FALSE;
  return comptoir_db_transaction (db, leave, &op, error);
}

/* ------------------------------------------------------------------ */
/* Merging two accounts of one person. */

static gboolean
move_share_balance (ComptoirDb  *db,
                    const Op    *op,
                    GError     **error)
{
  g_auto (ComptoirShares) shares = { 0 };
  g_autoptr (ComptoirChange) out = NULL;
  g_autoptr (ComptoirChange) in = NULL;
  g_autofree char *at = comptoir_timestamp_now ();
  gint64 balance;
  char day[11];

  if (!comptoir_member_shares_load (db, op->member_id, &shares, error))
    return FALSE;
  if (shares.n_shares > 0 &&
      !comptoir_member_shares_transfer (db, op->member_id, op->other_id, (guint) shares.n_shares, op->on, error))
    return FALSE;

  /* Money paid beyond the shares moved (the cooperative owes it) goes
   * to the account that stays too. */
  comptoir_shares_clear (&shares);
  if (!comptoir_member_shares_load (db, op->member_id, &shares, error))
    return FALSE;
  balance = shares.paid - shares.capital;
  if (balance == 0)
    return TRUE;

  comptoir_day_to_iso (op->on, day);
  out = comptoir_change_new ("share_payment", NULL);
  in = comptoir_change_new ("share_payment", NULL);
  comptoir_change_set_text (out, "member_id", op->member_id);
  comptoir_change_set_text (in, "member_id", op->other_id);
  comptoir_change_set_int (out, "amount", -balance);
  comptoir_change_set_int (in, "amount", balance);
  for (guint i = 0; i < 2; i++)
    {
      ComptoirChange *change = i == 0 ? out : in;

      comptoir_change_set_text (change, "at", at);
      comptoir_change_set_text (change, "on_day", day);
      comptoir_change_set_text (change, "method", "share-transfer");
    }
  return comptoir_db_insert_fact (db, out, error) && comptoir_db_insert_fact (db, in, error);
}

static gboolean
move_household (ComptoirDb  *db,
                const Op    *op,
                GError     **error)
{
  g_autoptr (GArray) people = NULL;

  if (!comptoir_member_household_list (db, op->member_id, &people, error))
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      const ComptoirHouseholdPerson *person = &g_array_index (people, ComptoirHouseholdPerson, i);
      g_autoptr (ComptoirChange) change = comptoir_change_new ("member_person", person->id);

      comptoir_change_set_text (change, "member_id", op->other_id);
      if (!comptoir_db_apply_change (db, change, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
append_notes (ComptoirDb                 *db,
              const ComptoirMemberRecord *absorbed,
              const ComptoirMemberRecord *surviving,
              GError                    **error)
{
  g_autoptr (ComptoirChange) change = NULL;
  g_autoptr (GString) notes = NULL;

  if (absorbed->notes == NULL || absorbed->notes[0] == '\0')
    return TRUE;
  notes = g_string_new (surviving->notes);
  if (notes->len > 0)
    g_string_append (notes, "\n");
  /* Translators: notes of a merged account, "From member 42: …" */
  g_string_append_printf (notes, _("From member %lld: %s"), (long long) absorbed->number, absorbed->notes);
  change = comptoir_change_new ("member", surviving->id);
  comptoir_change_set_text (change, "notes", notes->str);
  return comptoir_db_apply_change (db, change, NULL, error);
}

static gboolean
merge_accounts (ComptoirDb  *db,
                gpointer     user_data,
                GError     **error)
{
  const Op *op = user_data;
  g_auto (ComptoirMemberRecord) absorbed = { 0 };
  g_auto (ComptoirMemberRecord) surviving = { 0 };
  g_autoptr (JsonObject) details = json_object_new ();
  g_autoptr (JsonObject) other_details = json_object_new ();
  ComptoirMemberState state;

  if (!comptoir_member_record_load (db, op->member_id, &absorbed, error) ||
      !comptoir_member_record_load (db, op->other_id, &surviving, error))
    return FALSE;
  state = (ComptoirMemberState) { absorbed.number, absorbed.left_on, absorbed.anonymised };
  if (!_comptoir_member_check_not_anonymised (&state, error))
    return FALSE;
  state = (ComptoirMemberState) { surviving.number, surviving.left_on, surviving.anonymised };
  if (!_comptoir_member_check_not_anonymised (&state, error))
    return FALSE;

  /* The shares first: they can only go to a member who is still there,
   * and comptoir_member_merge() makes the absorbed one leave. */
  if (!move_share_balance (db, op, error) ||
      !move_household (db, op, error) ||
      !append_notes (db, &absorbed, &surviving, error) ||
      !comptoir_member_merge (db, op->member_id, op->other_id, op->on, op->by_staff, error) ||
      !comptoir_shift_release_member_from (db, op->member_id, op->on, NULL, error))
    return FALSE;

  json_object_set_string_member (details, "surviving_id", op->other_id);
  json_object_set_int_member (details, "surviving_number", surviving.number);
  json_object_set_string_member (other_details, "absorbed_id", op->member_id);
  json_object_set_int_member (other_details, "absorbed_number", absorbed.number);
  return _comptoir_member_event_record (db, op->member_id, "merge", op->by_staff, details, error) &&
         _comptoir_member_event_record (db, op->other_id, "merge", op->by_staff, other_details, error);
}

gboolean
comptoir_member_merge_accounts (ComptoirDb   *db,
                                const char   *absorbed_id,
                                const char   *surviving_id,
                                ComptoirDay   on,
                                const char   *by_staff,
                                GError      **error)
{
  Op op = { absorbed_id, surviving_id, on, FALSE, by_staff };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (absorbed_id != NULL && surviving_id != NULL, FALSE);

  if (g_str_equal (absorbed_id, surviving_id))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Choose two different members to merge."));
      return FALSE;
    }
  if (!_comptoir_member_check_day (on, TRUE, error))
    return FALSE;
  return comptoir_db_transaction (db, merge_accounts, &op, error);
}

/* ------------------------------------------------------------------ */
/* Anonymisation. */

static gboolean
erase_household (ComptoirDb  *db,
                 const char  *member_id,
                 GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  /* People already taken off the account are erased too. */
  stmt = comptoir_db_prepare (db, "SELECT id FROM member_person WHERE member_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (ComptoirChange) change = comptoir_change_new ("member_person", g_ptr_array_index (ids, i));

      comptoir_change_set_text (change, "first_name", "");
      comptoir_change_set_text (change, "last_name", "");
      comptoir_change_set_null (change, "birth_date");
      comptoir_change_set_int (change, "removed", 1);
      if (!comptoir_db_apply_change (db, change, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
anonymise (ComptoirDb  *db,
           gpointer     user_data,
           GError     **error)
{
  const Op *op = user_data;
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  g_autoptr (JsonObject) details = json_object_new ();
  g_autofree char *number = NULL;
  ComptoirDay today = comptoir_day_today ();
  char day[11];

  if (!comptoir_member_record_load (db, op->member_id, &record, error))
    return FALSE;
  if (record.anonymised)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Member %lld is already anonymised: there is nothing left to erase."),
                   (long long) record.number);
      return FALSE;
    }
  if (op->by_staff != NULL && !_comptoir_staff_check (db, op->by_staff, FALSE, NULL, error))
    return FALSE;

  /* An anonymous member cannot shop or work: they leave today, unless
   * they left already. */
  if (record.left_on == COMPTOIR_DAY_NONE || record.left_on > today)
    {
      if (!comptoir_shift_release_member_from (db, op->member_id, today, NULL, error))
        return FALSE;
      comptoir_day_to_iso (today, day);
    }

  number = g_strdup_printf ("%lld", (long long) record.number);
  change = comptoir_change_new ("member", op->member_id);
  /* Translators: what an anonymised member is called: "Member 42" */
  comptoir_change_set_text (change, "first_name", _("Member"));
  comptoir_change_set_text (change, "last_name", number);
  comptoir_change_set_null (change, "email");
  comptoir_change_set_null (change, "phone");
  comptoir_change_set_null (change, "address");
  comptoir_change_set_null (change, "birth_date");
  comptoir_change_set_null (change, "notes");
  comptoir_change_set_null (change, "card_barcode");
  comptoir_change_set_int (change, "anonymised", 1);
  if (record.left_on == COMPTOIR_DAY_NONE || record.left_on > today)
    comptoir_change_set_text (change, "left_on", day);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return FALSE;

  if (record.has_photo)
    {
      g_autoptr (ComptoirChange) photo = comptoir_change_new ("member_photo", op->member_id);

      comptoir_change_set_null (photo, "mime");
      comptoir_change_set_null (photo, "data");
      if (!comptoir_db_apply_change (db, photo, NULL, error))
        return FALSE;
    }
  if (!erase_household (db, op->member_id, error))
    return FALSE;

  json_object_set_int_member (details, "number", record.number);
  return _comptoir_member_event_record (db, op->member_id, "anonymise", op->by_staff, details, error);
}

gboolean
comptoir_member_anonymise (ComptoirDb   *db,
                           const char   *member_id,
                           const char   *by_staff,
                           GError      **error)
{
  Op op = { member_id, NULL, COMPTOIR_DAY_NONE, FALSE, by_staff };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  return comptoir_db_transaction (db, anonymise, &op, error);
}

/* ------------------------------------------------------------------ */
/* Status history. */

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  ComptoirDay x = *(const ComptoirDay *) a;
  ComptoirDay y = *(const ComptoirDay *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
add_day (GArray      *days,
         GHashTable  *seen,
         ComptoirDay  day,
         ComptoirDay  today)
{
  if (day == COMPTOIR_DAY_NONE || day > today || g_hash_table_contains (seen, GUINT_TO_POINTER (day)))
    return;
  g_hash_table_add (seen, GUINT_TO_POINTER (day));
  g_array_append_val (days, day);
}

/* The status can only change on a day something happened: a ledger
 * line, a cycle's due, a leave starting or ending, joining, leaving, a
 * change of participation, or a deadline passing. The status is computed
 * on each of those days, as the till would have on that day, and the
 * days its kind changed are kept. */
gboolean
comptoir_member_status_history (ComptoirDb   *db,
                                const char   *member_id,
                                ComptoirDay   today,
                                GArray      **out,
                                GError      **error)
{
  g_auto (ComptoirMemberStatus) now = { 0 };
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (ComptoirDay));
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (ComptoirStatusChange));
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL && out != NULL, FALSE);

  if (!comptoir_member_record_load (db, member_id, &record, error) ||
      !comptoir_member_status_compute (db, member_id, today, &now, error))
    return FALSE;

  add_day (days, seen, record.join_date, today);
  add_day (days, seen, now.facts.participation_since, today);
  add_day (days, seen, now.facts.left_on, today);
  for (guint i = 0; i < now.lines->len; i++)
    add_day (days, seen, g_array_index (now.lines, ComptoirStatusLine, i).day, today);
  for (guint i = 0; i < now.facts.n_leaves; i++)
    {
      add_day (days, seen, now.facts.leaves[i].from_on, today);
      if (now.facts.leaves[i].to_on != COMPTOIR_DAY_NONE)
        add_day (days, seen, now.facts.leaves[i].to_on + 1, today);
    }
  g_array_sort (days, compare_days);

  for (guint i = 0; i < days->len; i++)
    {
      g_auto (ComptoirMemberStatus) status = { 0 };
      ComptoirDay day = g_array_index (days, ComptoirDay, i);

      if (!comptoir_member_status_compute (db, member_id, day, &status, error))
        return FALSE;
      if (changes->len == 0 || g_array_index (changes, ComptoirStatusChange, changes->len - 1).kind != status.kind)
        {
          ComptoirStatusChange change = { day, status.kind };
          g_array_append_val (changes, change);
        }
      /* An alert turns into a suspension on its deadline. */
      if (status.kind == COMPTOIR_MEMBER_ALERT && status.deadline > day &&
          !g_hash_table_contains (seen, GUINT_TO_POINTER (status.deadline)) && status.deadline <= today)
        {
          add_day (days, seen, status.deadline, today);
          /* Only the days after this one need sorting again. */
          qsort (&g_array_index (days, ComptoirDay, i + 1), days->len - i - 1, sizeof (ComptoirDay), compare_days);
        }
    }

  *out = g_steal_pointer (&changes);
  return TRUE;
}
