/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-member-private.h"
#include "comptoir-barcode.h"
#include "comptoir-change.h"
#include "comptoir-member.h"
#include "comptoir-member-status.h"
#include "comptoir-settings.h"

#define MEMBER_COLUMNS "id, number, first_name || ' ' || last_name FROM member "

static const char *right_names[] = { "ok", "warning", "blocked" };

const char *
comptoir_shopping_right_to_string (ComptoirShoppingRight right)
{
  g_return_val_if_fail (right <= COMPTOIR_SHOPPING_BLOCKED, NULL);
  return right_names[right];
}

gboolean
comptoir_shopping_right_from_string (const char            *text,
                                     ComptoirShoppingRight *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (right_names); i++)
    if (g_strcmp0 (text, right_names[i]) == 0)
      {
        *out = (ComptoirShoppingRight) i;
        return TRUE;
      }
  return FALSE;
}

void
comptoir_member_at_till_clear (ComptoirMemberAtTill *member)
{
  g_clear_pointer (&member->id, g_free);
  g_clear_pointer (&member->name, g_free);
  g_clear_pointer (&member->note, g_free);
}

char *
comptoir_member_card_barcode (const char *prefix,
                              gint64      number)
{
  char digits[14];
  int width = 12 - (int) strlen (prefix);

  g_return_val_if_fail (width > 0 && strspn (prefix, "0123456789") == strlen (prefix), NULL);
  g_snprintf (digits, sizeof digits, "%s%0*lld", prefix, width, (long long) number);
  if (strlen (digits) != 12)
    return NULL;
  digits[12] = (char) ('0' + comptoir_gtin_check_digit (digits, 12));
  digits[13] = '\0';
  return g_strdup (digits);
}

static gboolean
read_member (ComptoirDb            *db,
             ComptoirStmt          *stmt,
             ComptoirMemberAtTill  *out,
             const char            *what,
             GError               **error)
{
  g_auto (ComptoirMemberStatus) status = { 0 };
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("No member has %s. Check the card or the number with the member."), what);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  memset (out, 0, sizeof *out);
  out->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  out->number = sqlite3_column_int64 (stmt, 1);
  out->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

  /* Computed from the ledger, today, on this machine. */
  if (!comptoir_member_status_compute (db, out->id, comptoir_day_today (), &status, error))
    {
      comptoir_member_at_till_clear (out);
      return FALSE;
    }
  switch (status.kind)
    {
    case COMPTOIR_MEMBER_ALERT:
      out->right = COMPTOIR_SHOPPING_WARNING;
      break;
    case COMPTOIR_MEMBER_SUSPENDED:
    case COMPTOIR_MEMBER_UNSUBSCRIBED:
      out->right = COMPTOIR_SHOPPING_BLOCKED;
      break;
    case COMPTOIR_MEMBER_UP_TO_DATE:
    case COMPTOIR_MEMBER_EXEMPTED:
    default:
      out->right = COMPTOIR_SHOPPING_OK;
      break;
    }
  out->note = comptoir_member_status_describe (&status);
  return TRUE;
}

gboolean
comptoir_member_lookup_card (ComptoirDb            *db,
                             const char            *barcode,
                             ComptoirMemberAtTill  *out,
                             GError               **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT " MEMBER_COLUMNS "WHERE card_barcode = ?1", error);
  g_autofree char *what = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, barcode, -1, SQLITE_STATIC);
  what = g_strdup_printf (_("the card %s"), barcode);
  return read_member (db, stmt, out, what, error);
}

gboolean
comptoir_member_lookup_number (ComptoirDb            *db,
                               gint64                 number,
                               ComptoirMemberAtTill  *out,
                               GError               **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT " MEMBER_COLUMNS "WHERE number = ?1", error);
  g_autofree char *what = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, number);
  what = g_strdup_printf (_("the number %lld"), (long long) number);
  return read_member (db, stmt, out, what, error);
}

gboolean
comptoir_member_lookup_id (ComptoirDb            *db,
                           const char            *member_id,
                           ComptoirMemberAtTill  *out,
                           GError               **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT " MEMBER_COLUMNS "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  return read_member (db, stmt, out, _("this identifier"), error);
}

char *
comptoir_member_ensure_card (ComptoirDb  *db,
                             gint64       number,
                             GError     **error)
{
  g_auto (ComptoirMemberAtTill) member = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *prefix = comptoir_settings_dup (db, COMPTOIR_SETTING_MEMBER_CARD_PREFIX);
  g_autofree char *barcode = NULL;

  if (!comptoir_member_lookup_number (db, number, &member, error))
    return NULL;
  stmt = comptoir_db_prepare (db, "SELECT card_barcode FROM member WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, member.id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  barcode = comptoir_member_card_barcode (prefix, number);
  if (barcode == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Member number %lld is too long for a card with the prefix %s: choose a shorter prefix."),
                   (long long) number, prefix);
      return NULL;
    }
  change = comptoir_change_new ("member", member.id);
  comptoir_change_set_text (change, "card_barcode", barcode);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return NULL;
  return g_steal_pointer (&barcode);
}

gboolean
_comptoir_member_step_one (ComptoirDb    *db,
                           ComptoirStmt  *stmt,
                           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                         _("No member has this identifier. Check the card or the number with the member."));
  else
    comptoir_db_set_error (db, error);
  return FALSE;
}
