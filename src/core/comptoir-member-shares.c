/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-shares"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-member-record-private.h"
#include "comptoir-money.h"
#include "comptoir-settings.h"

/* A member's shares of the cooperative's capital. Movements and payments
 * are facts (schema 0014): what a member holds and has paid is the sum
 * of what happened, never a stored figure. A payment moves what is owed
 * towards zero and never past it: a member does not pay more than their
 * shares are worth, and the cooperative does not pay back more than it
 * holds of theirs. */

#define MAX_SHARES_AT_ONCE 10000

static const char *kind_names[] = { "subscribe", "refund", "transfer_in", "transfer_out" };

static gboolean
kind_from_string (const char         *text,
                  ComptoirSharesKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out = (ComptoirSharesKind) i;
        return TRUE;
      }
  return FALSE;
}

static void
payment_clear (gpointer data)
{
  g_free (((ComptoirSharesPayment *) data)->method);
}

void
comptoir_shares_clear (ComptoirShares *shares)
{
  g_clear_pointer (&shares->movements, g_array_unref);
  g_clear_pointer (&shares->payments, g_array_unref);
  memset (shares, 0, sizeof *shares);
}

static gint64
signed_shares (ComptoirSharesKind kind,
               gint64             n_shares)
{
  return kind == COMPTOIR_SHARES_SUBSCRIBE || kind == COMPTOIR_SHARES_TRANSFER_IN ? n_shares : -n_shares;
}

gboolean
comptoir_member_shares_load (ComptoirDb      *db,
                             const char      *member_id,
                             ComptoirShares  *out,
                             GError         **error)
{
  g_autoptr (ComptoirStmt) movements = NULL;
  g_autoptr (ComptoirStmt) payments = NULL;
  g_auto (ComptoirShares) shares = { 0 };
  ComptoirMemberState state;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL && out != NULL, FALSE);

  if (!_comptoir_member_get_state (db, member_id, &state, error))
    return FALSE;

  shares.movements = g_array_new (FALSE, TRUE, sizeof (ComptoirSharesMovement));
  shares.payments = g_array_new (FALSE, TRUE, sizeof (ComptoirSharesPayment));
  g_array_set_clear_func (shares.payments, payment_clear);

  movements = comptoir_db_prepare (db, "SELECT s.id, s.on_day, s.kind, s.n_shares, s.unit_value, r.number "
                                       "FROM share_movement s LEFT JOIN member r ON r.id = s.related_member_id "
                                       "WHERE s.member_id = ?1 ORDER BY s.on_day, s.id", error);
  if (movements == NULL)
    return FALSE;
  sqlite3_bind_text (movements, 1, member_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (movements)) == SQLITE_ROW)
    {
      ComptoirSharesMovement movement = { 0 };

      g_strlcpy (movement.id, (const char *) sqlite3_column_text (movements, 0), sizeof movement.id);
      movement.on = comptoir_day_from_iso ((const char *) sqlite3_column_text (movements, 1));
      /* The table's CHECK admits only the kinds above. */
      kind_from_string ((const char *) sqlite3_column_text (movements, 2), &movement.kind);
      movement.n_shares = sqlite3_column_int64 (movements, 3);
      movement.unit_value = sqlite3_column_int64 (movements, 4);
      movement.related_number = sqlite3_column_int64 (movements, 5);
      shares.n_shares += signed_shares (movement.kind, movement.n_shares);
      shares.capital += signed_shares (movement.kind, movement.n_shares) * movement.unit_value;
      g_array_append_val (shares.movements, movement);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }

  payments = comptoir_db_prepare (db, "SELECT id, on_day, amount, method FROM share_payment "
                                      "WHERE member_id = ?1 ORDER BY on_day, id", error);
  if (payments == NULL)
    return FALSE;
  sqlite3_bind_text (payments, 1, member_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (payments)) == SQLITE_ROW)
    {
      ComptoirSharesPayment payment = { 0 };

      g_strlcpy (payment.id, (const char *) sqlite3_column_text (payments, 0), sizeof payment.id);
      payment.on = comptoir_day_from_iso ((const char *) sqlite3_column_text (payments, 1));
      payment.amount = sqlite3_column_int64 (payments, 2);
      payment.method = g_strdup ((const char *) sqlite3_column_text (payments, 3));
      shares.paid += payment.amount;
      g_array_append_val (shares.payments, payment);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }

  *out = shares;
  memset (&shares, 0, sizeof shares);
  return TRUE;
}

static ComptoirChange *
new_movement (const char         *member_id,
              ComptoirSharesKind  kind,
              gint64              n_shares,
              gint64              unit_value,
              ComptoirDay         on,
              const char         *related_member_id)
{
  ComptoirChange *change = comptoir_change_new ("share_movement", NULL);
  g_autofree char *at = comptoir_timestamp_now ();
  char day[11];

  comptoir_day_to_iso (on, day);
  comptoir_change_set_text (change, "member_id", member_id);
  comptoir_change_set_text (change, "at", at);
  comptoir_change_set_text (change, "on_day", day);
  comptoir_change_set_text (change, "kind", kind_names[kind]);
  comptoir_change_set_int (change, "n_shares", n_shares);
  comptoir_change_set_int (change, "unit_value", unit_value);
  if (related_member_id != NULL)
    comptoir_change_set_text (change, "related_member_id", related_member_id);
  return change;
}

static ComptoirChange *
new_payment (const char  *member_id,
             gint64       amount,
             const char  *method,
             ComptoirDay  on)
{
  ComptoirChange *change = comptoir_change_new ("share_payment", NULL);
  g_autofree char *at = comptoir_timestamp_now ();
  char day[11];

  comptoir_day_to_iso (on, day);
  comptoir_change_set_text (change, "member_id", member_id);
  comptoir_change_set_text (change, "at", at);
  comptoir_change_set_text (change, "on_day", day);
  comptoir_change_set_int (change, "amount", amount);
  comptoir_change_set_text (change, "method", method);
  return change;
}

/* What one of the member's shares is worth: what they paid for them on
 * average (the setting may have changed since), else today's value. */
static gint64
unit_value_of (ComptoirDb           *db,
               const ComptoirShares *shares)
{
  if (shares->n_shares > 0)
    return shares->capital / shares->n_shares;
  return comptoir_settings_get_int (db, COMPTOIR_SETTING_SHARE_VALUE);
}

static gboolean
check_n_shares (guint    n_shares,
                GError **error)
{
  if (n_shares >= 1 && n_shares <= MAX_SHARES_AT_ONCE)
    return TRUE;
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("Give a number of shares from 1 to %d."), MAX_SHARES_AT_ONCE);
  return FALSE;
}

/* An operation's arguments, for the function run in its transaction. */
typedef struct {
  const char  *member_id;
  const char  *other_id;
  guint        n_shares;
  gint64       amount;
  const char  *method;
  ComptoirDay  on;
} Op;

static gboolean
subscribe (ComptoirDb  *db,
           gpointer     user_data,
           GError     **error)
{
  const Op *op = user_data;
  g_autoptr (ComptoirChange) change = NULL;
  ComptoirMemberState state;
  gint64 value = comptoir_settings_get_int (db, COMPTOIR_SETTING_SHARE_VALUE);

  if (!_comptoir_member_get_state (db, op->member_id, &state, error) ||
      !_comptoir_member_check_not_anonymised (&state, error) ||
      !_comptoir_member_check_present (&state, op->on, error))
    return FALSE;
  change = new_movement (op->member_id, COMPTOIR_SHARES_SUBSCRIBE, op->n_shares, MAX (value, 0), op->on, NULL);
  return comptoir_db_insert_fact (db, change, error);
}

gboolean
comptoir_member_shares_subscribe (ComptoirDb   *db,
                                  const char   *member_id,
                                  guint         n_shares,
                                  ComptoirDay   on,
                                  GError      **error)
{
  Op op = { member_id, NULL, n_shares, 0, NULL, on };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  if (!check_n_shares (n_shares, error) || !_comptoir_member_check_day (on, FALSE, error))
    return FALSE;
  return comptoir_db_transaction (db, subscribe, &op, error);
}

static gboolean
method_is_valid (const char *method)
{
  gsize len = method != NULL ? strlen (method) : 0;

  if (len == 0 || len > 32)
    return FALSE;
  for (const char *p = method; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_'))
      return FALSE;
  return TRUE;
}

static gboolean
pay (ComptoirDb  *db,
     gpointer     user_data,
     GError     **error)
{
  const Op *op = user_data;
  g_auto (ComptoirShares) shares = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  gint64 owed;

  if (!comptoir_member_shares_load (db, op->member_id, &shares, error))
    return FALSE;

  owed = shares.capital - shares.paid;
  if (op->amount > 0 && op->amount > owed)
    {
      g_autofree char *text = comptoir_money_format (MAX (owed, 0));

      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The member owes %s € for their shares: record at most that, or subscribe "
                     "more shares first."), text);
      return FALSE;
    }
  if (op->amount < 0 && -op->amount > -owed)
    {
      g_autofree char *text = comptoir_money_format (MAX (-owed, 0));

      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The cooperative owes this member %s € for their shares: pay back at most that, "
                     "and refund their shares first."), text);
      return FALSE;
    }

  change = new_payment (op->member_id, op->amount, op->method, op->on);
  return comptoir_db_insert_fact (db, change, error);
}

gboolean
comptoir_member_shares_pay (ComptoirDb   *db,
                            const char   *member_id,
                            gint64        amount,
                            const char   *method,
                            ComptoirDay   on,
                            GError      **error)
{
  Op op = { member_id, NULL, 0, amount, method, on };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  if (amount == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the amount paid, such as 10.00, or a negative amount paid back."));
      return FALSE;
    }
  if (!method_is_valid (method))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Say how it was paid with a payment method code, such as cash, cheque or transfer."));
      return FALSE;
    }
  if (!_comptoir_member_check_day (on, TRUE, error))
    return FALSE;
  return comptoir_db_transaction (db, pay, &op, error);
}

typedef struct {
  ComptoirChange *changes[4];
  guint           n_changes;
} Facts;

static gboolean
write_facts (ComptoirDb  *db,
             gpointer     user_data,
             GError     **error)
{
  Facts *facts = user_data;

  return comptoir_db_insert_facts (db, facts->changes, facts->n_changes, error);
}

static void
facts_clear (Facts *facts)
{
  for (guint i = 0; i < facts->n_changes; i++)
    comptoir_change_free (facts->changes[i]);
  facts->n_changes = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

/* The shares go with the money paid for them, up to their value: the
 * member who receives paid-up shares owes nothing for them, and what
 * was not paid yet is owed by whoever holds the shares. */
static gboolean
transfer (ComptoirDb  *db,
          gpointer     user_data,
          GError     **error)
{
  const Op *op = user_data;
  g_auto (ComptoirShares) shares = { 0 };
  g_auto (Facts) facts = { { NULL }, 0 };
  ComptoirMemberState from, to;
  gint64 unit, moved;

  if (!_comptoir_member_get_state (db, op->member_id, &from, error) ||
      !_comptoir_member_get_state (db, op->other_id, &to, error) ||
      !_comptoir_member_check_not_anonymised (&to, error) ||
      !_comptoir_member_check_present (&to, op->on, error) ||
      !comptoir_member_shares_load (db, op->member_id, &shares, error))
    return FALSE;

  if ((gint64) op->n_shares > shares.n_shares)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Member %lld holds %lld share: transfer at most that.",
                                "Member %lld holds %lld shares: transfer at most that.",
                                (gulong) MAX (shares.n_shares, 0)),
                   (long long) from.number, (long long) shares.n_shares);
      return FALSE;
    }

  unit = unit_value_of (db, &shares);
  moved = MIN (MAX (shares.paid, 0), unit * op->n_shares);
  facts.changes[facts.n_changes++] =
    new_movement (op->member_id, COMPTOIR_SHARES_TRANSFER_OUT, op->n_shares, unit, op->on, op->other_id);
  facts.changes[facts.n_changes++] =
    new_movement (op->other_id, COMPTOIR_SHARES_TRANSFER_IN, op->n_shares, unit, op->on, op->member_id);
  if (moved > 0)
    {
      facts.changes[facts.n_changes++] = new_payment (op->member_id, -moved, "share-transfer", op->on);
      facts.changes[facts.n_changes++] = new_payment (op->other_id, moved, "share-transfer", op->on);
    }
  /* Both members' movements reach the hub together, or neither. */
  return comptoir_db_insert_fact_group (db, write_facts, &facts, error);
}

gboolean
comptoir_member_shares_transfer (ComptoirDb   *db,
                                 const char   *from_member_id,
                                 const char   *to_member_id,
                                 guint         n_shares,
                                 ComptoirDay   on,
                                 GError      **error)
{
  Op op = { from_member_id, to_member_id, n_shares, 0, NULL, on };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (from_member_id != NULL && to_member_id != NULL, FALSE);

  if (g_str_equal (from_member_id, to_member_id))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Choose two different members to transfer shares between."));
      return FALSE;
    }
  if (!check_n_shares (n_shares, error) || !_comptoir_member_check_day (on, TRUE, error))
    return FALSE;
  return comptoir_db_transaction (db, transfer, &op, error);
}

gboolean
_comptoir_member_shares_refund_all (ComptoirDb   *db,
                                    const char   *member_id,
                                    ComptoirDay   on,
                                    GError      **error)
{
  g_auto (ComptoirShares) shares = { 0 };
  g_autoptr (ComptoirChange) change = NULL;

  if (!comptoir_member_shares_load (db, member_id, &shares, error))
    return FALSE;
  if (shares.n_shares <= 0)
    return TRUE;
  change = new_movement (member_id, COMPTOIR_SHARES_REFUND, shares.n_shares, unit_value_of (db, &shares), on, NULL);
  return comptoir_db_insert_fact (db, change, error);
}
